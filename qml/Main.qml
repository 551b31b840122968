// The main window: the layer panel on the left, the map, a status line; a banner when the
// project's data are synthetic and an error pane when the project cannot be opened.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

ApplicationWindow {
    id: window

    required property string databasePath
    // A site (name or fid) to check at start (--check-site): the check panel opens with it.
    property string checkSite: ""
    // True while the check panel works (the screenshot mode waits for it).
    readonly property bool pending: checkPanel.pending

    width: 1280
    height: 800
    visible: true
    title: session.countyName.length > 0 ? qsTr("PlanLines — %1").arg(session.countyName)
                                         : "PlanLines"

    ProjectSession {
        id: session
        path: window.databasePath
    }

    header: SyntheticBanner {
        objectName: "syntheticBanner"
        visible: session.synthetic
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        LayerPanel {
            objectName: "layerPanel"
            Layout.preferredWidth: 280
            Layout.fillHeight: true
            model: session.layers
            onZoomToLayerRequested: table => tools.navigator.zoomToLayer(table)
            onAttributeTableRequested: table => attributeTable.openLayer(table)
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true

            MapView {
                id: map
                objectName: "mapView"
                anchors.fill: parent
                session: session
                visible: session.status === ProjectSession.Ready

                TapHandler {
                    acceptedButtons: Qt.LeftButton
                    onTapped: (eventPoint, button) => tools.tapped(eventPoint.position.x,
                                                                   eventPoint.position.y)
                    onDoubleTapped: (eventPoint, button) => tools.doubleTapped(
                                        eventPoint.position.x, eventPoint.position.y)
                }
                TapHandler {
                    acceptedButtons: Qt.RightButton
                    onTapped: tools.measure.clear()
                }
            }

            BusyIndicator {
                anchors.centerIn: parent
                // Gone at once with the first frame (no fade-out), so screenshots are clean.
                visible: running
                running: session.status === ProjectSession.Loading
                    || (session.status === ProjectSession.Ready && !map.ready)
            }

            ErrorPane {
                objectName: "errorPane"
                anchors.fill: parent
                visible: session.status === ProjectSession.Error
                path: session.path
                message: session.errorString
            }

            MapTools {
                id: tools
                objectName: "mapTools"
                anchors.fill: parent
                map: map
                session: session
                visible: session.status === ProjectSession.Ready
                focus: true
            }

            // The tool bar sits beside the buttons on the right when both fit, else under them
            // (a side panel open on a narrow window); its search box narrows before that.
            MapToolBar {
                objectName: "mapToolBar"
                readonly property real room: parent.width - rightButtons.width - 24
                readonly property bool besideButtons: implicitWidth - searchShrink <= room
                anchors.left: parent.left
                anchors.top: besideButtons ? parent.top : rightButtons.bottom
                anchors.margins: 8
                width: Math.min(implicitWidth, besideButtons ? room : parent.width - 16)
                tools: tools
                session: session
                visible: session.status === ProjectSession.Ready
                onImportRequested: importDialog.open()
            }

            // Files dropped on the map are imported into the project.
            DropArea {
                objectName: "importDropArea"
                anchors.fill: parent
                onDropped: drop => {
                    if (drop.hasUrls) {
                        importDialog.importFiles(drop.urls);
                        drop.accept();
                    }
                }
            }

            Row {
                id: rightButtons
                anchors.top: parent.top
                anchors.right: parent.right
                anchors.margins: 8
                spacing: 8
                visible: session.status === ProjectSession.Ready

                Button {
                    id: checkToggle
                    objectName: "checkToggle"
                    text: qsTr("选址检查")
                    checkable: true
                    checked: window.checkSite.length > 0
                }

                RoundButton {
                    id: printButton
                    objectName: "printButton"
                    text: qsTr("打印")
                    onClicked: {
                        const a = map.itemToWorld(0, 0)
                        const b = map.itemToWorld(map.width, map.height)
                        printDialog.viewExtent = Qt.rect(Math.min(a.x, b.x), Math.min(a.y, b.y),
                                                         Math.abs(b.x - a.x), Math.abs(b.y - a.y))
                        printDialog.open()
                    }
                }

                Button {
                    id: corridorToggle
                    objectName: "corridorToggle"
                    text: qsTr("生态廊道")
                    checkable: true
                }
            }
        }

        CheckPanel {
            id: checkPanel
            objectName: "checkPanel"
            visible: checkToggle.checked
            Layout.preferredWidth: 470
            Layout.fillHeight: true
            session: checkToggle.checked ? map.session : null
            map: map
            tools: tools
            autoCheckSite: window.checkSite
        }

        CorridorPanel {
            objectName: "corridorPanel"
            visible: corridorToggle.checked
            Layout.preferredWidth: 440
            Layout.fillHeight: true
            session: corridorToggle.checked ? map.session : null
            map: map
        }
    }

    PrintDialog {
        id: printDialog
        objectName: "printDialog"
        session: session
        anchors.centerIn: parent
    }

    AttributeTable {
        id: attributeTable
        objectName: "attributeTable"
        session: session
        tools: tools
        map: map
    }

    ImportDialog {
        id: importDialog
        objectName: "importDialog"
        anchors.centerIn: parent
        session: session
    }

    footer: StatusLine {
        objectName: "statusLine"
        crs: session.workingCrs
        crsDescription: session.crsDescription
        // At the screen's DPI (the navigator knows it), as the round scales are.
        scaleDenominator: map.ready ? tools.navigator.scaleDenominator : 0
        positionText: tools.cursor.projectedText
        lonLatText: tools.cursor.geographicText
    }
}
