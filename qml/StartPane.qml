// Shown instead of the map when no project is open: open one, make a new one, or pick one of
// the recent projects.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Rectangle {
    id: pane

    signal openRequested
    signal newRequested
    signal connectRequested
    signal recentChosen(string path)

    color: "#FAFAFA"

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 64, 560)
        spacing: 12

        Label {
            text: qsTr("没有打开的项目")
            font.pixelSize: 22
            font.bold: true
            color: "#37474F"
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#555555"
            text: qsTr("打开一个县的 PlanLines 项目文件（.sqlite），或新建一个空项目再导入数据。")
        }
        RowLayout {
            spacing: 8
            Button {
                objectName: "startOpenButton"
                text: qsTr("打开项目…")
                highlighted: true
                onClicked: pane.openRequested()
            }
            Button {
                objectName: "startNewButton"
                text: qsTr("新建项目…")
                onClicked: pane.newRequested()
            }
            Button {
                objectName: "startConnectButton"
                text: qsTr("连接服务器数据库…")
                onClicked: pane.connectRequested()
            }
        }
        Label {
            visible: recentList.count > 0
            Layout.topMargin: 8
            text: qsTr("最近的项目")
            font.bold: true
        }
        ListView {
            id: recentList
            objectName: "recentList"
            Layout.fillWidth: true
            Layout.preferredHeight: contentHeight
            interactive: false
            model: AppSettings.recentProjects
            delegate: ItemDelegate {
                required property string modelData
                width: ListView.view.width
                text: ProjectFiles.fileName(modelData) + "  —  " + modelData
                onClicked: pane.recentChosen(modelData)
            }
        }
    }
}
