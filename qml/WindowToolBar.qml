// The bar across the top of the window: the project menu (打开项目…, 新建项目…, the recent
// projects) and the side panels' buttons, print and help. It spans the window, so the buttons on
// its right stay where they are when a side panel opens or closes.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

ToolBar {
    id: bar

    // "check", "corridor", "change" or "" (no side panel): one side panel at a time.
    property string sidePanel: ""
    // Whether a project is open (the panels and print need one).
    property bool projectReady: false

    signal openRequested
    signal connectRequested
    signal newRequested
    signal recentChosen(string path)
    signal printRequested
    signal helpRequested
    signal sidePanelToggled(string name)

    // The toggles follow sidePanel, and a toggle changed (a click, or a test setting checked)
    // asks for its panel: set imperatively, so neither side's binding is lost.
    function syncToggles() {
        checkToggle.checked = bar.sidePanel === "check"
        corridorToggle.checked = bar.sidePanel === "corridor"
        changeToggle.checked = bar.sidePanel === "change"
    }
    onSidePanelChanged: syncToggles()
    Component.onCompleted: syncToggles()
    component PanelToggle: Button {
        property string panel
        checkable: true
        enabled: bar.projectReady
        focusPolicy: Qt.NoFocus
        onCheckedChanged: if (checked !== (bar.sidePanel === panel)) bar.sidePanelToggled(panel)
    }

    RowLayout {
        anchors.fill: parent
        spacing: 4

        ToolButton {
            id: projectButton
            objectName: "projectMenuButton"
            text: qsTr("项目")
            focusPolicy: Qt.NoFocus
            onClicked: projectMenu.open()
            Menu {
                id: projectMenu
                objectName: "projectMenu"
                y: projectButton.height
                MenuItem {
                    objectName: "openProjectItem"
                    text: qsTr("打开项目…（Ctrl+O）")
                    onTriggered: bar.openRequested()
                }
                MenuItem {
                    objectName: "newProjectItem"
                    text: qsTr("新建项目…")
                    onTriggered: bar.newRequested()
                }
                MenuItem {
                    objectName: "connectServerItem"
                    text: qsTr("连接服务器数据库…")
                    onTriggered: bar.connectRequested()
                }
                MenuSeparator {}
                MenuItem {
                    text: qsTr("最近的项目")
                    enabled: false
                    visible: AppSettings.recentProjects.length > 0
                    height: visible ? implicitHeight : 0
                }
                Instantiator {
                    model: AppSettings.recentProjects
                    delegate: MenuItem {
                        required property string modelData
                        text: ProjectFiles.fileName(modelData)
                        ToolTip.visible: hovered
                        ToolTip.text: modelData
                        onTriggered: bar.recentChosen(modelData)
                    }
                    onObjectAdded: (index, object) => projectMenu.insertItem(5 + index, object)
                    onObjectRemoved: (index, object) => projectMenu.removeItem(object)
                }
            }
        }

        Item {
            Layout.fillWidth: true
        }

        Row {
            objectName: "panelButtons"
            spacing: 6
            Layout.rightMargin: 4

            PanelToggle {
                id: checkToggle
                objectName: "checkToggle"
                text: qsTr("选址检查")
                panel: "check"
            }
            Button {
                objectName: "printButton"
                text: qsTr("打印")
                enabled: bar.projectReady
                focusPolicy: Qt.NoFocus
                onClicked: bar.printRequested()
            }
            PanelToggle {
                id: corridorToggle
                objectName: "corridorToggle"
                text: qsTr("生态廊道")
                panel: "corridor"
            }
            PanelToggle {
                id: changeToggle
                objectName: "changeToggle"
                text: qsTr("变更分析")
                panel: "change"
            }
            Button {
                objectName: "helpButton"
                text: qsTr("帮助")
                focusPolicy: Qt.NoFocus
                onClicked: bar.helpRequested()
            }
        }
    }
}
