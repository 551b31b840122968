// F1: the shortcuts and the basics of the window, as the README tells them.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: dialog

    title: qsTr("帮助")
    modal: true
    standardButtons: Dialog.Close
    width: Math.min(620, parent ? parent.width - 40 : 620)
    height: Math.min(560, parent ? parent.height - 40 : 560)

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: parent.width
            spacing: 10

            Label {
                text: qsTr("快捷键")
                font.bold: true
                font.pixelSize: 15
            }
            GridLayout {
                objectName: "shortcutTable"
                columns: 2
                columnSpacing: 16
                Repeater {
                    model: [
                        ["Ctrl+O", qsTr("打开项目")],
                        ["Ctrl+P", qsTr("打印地图")],
                        ["Ctrl+F", qsTr("搜索框")],
                        ["F1", qsTr("本帮助")],
                        [qsTr("方向键"), qsTr("平移地图（视图的 1/8）")],
                        ["+ / −", qsTr("放大 / 缩小")],
                        ["Home", qsTr("显示全县")],
                        ["Esc", qsTr("清除高亮、识别和测量")],
                    ]
                    delegate: RowLayout {
                        required property var modelData
                        Layout.columnSpan: 2
                        Label {
                            Layout.preferredWidth: 110
                            text: modelData[0]
                            font.family: "Noto Sans Mono CJK SC"
                        }
                        Label {
                            Layout.fillWidth: true
                            text: modelData[1]
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
            Label {
                text: qsTr("使用")
                font.bold: true
                font.pixelSize: 15
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("拖动平移，滚轮缩放（开启「整比例尺」时停在 1:2 000 … 1:100 000）；"
                           + "单击地图识别要素，双击放大。状态栏的比例尺可以直接输入（如 1:5000 回车）。"
                           + "搜索框接受项目名称、乡镇、图斑编号（BSM/TBBH）、桩号（K12+300）和坐标。"
                           + "「选址检查」对照三区三线和三线一单检查选址；「生态廊道」记录廊道进度；"
                           + "「打印」按模板输出 PDF、PNG 或 SVG。拖到窗口上的项目文件会被打开，"
                           + "其他文件会被导入当前项目。")
            }
        }
    }
}
