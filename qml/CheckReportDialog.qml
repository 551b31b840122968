// Where to write the review report (建设项目用地预审与选址合规性分析) and with which template:
// the same report `planlines check --report` writes — first page with the verdict and the
// signature lines, the maps, 三线协调, 用地现状, 三线一单 and every rule's finding — as PDF, ODT
// (opens in WPS and Word), HTML or XLSX (the tables).
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PlanLines

Dialog {
    id: dialog

    required property CheckController controller
    readonly property var formats: ["pdf", "odt", "html", "xlsx"]

    title: qsTr("生成审查报告")
    modal: true
    standardButtons: Dialog.Ok | Dialog.Cancel
    width: Math.min(660, parent ? parent.width - 80 : 660)

    // The path with the extension of the chosen format.
    function withFormat(path, format) {
        const dot = path.lastIndexOf(".")
        const slash = path.lastIndexOf("/")
        return (dot > slash ? path.substring(0, dot) : path) + "." + format
    }

    onOpened: pathField.text = withFormat(dialog.controller.suggestedReportPath(),
                                          dialog.formats[formatBox.currentIndex])
    onAccepted: dialog.controller.writeReport(pathField.text, templateField.text)

    FileDialog {
        id: picker
        objectName: "reportFilePicker"
        title: qsTr("报告文件")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("PDF 文件 (*.pdf)"), qsTr("OpenDocument 文本 (*.odt)"),
            qsTr("网页 (*.html)"), qsTr("Excel 表格 (*.xlsx)")]
        onAccepted: pathField.text = decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, ""))
    }

    FileDialog {
        id: templatePicker
        objectName: "reportTemplatePicker"
        title: qsTr("报告模板")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("报告模板 (*.json)")]
        onAccepted: templateField.text = decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, ""))
    }

    GridLayout {
        anchors.fill: parent
        columns: 3
        Label {
            Layout.columnSpan: 3
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("报告含项目概况与结论、签字栏、位置图、三线协调、用地现状、三线一单和规则条文。PDF 用于打印，ODT 可在 WPS 和 Word 中编辑，XLSX 为各表格。")
        }
        Label { text: qsTr("格式") }
        ComboBox {
            id: formatBox
            objectName: "reportFormatBox"
            Layout.columnSpan: 2
            implicitContentWidthPolicy: ComboBox.WidestText
            model: [qsTr("PDF（打印）"), qsTr("ODT（可编辑文档）"), qsTr("HTML（网页）"),
                qsTr("XLSX（表格）")]
            onActivated: pathField.text = dialog.withFormat(pathField.text, dialog.formats[currentIndex])
        }
        Label { text: qsTr("文件") }
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
        Label { text: qsTr("模板") }
        TextField {
            id: templateField
            objectName: "reportTemplateField"
            Layout.fillWidth: true
            selectByMouse: true
            placeholderText: qsTr("内置模板（留空）")
        }
        Button {
            objectName: "reportTemplateBrowseButton"
            text: qsTr("浏览…")
            onClicked: templatePicker.open()
        }
    }
}
