// The earlier checks of the project (留痕), newest first: when, by whom, which site, the
// verdict; one chosen is reopened in the check panel and checked again to show it reproduces.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Dialog {
    id: dialog

    required property CheckController controller

    title: qsTr("检查记录")
    modal: true
    standardButtons: Dialog.Close
    width: Math.min(640, parent ? parent.width - 80 : 640)
    height: Math.min(520, parent ? parent.height - 80 : 520)

    onOpened: dialog.controller.refresh()

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#607D8B"
            text: dialog.controller.records.length > 0
                  ? qsTr("共 %1 条记录；点击一条打开，并以当前图层重新检查。").arg(dialog.controller.records.length)
                  : qsTr("项目中还没有检查记录。")
        }
        ListView {
            id: list
            objectName: "recordList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: dialog.controller.records
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property var modelData
                width: ListView.view.width
                onClicked: {
                    dialog.controller.openRecord(modelData.id)
                    dialog.close()
                }
                contentItem: RowLayout {
                    Label {
                        text: "#" + modelData.id
                        Layout.preferredWidth: 48
                        color: "#546E7A"
                    }
                    Label {
                        text: modelData.createdAt.replace("T", " ").substring(0, 19)
                        Layout.preferredWidth: 150
                    }
                    Label {
                        text: modelData.site
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Rectangle {
                        Layout.preferredWidth: verdict.implicitWidth + 10
                        Layout.preferredHeight: verdict.implicitHeight + 4
                        radius: 3
                        color: modelData.color
                        Label {
                            id: verdict
                            anchors.centerIn: parent
                            text: modelData.verdictText
                            color: "white"
                        }
                    }
                }
            }
        }
    }
}
