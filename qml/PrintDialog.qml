// The print dialog: template (paper, orientation), scale, title and subtitle, a live preview of
// the sheet, and export to PDF, PNG or SVG. The sheet shows what the map window shows now.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Dialog {
    id: dialog

    required property ProjectSession session
    // The map's current extent in the working CRS (x = easting, y = northing); empty: county.
    property rect viewExtent

    title: qsTr("打印地图")
    modal: true
    standardButtons: Dialog.Close
    width: Math.min(parent ? parent.width * 0.9 : 1000, 1100)
    height: Math.min(parent ? parent.height * 0.9 : 700, 760)

    onOpened: {
        controller.extent = useView.checked ? viewExtent : Qt.rect(0, 0, 0, 0)
        controller.updatePreview()
    }

    PrintController {
        id: controller
        objectName: "printController"
        session: dialog.session
        onSheetChanged: previewTimer.restart()
    }

    Timer {
        id: previewTimer
        interval: 250
        onTriggered: controller.updatePreview()
    }

    RowLayout {
        anchors.fill: parent
        spacing: 12

        ColumnLayout {
            Layout.preferredWidth: 260
            Layout.maximumWidth: 260
            Layout.fillWidth: false
            Layout.fillHeight: true

            Label { text: qsTr("标题") }
            TextField {
                objectName: "titleField"
                Layout.fillWidth: true
                placeholderText: dialog.session.countyName + qsTr("规划图")
                onTextChanged: controller.title = text
            }
            Label { text: qsTr("副标题") }
            TextField {
                Layout.fillWidth: true
                onTextChanged: controller.subtitle = text
            }
            Label { text: qsTr("纸张") }
            ComboBox {
                objectName: "paperBox"
                Layout.fillWidth: true
                model: ["A4", "A3", "A1", "A0"]
                currentIndex: 1
                onActivated: controller.paper = currentText
            }
            RowLayout {
                RadioButton {
                    text: qsTr("横向")
                    checked: true
                    onCheckedChanged: controller.landscape = checked
                }
                RadioButton {
                    text: qsTr("纵向")
                }
            }
            Label { text: qsTr("比例尺") }
            ComboBox {
                objectName: "scaleBox"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [
                    { text: qsTr("适合范围"), value: 0 },
                    { text: "1:2 000", value: 2000 },
                    { text: "1:5 000", value: 5000 },
                    { text: "1:10 000", value: 10000 },
                    { text: "1:25 000", value: 25000 },
                    { text: "1:50 000", value: 50000 },
                    { text: "1:100 000", value: 100000 }
                ]
                onActivated: controller.scaleDenominator = currentValue
            }
            CheckBox {
                id: useView
                text: qsTr("以当前地图视图为范围")
                checked: true
                onToggled: controller.extent = checked ? dialog.viewExtent : Qt.rect(0, 0, 0, 0)
            }
            Label { text: qsTr("导出到（.pdf、.png 或 .svg）") }
            TextField {
                id: outPath
                objectName: "outPath"
                Layout.fillWidth: true
                text: "/tmp/" + (dialog.session.countyName || "planlines") + "规划图.pdf"
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
            Item { Layout.fillHeight: true }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "#D8D8D8"

            Image {
                objectName: "preview"
                anchors.fill: parent
                anchors.margins: 8
                fillMode: Image.PreserveAspectFit
                source: controller.previewUrl
                cache: false
            }
        }
    }
}
