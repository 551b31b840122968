// Import files into the project: pick them (or drop them on the map), watch the progress with
// Cancel, read the per-file report, choose a role when one was not recognised and import again.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PlanLines

Dialog {
    id: dialog

    required property ProjectSession session
    property alias controller: controller

    title: qsTr("导入数据")
    modal: true
    width: Math.min(720, parent ? parent.width - 80 : 720)
    height: Math.min(560, parent ? parent.height - 80 : 560)
    standardButtons: Dialog.Close
    closePolicy: controller.busy ? Popup.NoAutoClose : Popup.CloseOnEscape

    // Imports files (URLs or paths) at once, opening the dialog to show the progress.
    function importFiles(files) {
        open();
        controller.start(files, "");
    }

    ImportController {
        id: controller
        objectName: "importController"
        session: dialog.session
    }

    FileDialog {
        id: picker
        objectName: "importFilePicker"
        title: qsTr("选择要导入的文件")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("空间数据 (*.shp *.zip *.gdb *.gpkg *.geojson *.json *.kml *.kmz *.dxf *.tab *.mif *.csv *.sqlite *.txt)"),
                      qsTr("所有文件 (*)")]
        onAccepted: controller.start(selectedFiles, "")
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            Button {
                objectName: "chooseFilesButton"
                text: qsTr("选择文件…")
                enabled: !controller.busy
                onClicked: picker.open()
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("也可以把文件直接拖到地图上。")
                color: "#607D8B"
                elide: Text.ElideRight
            }
        }

        RowLayout {
            Layout.fillWidth: true
            visible: controller.busy
            ProgressBar {
                objectName: "importProgress"
                Layout.fillWidth: true
                from: 0
                to: 1
                value: Math.max(0, controller.progress)
                indeterminate: controller.progress < 0
            }
            Button {
                objectName: "cancelImportButton"
                text: qsTr("取消")
                onClicked: controller.cancel()
            }
        }
        Label {
            Layout.fillWidth: true
            visible: controller.busy
            text: controller.progressText
            elide: Text.ElideMiddle
        }

        RowLayout {
            Layout.fillWidth: true
            visible: controller.needsRole && !controller.busy
            Label {
                text: qsTr("无法识别图层的类型，请选择：")
                color: "#E65100"
            }
            ComboBox {
                id: roleChooser
                objectName: "roleChooser"
                Layout.fillWidth: true
                model: controller.roles
                textRole: "label"
                valueRole: "id"
            }
            Button {
                text: qsTr("重新导入")
                onClicked: controller.start(controller.files, roleChooser.currentValue)
            }
        }

        Label {
            visible: controller.reportText.length > 0 && !controller.busy
            text: controller.succeeded ? qsTr("导入完成") : controller.cancelled
                ? qsTr("导入已取消") : qsTr("导入未全部成功")
            font.bold: true
            color: controller.succeeded ? "#1B5E20" : "#B71C1C"
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: controller.reportText.length > 0
            TextArea {
                objectName: "importReport"
                readOnly: true
                text: controller.reportText
                font.family: "Noto Sans Mono CJK SC"
                font.pixelSize: 12
                wrapMode: TextEdit.NoWrap
                selectByMouse: true
            }
        }
    }
}
