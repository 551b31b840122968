// 新建项目…: the file, the working CRS (a CGCS2000 3° Gauss-Krüger zone by its central
// meridian), the county's name and 6-digit code; 创建 makes the empty project and opens it.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PlanLines

Dialog {
    id: dialog

    // Emitted with the new project's path once it is written.
    signal created(string path)

    property alias filePath: fileField.text
    property alias countyName: nameField.text
    property alias countyCode: codeField.text
    property alias zoneIndex: zoneBox.currentIndex
    property string errorText: ""

    title: qsTr("新建项目")
    modal: true
    width: Math.min(560, parent ? parent.width - 40 : 560)

    // Each zone's EPSG code and its central meridian, west to east.
    readonly property var zones: ProjectFiles.zones()

    function create() {
        const path = ProjectFiles.projectPath(fileField.text.trim())
        const crs = zones[zoneBox.currentIndex].crs
        dialog.errorText = ProjectFiles.createProject(path, crs, nameField.text, codeField.text)
        if (dialog.errorText.length === 0) {
            dialog.close()
            dialog.created(path)
        }
    }

    onOpened: {
        errorText = ""
        fileField.forceActiveFocus()
    }

    FileDialog {
        id: savePicker
        objectName: "newProjectPicker"
        title: qsTr("新项目文件")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "sqlite"
        nameFilters: [qsTr("PlanLines 项目 (*.sqlite)")]
        onAccepted: fileField.text = ProjectFiles.localPath(selectedFile)
    }

    footer: DialogButtonBox {
        Button {
            objectName: "createProjectButton"
            text: qsTr("创建")
            highlighted: true
            enabled: fileField.text.trim().length > 0 && nameField.text.trim().length > 0
                     && codeField.text.trim().length > 0
            onClicked: dialog.create()
        }
        Button {
            text: qsTr("取消")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 8
        rowSpacing: 8

        Label { text: qsTr("项目文件") }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: fileField
                objectName: "newProjectFile"
                Layout.fillWidth: true
                placeholderText: qsTr("例如 /home/user/高青县.sqlite")
            }
            Button {
                objectName: "newProjectBrowse"
                text: qsTr("浏览…")
                onClicked: savePicker.open()
            }
        }
        Label { text: qsTr("工作坐标系") }
        ComboBox {
            id: zoneBox
            objectName: "newProjectZone"
            Layout.fillWidth: true
            model: dialog.zones.map(z => qsTr("%1 CGCS2000 3度带 中央经线 %2°E")
                                    .arg(z.crs).arg(z.centralMeridian))
            // EPSG:4548 (117°E): Shandong, where the sample county lies.
            currentIndex: 14
        }
        Label { text: qsTr("县（区）名称") }
        TextField {
            id: nameField
            objectName: "newProjectName"
            Layout.fillWidth: true
            placeholderText: qsTr("例如 高青县")
        }
        Label { text: qsTr("行政区划代码") }
        TextField {
            id: codeField
            objectName: "newProjectCode"
            Layout.fillWidth: true
            placeholderText: qsTr("6 位数字，例如 370322")
            validator: RegularExpressionValidator { regularExpression: /[0-9]{0,6}/ }
            inputMethodHints: Qt.ImhDigitsOnly
        }
        Label {
            objectName: "newProjectError"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: text.length > 0
            text: dialog.errorText
            color: "#B71C1C"
            wrapMode: Text.WrapAnywhere
        }
    }
}
