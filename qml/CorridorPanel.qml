// The corridor panel (生态廊道建设进度): a date slider that sets what the map, the totals and
// the segment list show; the totals by status; the cumulative progress and status-by-township
// charts (QtCharts) with PNG/SVG export; the segment list; a form to record progress.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Pane {
    id: panel

    required property ProjectSession session
    // The map to move for "go to chainage" (may be null).
    property MapView map: null
    property alias controller: ctl

    padding: 8

    CorridorController {
        id: ctl
        objectName: "corridorController"
        session: panel.session
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: parent.width
            spacing: 6

            Label {
                text: qsTr("生态廊道建设进度")
                font.pixelSize: 16
                font.bold: true
            }
            Label {
                visible: !ctl.ready
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#B71C1C"
                text: ctl.errorString.length > 0 ? ctl.errorString : qsTr("项目中没有生态廊道图层")
            }

            RowLayout {
                visible: ctl.ready
                Label { text: qsTr("日期") }
                TextField {
                    id: dateField
                    objectName: "dateField"
                    text: ctl.date
                    Layout.preferredWidth: 110
                    onEditingFinished: ctl.date = text
                }
            }
            Slider {
                id: slider
                objectName: "dateSlider"
                visible: ctl.ready
                Layout.fillWidth: true
                from: 0
                to: Math.max(1, ctl.dayCount)
                stepSize: 1
                value: ctl.day
                onMoved: ctl.date = ctl.dateForDay(Math.round(value))
            }

            RowLayout {
                visible: ctl.ready
                Label { text: qsTr("桩号定位") }
                TextField {
                    id: chainageField
                    objectName: "chainageField"
                    placeholderText: "K12+300"
                    Layout.preferredWidth: 110
                    onAccepted: goTo.clicked()
                }
                Button {
                    id: goTo
                    objectName: "goToChainage"
                    text: qsTr("定位")
                    onClicked: {
                        const p = ctl.pointAt(chainageField.text)
                        if (p.error) {
                            chainageResult.text = p.error
                            return
                        }
                        chainageResult.text = qsTr("%1：%2 E，%3 N（%4）").arg(chainageField.text)
                            .arg(p.easting.toFixed(1)).arg(p.northing.toFixed(1)).arg(p.segment)
                        if (panel.map) {
                            const at = panel.map.worldToItem(p.easting, p.northing)
                            panel.map.panBy(panel.map.width / 2 - at.x, panel.map.height / 2 - at.y)
                        }
                    }
                }
            }
            Button {
                id: pick
                objectName: "pickChainage"
                visible: ctl.ready && panel.map !== null
                checkable: true
                text: qsTr("点击地图取桩号")
            }
            TapHandler {
                // On the map: the chainage of a clicked point (the map still pans on a drag).
                parent: panel.map
                enabled: pick.checked && panel.visible && ctl.ready
                onTapped: (eventPoint) => {
                    const w = panel.map.itemToWorld(eventPoint.position.x, eventPoint.position.y)
                    const loc = ctl.locate(w.x, w.y)
                    chainageResult.text = loc.error ? loc.error
                        : qsTr("%1，距大堤 %2 米（%3）").arg(loc.chainage)
                            .arg(loc.offsetM.toFixed(1)).arg(loc.segment)
                }
            }
            Label {
                id: chainageResult
                objectName: "chainageResult"
                visible: text.length > 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }

            CorridorTotals {
                visible: ctl.ready
                Layout.fillWidth: true
                totals: ctl.totals
            }

            Loader {
                // QtCharts needs a QApplication; the panel only exists in the window.
                objectName: "chartsLoader"
                active: ctl.ready && panel.visible
                Layout.fillWidth: true
                Layout.preferredHeight: active ? 460 : 0
                sourceComponent: CorridorCharts {
                    controller: ctl
                }
            }

            RowLayout {
                visible: ctl.ready
                TextField {
                    id: exportPath
                    Layout.fillWidth: true
                    placeholderText: qsTr("导出文件（.png 或 .svg）")
                }
                Button {
                    text: qsTr("导出图表")
                    onClicked: exportStatus.text = ctl.exportChart(exportPath.text) || qsTr("已导出")
                }
            }
            Label {
                id: exportStatus
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }

            Label {
                visible: ctl.ready
                text: qsTr("分段（%1）").arg(segmentList.count)
                font.bold: true
            }
            ListView {
                id: segmentList
                objectName: "segmentList"
                visible: ctl.ready
                Layout.fillWidth: true
                Layout.preferredHeight: 220
                clip: true
                model: ctl.segments
                ScrollBar.vertical: ScrollBar {}
                delegate: ItemDelegate {
                    required property int index
                    required property string segmentId
                    required property string range
                    required property string township
                    required property string statusLabel
                    required property double percent
                    required property color statusColor

                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem
                    onClicked: {
                        ListView.view.currentIndex = index
                        form.segmentId = segmentId
                    }
                    contentItem: RowLayout {
                        Rectangle {
                            width: 12
                            height: 12
                            color: statusColor
                            border.color: "#757575"
                        }
                        Label { text: segmentId; Layout.preferredWidth: 64 }
                        Label { text: range; Layout.preferredWidth: 120 }
                        Label { text: township; Layout.fillWidth: true; elide: Text.ElideRight }
                        Label { text: statusLabel + " " + percent + "%" }
                    }
                }
            }

            CorridorProgressForm {
                id: form
                visible: ctl.ready
                Layout.fillWidth: true
                controller: ctl
            }
        }
    }
}
