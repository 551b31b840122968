// Shown instead of the map when the project cannot be opened: what failed and what to do.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: pane

    property string path
    property string message

    color: "#FAFAFA"

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 64, 640)
        spacing: 12

        Label {
            objectName: "errorTitle"
            text: qsTr("无法打开项目")
            font.pixelSize: 22
            font.bold: true
            color: "#B71C1C"
        }
        Label {
            objectName: "errorMessage"
            Layout.fillWidth: true
            text: pane.message
            wrapMode: Text.WrapAnywhere
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("请用 --db 指定一个 PlanLines 项目文件，或运行 “planlines sample” 生成示例县。")
            wrapMode: Text.Wrap
            color: "#555555"
        }
    }
}
