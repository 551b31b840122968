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
                // A plain label: the style's IconLabel kept the Chinese text's width after a
                // switch to English and cut "Choose files…".
                contentItem: Label {
                    text: parent.text
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
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

        // A layer whose role was not recognised: the person chooses it (nothing is chosen for
        // them) and may name the layer; the name starts as the layer's name in the file.
        GridLayout {
            objectName: "rolePane"
            Layout.fillWidth: true
            visible: controller.needsRole && !controller.busy
            columns: 2
            columnSpacing: 8
            Label {
                Layout.columnSpan: 2
                Layout.fillWidth: true
                text: qsTr("无法识别图层“%1”的类型，请选择：").arg(controller.pendingLayer)
                color: "#E65100"
                wrapMode: Text.Wrap
            }
            Label { text: qsTr("类型") }
            ComboBox {
                id: roleChooser
                objectName: "roleChooser"
                Layout.fillWidth: true
                model: controller.roles
                textRole: "label"
                valueRole: "id"
                currentIndex: -1
                displayText: currentIndex < 0 ? qsTr("请选择类型…") : currentText
            }
            Label { text: qsTr("图层名称") }
            TextField {
                id: layerNameField
                objectName: "layerNameField"
                Layout.fillWidth: true
                selectByMouse: true
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "importWithRoleButton"
                Layout.alignment: Qt.AlignRight
                text: qsTr("导入")
                enabled: roleChooser.currentIndex >= 0 && layerNameField.text.trim().length > 0
                onClicked: controller.importPending(roleChooser.currentValue, layerNameField.text)
            }
        }
        Connections {
            target: controller
            function onFinished() {
                roleChooser.currentIndex = -1
                layerNameField.text = controller.pendingLayer
            }
        }

        Label {
            visible: controller.reportText.length > 0 && !controller.busy
            text: controller.succeeded ? qsTr("导入完成") : controller.cancelled
                ? qsTr("导入已取消") : qsTr("导入未全部成功")
            font.bold: true
            color: controller.succeeded ? "#1B5E20" : "#B71C1C"
        }
        // The report: a row a layer.
        ListView {
            id: reportTable
            objectName: "importReportTable"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: controller.reportRows.length > 0 && !detailsBox.checked
            clip: true
            model: controller.reportRows
            readonly property var widths: [0.2, 0.2, 0.15, 0.25, 0.2]
            function w(i) { return Math.floor((width - 16) * widths[i]); }
            header: Row {
                spacing: 4
                bottomPadding: 4
                Repeater {
                    model: [qsTr("图层"), qsTr("类型及依据"), qsTr("编码"), qsTr("坐标系及转换"),
                            qsTr("读取/写入/修复/拒绝")]
                    Label {
                        required property int index
                        required property string modelData
                        width: reportTable.w(index)
                        text: modelData
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                }
            }
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: reportRow
                required property var modelData
                required property int index
                width: ListView.view.width - 12
                height: cells.implicitHeight + 8
                color: index % 2 ? "#FAFAFA" : "white"
                Row {
                    id: cells
                    y: 4
                    spacing: 4
                    Label {
                        objectName: "reportLayer"
                        width: reportTable.w(0)
                        text: reportRow.modelData.file + "\n" + reportRow.modelData.layer
                        wrapMode: Text.WrapAnywhere
                    }
                    Label {
                        objectName: "reportRole"
                        width: reportTable.w(1)
                        text: reportRow.modelData.role
                        color: reportRow.modelData.needsRole ? "#E65100" : "black"
                        wrapMode: Text.Wrap
                    }
                    Label {
                        objectName: "reportEncoding"
                        width: reportTable.w(2)
                        text: reportRow.modelData.encoding
                        wrapMode: Text.WrapAnywhere
                    }
                    Label {
                        objectName: "reportCrs"
                        width: reportTable.w(3)
                        text: reportRow.modelData.crs
                        wrapMode: Text.Wrap
                    }
                    Label {
                        objectName: "reportCounts"
                        width: reportTable.w(4)
                        text: reportRow.modelData.counts + "\n" + reportRow.modelData.status
                        color: reportRow.modelData.ok ? "black" : "#B71C1C"
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
        CheckBox {
            id: detailsBox
            objectName: "importDetailsBox"
            visible: controller.reportText.length > 0
            text: qsTr("显示完整记录（每个要素的修复与拒绝原因）")
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: controller.reportText.length > 0 && detailsBox.checked
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
