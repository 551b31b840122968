// Where to write the check report (.pdf or .html): the same report `planlines check --report`
// writes — a location map, the tables, the verdict and the rule texts of each site checked.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PlanLines

Dialog {
    id: dialog

    required property CheckController controller

    title: qsTr("生成检查报告")
    modal: true
    standardButtons: Dialog.Ok | Dialog.Cancel
    width: Math.min(620, parent ? parent.width - 80 : 620)

    onOpened: pathField.text = dialog.controller.suggestedReportPath()
    onAccepted: dialog.controller.writeReport(pathField.text)

    FileDialog {
        id: picker
        objectName: "reportFilePicker"
        title: qsTr("报告文件")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("PDF 文件 (*.pdf)"), qsTr("网页 (*.html)")]
        onAccepted: pathField.text = decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, ""))
    }

    ColumnLayout {
        anchors.fill: parent
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("报告含位置图、占用与地类表、结论和规则条文；文件名以 .pdf 或 .html 结尾。")
        }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: pathField
                objectName: "reportPathField"
                Layout.fillWidth: true
                selectByMouse: true
            }
            Button {
                objectName: "reportBrowseButton"
                text: qsTr("浏览…")
                onClicked: picker.open()
            }
        }
    }
}
