// The main window: the project bar across the top (project menu, the side panels' buttons,
// print, help), the layer panel on the left, the map, one side panel at a time on the right, a
// status line; a banner when the project's data are synthetic, an error pane when the project
// cannot be opened, and a start pane (open, new, recent) when none is.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PlanLines

ApplicationWindow {
    id: window

    // The project to open at start; "" starts without one (the start pane).
    required property string databasePath
    // A site (name or fid) to check at start (--check-site): the check panel opens with it.
    property string checkSite: ""
    // True while the check panel works (the screenshot mode waits for it).
    readonly property bool pending: checkPanel.pending
    // The side panel shown: "check", "corridor", "change", "print" or "" (one at a time, so the map keeps
    // room).
    property string sidePanel: checkSite.length > 0 ? "check" : ""
    readonly property bool projectReady: session.status === ProjectSession.Ready
    // The map keeps at least half the window: the layer panel and a side panel share the rest.
    readonly property real layerPanelWidth: Math.min(280, Math.round(width * 0.2))
    readonly property real sidePanelRoom: Math.floor(width / 2) - layerPanelWidth

    property alias session: session
    property alias mapTools: tools

    width: 1280
    height: 800
    visible: true
    title: session.countyName.length > 0
           ? qsTr("PlanLines — %1（%2）").arg(session.countyName)
                                        .arg(ProjectFiles.fileName(session.path))
           : "PlanLines"

    // 打开项目: the project in use stays until the new one has loaded (or stays if it cannot).
    function openProject(path) {
        if (path.length > 0)
            session.open(path)
    }
    function chooseProject() {
        openPicker.open()
    }
    function newProject() {
        newProjectDialog.open()
    }
    // 打印: a side panel beside the map (the map stays movable, the preview follows it).
    function showPrint() {
        if (!window.projectReady)
            return
        window.toggleSidePanel("print")
        if (window.sidePanel === "print")
            printDialog.forceActiveFocus()
        else
            window.focusMap()
    }
    function toggleSidePanel(name) {
        window.sidePanel = window.sidePanel === name ? "" : name
    }
    // Back to the map (keys pan and zoom) after a dialog or the scale field.
    function focusMap() {
        tools.forceActiveFocus()
    }

    Component.onCompleted: focusMap()

    ProjectSession {
        id: session
        path: window.databasePath
        onOpened: path => {
            AppSettings.addRecentProject(path)
            // Nothing of the previous project stays: no panel, highlight, measure or result.
            window.sidePanel = ""
            tools.tool = "identify"
            tools.clearAll()
            window.focusMap()
        }
        onOpenFailed: (path, message) => {
            openErrorDialog.path = path
            openErrorDialog.message = message
            openErrorDialog.open()
        }
        onStatusChanged: if (status === ProjectSession.Ready)
                             AppSettings.addRecentProject(path)
    }

    // Window-wide: they work wherever the focus is (a panel's field, the search box).
    Shortcut {
        sequence: StandardKey.Open
        onActivated: window.chooseProject()
    }
    Shortcut {
        sequence: StandardKey.Print
        onActivated: window.showPrint()
    }
    Shortcut {
        sequence: StandardKey.Find
        enabled: window.projectReady
        onActivated: {
            mapToolBar.searchBox.forceActiveFocus()
            mapToolBar.searchBox.selectAll()
        }
    }
    Shortcut {
        sequence: StandardKey.HelpContents
        onActivated: helpDialog.open()
    }

    // The banner first, hard to miss; then the bar with the project menu and the panels.
    header: Column {
        SyntheticBanner {
            objectName: "syntheticBanner"
            width: window.width
            visible: session.synthetic
        }
        WindowToolBar {
            id: toolBar
            objectName: "windowToolBar"
            width: window.width
            sidePanel: window.sidePanel
            projectReady: window.projectReady
            onOpenRequested: window.chooseProject()
            onNewRequested: window.newProject()
            onConnectRequested: connectDialog.open()
            onRecentChosen: path => window.openProject(path)
            onPrintRequested: window.showPrint()
            onHelpRequested: helpDialog.open()
            onSidePanelToggled: name => window.toggleSidePanel(name)
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        LayerPanel {
            objectName: "layerPanel"
            Layout.preferredWidth: window.layerPanelWidth
            Layout.fillHeight: true
            model: session.layers
            onZoomToLayerRequested: table => tools.navigator.zoomToLayer(table)
            onAttributeTableRequested: table => attributeTable.openLayer(table)
        }

        Item {
            objectName: "mapArea"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true

            MapView {
                id: map
                objectName: "mapView"
                anchors.fill: parent
                session: session
                visible: window.projectReady

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
                running: session.opening || session.status === ProjectSession.Loading
                    || (window.projectReady && !map.ready)
            }

            ErrorPane {
                objectName: "errorPane"
                anchors.fill: parent
                visible: session.status === ProjectSession.Error
                path: ProjectFiles.displayName(session.path)
                message: session.errorString
            }

            StartPane {
                objectName: "startPane"
                anchors.fill: parent
                visible: session.status === ProjectSession.Null && !session.opening
                onOpenRequested: window.chooseProject()
                onNewRequested: window.newProject()
            onConnectRequested: connectDialog.open()
                onRecentChosen: path => window.openProject(path)
            }

            MapTools {
                id: tools
                objectName: "mapTools"
                anchors.fill: parent
                map: map
                session: session
                visible: window.projectReady
                focus: true
            }

            MapToolBar {
                id: mapToolBar
                objectName: "mapToolBar"
                anchors.left: parent.left
                anchors.top: parent.top
                anchors.margins: 8
                width: Math.min(implicitWidth, parent.width - 16)
                tools: tools
                session: session
                visible: window.projectReady
                onImportRequested: importDialog.open()
            }
        }

        CheckPanel {
            id: checkPanel
            objectName: "checkPanel"
            visible: window.sidePanel === "check"
            Layout.preferredWidth: Math.min(470, window.sidePanelRoom)
            Layout.fillHeight: true
            session: visible ? map.session : null
            map: map
            tools: tools
            autoCheckSite: window.checkSite
        }

        CorridorPanel {
            objectName: "corridorPanel"
            visible: window.sidePanel === "corridor"
            Layout.preferredWidth: Math.min(440, window.sidePanelRoom)
            Layout.fillHeight: true
            session: visible ? map.session : null
            map: map
            tools: tools
        }

        ChangePanel {
            objectName: "changePanel"
            visible: window.sidePanel === "change"
            Layout.preferredWidth: Math.min(520, window.sidePanelRoom)
            Layout.fillHeight: true
            session: visible ? map.session : null
            map: map
            tools: tools
        }

        PrintDialog {
            id: printDialog
            objectName: "printDialog"
            visible: window.sidePanel === "print"
            Layout.preferredWidth: Math.min(470, window.sidePanelRoom)
            Layout.fillHeight: true
            session: session
            map: map
            onCloseRequested: {
                window.sidePanel = ""
                window.focusMap()
            }
        }
    }

    // A project file dropped on the window opens it; other files are imported into the project.
    DropArea {
        objectName: "dropArea"
        anchors.fill: parent
        onDropped: drop => {
            if (!drop.hasUrls)
                return
            const first = ProjectFiles.localPath(drop.urls[0])
            if (drop.urls.length === 1 && ProjectFiles.isProject(first))
                window.openProject(first)
            else if (window.projectReady)
                importDialog.importFiles(drop.urls)
            else
                return
            drop.accept()
        }
    }

    FileDialog {
        id: openPicker
        objectName: "openProjectPicker"
        title: qsTr("打开项目")
        nameFilters: [qsTr("PlanLines 项目 (*.sqlite)"), qsTr("所有文件 (*)")]
        onAccepted: window.openProject(ProjectFiles.localPath(selectedFile))
    }

    ConnectDialog {
        id: connectDialog
        objectName: "connectDialog"
        anchors.centerIn: parent
        onConnectRequested: location => window.openProject(location)
        onClosed: window.focusMap()
    }

    NewProjectDialog {
        id: newProjectDialog
        objectName: "newProjectDialog"
        anchors.centerIn: parent
        onCreated: path => window.openProject(path)
        onClosed: window.focusMap()
    }

    Dialog {
        id: openErrorDialog
        objectName: "openErrorDialog"
        property string path
        property string message
        anchors.centerIn: parent
        width: Math.min(560, window.width - 40)
        modal: true
        title: qsTr("无法打开项目")
        standardButtons: Dialog.Close
        onClosed: window.focusMap()
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            Label {
                objectName: "openErrorFile"
                Layout.fillWidth: true
                wrapMode: Text.WrapAnywhere
                font.bold: true
                text: qsTr("%1 不是可以打开的 PlanLines 项目。")
                      .arg(ProjectFiles.displayName(openErrorDialog.path))
            }
            Label {
                objectName: "openErrorMessage"
                Layout.fillWidth: true
                wrapMode: Text.WrapAnywhere
                text: openErrorDialog.message
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#555555"
                text: session.status === ProjectSession.Ready
                      ? qsTr("仍在使用 %1。").arg(ProjectFiles.fileName(session.path)) : ""
                visible: text.length > 0
            }
        }
    }

    HelpDialog {
        id: helpDialog
        objectName: "helpDialog"
        anchors.centerIn: parent
        onClosed: window.focusMap()
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
        notice: session.storeNotice
        // At the screen's DPI (the navigator knows it), as the round scales are.
        scaleDenominator: map.ready ? tools.navigator.scaleDenominator : 0
        positionText: tools.cursor.projectedText
        lonLatText: tools.cursor.geographicText
        onScaleEntered: text => {
            tools.navigator.setScaleText(text)
            window.focusMap()
        }
    }
}
