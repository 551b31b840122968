// The print panel (打印地图), a side panel beside the map, not a dialog over it: the map stays
// visible and can be panned and zoomed while the panel is open, and the live preview follows
// it. Template (paper, orientation), a scale chosen or typed (1:7500), what the sheet shows
// (the map's view, the county, or a township, outlined), title and subtitle, and export to
// PDF, PNG or SVG.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Pane {
    id: panel

    required property ProjectSession session
    // The map whose view the sheet follows (may be null: the county).
    property MapView map: null
    // Shown (the window's side panel is "print"); the name dialogs use.
    readonly property bool opened: visible
    // "view", "county" or "township"
    property string extentMode: "view"
    property alias controller: controller

    signal closeRequested()

    padding: 8

    // The map's view now, working CRS.
    function viewExtent() {
        if (!panel.map || panel.map.width <= 0)
            return Qt.rect(0, 0, 0, 0)
        const a = panel.map.itemToWorld(0, 0)
        const b = panel.map.itemToWorld(panel.map.width, panel.map.height)
        return Qt.rect(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.abs(b.x - a.x),
                       Math.abs(b.y - a.y))
    }
    function applyExtent() {
        controller.township = panel.extentMode === "township" ? townshipBox.currentText : ""
        controller.extent = panel.extentMode === "view" ? viewExtent() : Qt.rect(0, 0, 0, 0)
    }
    function applyScale(text) {
        const ok = text === qsTr("适合范围") ? controller.setScaleText("")
                                            : controller.setScaleText(text)
        scaleError.text = ok ? "" : qsTr("“%1”不是比例尺（例如 1:5000）").arg(text)
    }

    onVisibleChanged: {
        if (visible) {
            applyExtent()
            controller.updatePreview()
        }
    }
    Keys.onEscapePressed: panel.closeRequested()

    PrintController {
        id: controller
        objectName: "printController"
        session: panel.session
        onSheetChanged: if (panel.visible) previewTimer.restart()
    }

    Timer {
        id: previewTimer
        interval: 250
        onTriggered: controller.updatePreview()
    }

    // The preview follows the map while the sheet shows its view.
    Connections {
        target: panel.map
        enabled: panel.visible && panel.extentMode === "view"
        function onViewportChanged() { controller.extent = panel.viewExtent() }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("打印地图")
                font.pixelSize: 16
                font.bold: true
                Layout.fillWidth: true
            }
            ToolButton {
                objectName: "printClose"
                text: "✕"
                onClicked: panel.closeRequested()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("关闭")
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(width * 0.72, panel.height * 0.45)
            color: "#D8D8D8"

            Image {
                objectName: "preview"
                anchors.fill: parent
                anchors.margins: 4
                fillMode: Image.PreserveAspectFit
                source: controller.previewUrl
                cache: false
            }
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            GridLayout {
                width: parent.width
                columns: 2
                columnSpacing: 6
                rowSpacing: 4

                Label { text: qsTr("范围") }
                ComboBox {
                    id: extentBox
                    objectName: "extentBox"
                    Layout.fillWidth: true
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { text: qsTr("当前地图视图"), value: "view" },
                        { text: qsTr("全县"), value: "county" },
                        { text: qsTr("乡镇"), value: "township" }
                    ]
                    onActivated: {
                        panel.extentMode = currentValue
                        panel.applyExtent()
                    }
                }
                Label {
                    text: qsTr("乡镇")
                    visible: panel.extentMode === "township"
                }
                ComboBox {
                    id: townshipBox
                    objectName: "townshipBox"
                    visible: panel.extentMode === "township"
                    Layout.fillWidth: true
                    model: controller.townships
                    onActivated: panel.applyExtent()
                }
                Label { text: qsTr("比例尺") }
                ComboBox {
                    id: scaleBox
                    objectName: "scaleBox"
                    Layout.fillWidth: true
                    editable: true
                    model: [qsTr("适合范围"), "1:2 000", "1:5 000", "1:10 000", "1:25 000",
                            "1:50 000", "1:100 000"]
                    onActivated: panel.applyScale(currentText)
                    onAccepted: panel.applyScale(editText)
                    ToolTip.visible: hovered && !down
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("可直接输入比例尺（如 1:7500）后回车")
                }
                Label {
                    id: scaleError
                    objectName: "scaleError"
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    visible: text.length > 0
                    color: "#B71C1C"
                    wrapMode: Text.Wrap
                }
                Label { text: qsTr("纸张") }
                RowLayout {
                    Layout.fillWidth: true
                    ComboBox {
                        objectName: "paperBox"
                        Layout.fillWidth: true
                        model: ["A4", "A3", "A1", "A0"]
                        currentIndex: 1
                        onActivated: controller.paper = currentText
                    }
                    RadioButton {
                        text: qsTr("横向")
                        checked: true
                        onCheckedChanged: controller.landscape = checked
                    }
                    RadioButton {
                        text: qsTr("纵向")
                    }
                }
                Label { text: qsTr("标题") }
                TextField {
                    objectName: "titleField"
                    Layout.fillWidth: true
                    placeholderText: panel.extentMode === "township" && townshipBox.currentText
                                     ? townshipBox.currentText
                                     : panel.session.countyName + qsTr("规划图")
                    onTextChanged: controller.title = text
                }
                Label { text: qsTr("副标题") }
                TextField {
                    Layout.fillWidth: true
                    onTextChanged: controller.subtitle = text
                }
                Label {
                    text: qsTr("导出到（.pdf、.png 或 .svg）")
                    Layout.columnSpan: 2
                }
                TextField {
                    id: outPath
                    objectName: "outPath"
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    text: "/tmp/" + (panel.session.countyName || "planlines") + "规划图.pdf"
                }
                Button {
                    objectName: "exportButton"
                    text: qsTr("导出")
                    onClicked: controller.exportTo("file://" + outPath.text)
                }
                Label {
                    objectName: "exportMessage"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: controller.message
                }
            }
        }
    }
}
