// The corridor panel (生态廊道建设进度): a date slider that sets what the map, the totals and
// the segment list show; the totals by status; the cumulative progress and status-by-township
// charts (QtCharts) with PNG export as on screen (SVG: the sheet's vector chart); the segment
// list; a form to record progress. Opening it fits the corridor; 定位 shows a chainage as search
// does (1:5 000, a marker, its segment outlined); a segment clicked in the list is zoomed to.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Pane {
    id: panel

    required property ProjectSession session
    // The map to move for "go to chainage" (may be null).
    property MapView map: null
    // The map's tools: their navigator zooms, their overlay marks and outlines (may be null).
    property var tools: null
    property alias controller: ctl
    // The scale 定位 shows a chainage at, as search does.
    readonly property real chainageScale: 5000
    property bool fitPending: false

    // Zooms to an extent [minE, minN, maxE, maxN] and outlines a segment (fid) of the corridor.
    function showExtent(e, fid) {
        if (!panel.tools || e.length !== 4)
            return
        panel.tools.identify.clear()
        panel.tools.overlay.markerPoint = undefined
        panel.tools.overlay.highlightTable = fid !== undefined ? ctl.layerTable : ""
        panel.tools.overlay.highlightFid = fid !== undefined ? fid : -1
        panel.tools.navigator.zoomToExtent(e[0], e[1], e[2], e[3])
    }
    function fitCorridor() {
        panel.fitPending = false
        if (ctl.ready && ctl.extent.length === 4 && panel.tools)
            panel.tools.navigator.zoomToExtent(ctl.extent[0], ctl.extent[1], ctl.extent[2],
                                               ctl.extent[3])
    }
    function goToChainage(text) {
        const p = ctl.pointAt(text)
        if (p.error) {
            chainageResult.text = p.error
            return false
        }
        chainageResult.text = qsTr("%1：%2 E，%3 N（%4）").arg(text)
            .arg(p.easting.toFixed(1)).arg(p.northing.toFixed(1)).arg(p.segment)
        if (panel.tools) {
            panel.tools.identify.clear()
            panel.tools.overlay.highlightTable = p.fid !== undefined ? ctl.layerTable : ""
            panel.tools.overlay.highlightFid = p.fid !== undefined ? p.fid : -1
            panel.tools.overlay.markerPoint = Qt.point(p.easting, p.northing)
            panel.tools.navigator.zoomToPoint(p.easting, p.northing, panel.chainageScale)
        } else if (panel.map) {
            const at = panel.map.worldToItem(p.easting, p.northing)
            panel.map.panBy(panel.map.width / 2 - at.x, panel.map.height / 2 - at.y)
        }
        return true
    }
    // Both charts as on screen: progress to path, townships to path with "_乡镇" before the
    // extension. A .svg path writes the sheet's vector progress chart instead.
    function exportCharts(path) {
        if (path.toLowerCase().endsWith(".svg")) {
            exportStatus.text = ctl.exportChart(path) || qsTr("已导出")
            return
        }
        if (!chartsLoader.item) {
            exportStatus.text = qsTr("图表尚未显示")
            return
        }
        const dot = path.lastIndexOf(".")
        const png = dot > path.lastIndexOf("/") ? path : path + ".png"
        const town = png.slice(0, png.lastIndexOf(".")) + qsTr("_乡镇") + png.slice(png.lastIndexOf("."))
        chartsLoader.item.exportImages(png, town, error => {
            exportStatus.text = error.length > 0 ? error
                : qsTr("已导出：%1、%2").arg(ProjectFiles.fileName(png)).arg(ProjectFiles.fileName(town))
        })
    }

    // The fit waits for the layout: the map narrows when the panel appears, and a fit made
    // before would keep the wider map's scale.
    onVisibleChanged: {
        fitPending = visible
        if (visible)
            fitTimer.restart()
    }
    Timer {
        id: fitTimer
        interval: 50
        onTriggered: if (panel.fitPending && ctl.ready) panel.fitCorridor()
    }
    Connections {
        target: panel.map
        enabled: panel.fitPending
        function onWidthChanged() { fitTimer.restart() }
    }

    padding: 8

    CorridorController {
        id: ctl
        objectName: "corridorController"
        session: panel.session
        // The box and the slider show the date whatever set it (the box, the slider, a test,
        // a reload that moved the range).
        onDateChanged: panel.syncDate()
        onRangeChanged: panel.syncDate()
        onLoaded: {
            panel.syncDate()
            if (panel.fitPending && panel.visible)
                fitTimer.restart()
        }
    }
    // The range first, then the handle: a handle set before its range grows would be clamped.
    function syncDate() {
        dateField.text = ctl.date
        slider.to = Math.max(1, ctl.dayCount)
        slider.value = ctl.day
    }
    Component.onCompleted: syncDate()

    ScrollView {
        objectName: "corridorScroll"
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
                    Layout.preferredWidth: 110
                    // A date that is not one, or is written otherwise, shows the date in force.
                    onEditingFinished: {
                        ctl.date = text
                        panel.syncDate()
                    }
                }
            }
            Slider {
                id: slider
                objectName: "dateSlider"
                visible: ctl.ready
                Layout.fillWidth: true
                from: 0
                stepSize: 1
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
                    onAccepted: panel.goToChainage(text)
                }
                Button {
                    id: goTo
                    objectName: "goToChainage"
                    text: qsTr("定位")
                    onClicked: panel.goToChainage(chainageField.text)
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
                id: chartsLoader
                // QtCharts needs a QApplication; the panel only exists in the window.
                objectName: "chartsLoader"
                active: ctl.ready && panel.visible
                Layout.fillWidth: true
                Layout.preferredHeight: active && item ? item.implicitHeight : 0
                sourceComponent: CorridorCharts {
                    controller: ctl
                }
            }

            RowLayout {
                visible: ctl.ready
                TextField {
                    id: exportPath
                    objectName: "chartExportPath"
                    Layout.fillWidth: true
                    placeholderText: qsTr("导出文件（.png 或 .svg）")
                    text: "/tmp/" + (ctl.layerName || "corridor") + qsTr("进度") + ".png"
                }
                Button {
                    objectName: "chartExportButton"
                    text: qsTr("导出图表")
                    onClicked: panel.exportCharts(exportPath.text)
                }
            }
            Label {
                id: exportStatus
                objectName: "chartExportStatus"
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
                        const info = ctl.segmentInfo(segmentId)
                        if (info.extent)
                            panel.showExtent(info.extent, info.fid)
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
                        // The township over the status: "Under construction 40%" beside it
                        // left no room for a township's name at 1280×720.
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Label { text: township; Layout.fillWidth: true; elide: Text.ElideRight }
                            Label {
                                text: statusLabel + " " + percent + "%"
                                color: "#607D8B"
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                            }
                        }
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
