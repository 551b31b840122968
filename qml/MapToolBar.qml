// The bar over the map: the tools (identify, measure distance, measure area), round scales,
// import and settings, and the search box.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Pane {
    id: bar

    required property MapTools tools
    required property ProjectSession session

    property alias searchBox: search
    // How much narrower than its implicit width the bar can be (its search box shrinks).
    readonly property real searchShrink: search.Layout.preferredWidth - search.Layout.minimumWidth

    signal importRequested

    padding: 4
    background: Rectangle {
        color: "#F5F7F8"
        opacity: 0.95
        border.color: "#B0BEC5"
        radius: 4
    }

    RowLayout {
        width: bar.availableWidth
        spacing: 2

        ButtonGroup {
            id: toolGroup
        }
        component ToolChoice: ToolButton {
            property string tool
            checkable: true
            checked: bar.tools.tool === tool
            focusPolicy: Qt.NoFocus
            ButtonGroup.group: toolGroup
            onClicked: bar.tools.tool = tool
        }
        ToolChoice {
            objectName: "identifyTool"
            tool: "identify"
            text: qsTr("识别")
        }
        ToolChoice {
            objectName: "distanceTool"
            tool: "distance"
            text: qsTr("测距")
        }
        ToolChoice {
            objectName: "areaTool"
            tool: "area"
            text: qsTr("测面")
        }
        ToolSeparator {}
        ToolButton {
            objectName: "roundScaleButton"
            text: qsTr("整比例尺")
            checkable: true
            checked: bar.tools.navigator.roundScales
            focusPolicy: Qt.NoFocus
            onToggled: bar.tools.navigator.roundScales = checked
            ToolTip.visible: hovered
            ToolTip.text: qsTr("缩放停在 1:2 000、1:5 000、1:10 000、1:25 000、1:50 000、1:100 000")
        }
        ToolButton {
            objectName: "importButton"
            text: qsTr("导入…")
            focusPolicy: Qt.NoFocus
            onClicked: bar.importRequested()
        }
        ToolButton {
            id: settingsButton
            objectName: "settingsButton"
            text: qsTr("设置")
            focusPolicy: Qt.NoFocus
            onClicked: settingsMenu.open()
            Menu {
                id: settingsMenu
                objectName: "settingsMenu"
                y: settingsButton.height
                MenuItem {
                    text: "中文"
                    checkable: true
                    checked: AppSettings.language === "zh"
                    onTriggered: AppSettings.language = "zh"
                }
                MenuItem {
                    text: "English"
                    checkable: true
                    checked: AppSettings.language === "en"
                    onTriggered: AppSettings.language = "en"
                }
            }
        }
        ToolSeparator {}
        SearchBox {
            id: search
            objectName: "searchBox"
            // Narrower when the bar is given less room than it would take.
            Layout.fillWidth: true
            Layout.minimumWidth: 120
            Layout.preferredWidth: 300
            Layout.maximumWidth: 300
            session: bar.session
            onResultChosen: (minE, minN, maxE, maxN, table, fid, point) => {
                bar.tools.showResult(minE, minN, maxE, maxN, table, fid, point);
            }
        }
    }
}
