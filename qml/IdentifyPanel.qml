// The identify result: a chooser when several features lie under the click, then the chosen
// feature's layer, name, area in m², 亩 and 公顷, and its attributes under Chinese names.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Pane {
    id: panel

    required property IdentifyModel model

    signal zoomRequested
    signal closeRequested

    padding: 10
    implicitHeight: content.implicitHeight + topPadding + bottomPadding
    background: Rectangle {
        color: "#FAFAFA"
        border.color: "#B0BEC5"
        radius: 4
    }

    ColumnLayout {
        id: content
        anchors.fill: parent
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("要素识别")
                font.bold: true
                font.pixelSize: 15
            }
            ToolButton {
                text: qsTr("缩放至要素")
                onClicked: panel.zoomRequested()
            }
            ToolButton {
                text: "✕"
                onClicked: panel.closeRequested()
            }
        }

        Label {
            objectName: "candidateCount"
            visible: panel.model.candidates.length > 1
            text: qsTr("此处有 %1 个要素，请选择：").arg(panel.model.candidates.length)
            color: "#546E7A"
        }
        ComboBox {
            objectName: "candidateChooser"
            Layout.fillWidth: true
            visible: panel.model.candidates.length > 1
            model: panel.model.candidates
            textRole: "label"
            currentIndex: panel.model.currentIndex
            displayText: currentIndex >= 0 && currentIndex < panel.model.candidates.length
                         ? panel.model.candidates[currentIndex].layer + " · "
                           + panel.model.candidates[currentIndex].title : ""
            delegate: ItemDelegate {
                required property var modelData
                required property int index
                width: ListView.view ? ListView.view.width : 200
                text: modelData.layer + " · " + modelData.title
                highlighted: index === panel.model.currentIndex
            }
            onActivated: index => panel.model.choose(index)
        }

        Label {
            objectName: "identifyTitle"
            Layout.fillWidth: true
            text: panel.model.layerName + " · " + panel.model.featureTitle
            font.bold: true
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "identifyArea"
            Layout.fillWidth: true
            visible: text.length > 0
            text: panel.model.areaText.length > 0 ? qsTr("面积：%1").arg(panel.model.areaText)
                : panel.model.lengthText.length > 0 ? qsTr("长度：%1").arg(panel.model.lengthText)
                : ""
            wrapMode: Text.Wrap
            color: "#1B5E20"
        }
        Label {
            Layout.fillWidth: true
            visible: panel.model.errorString.length > 0
            text: panel.model.errorString
            color: "#B71C1C"
            wrapMode: Text.Wrap
        }

        ListView {
            id: attributes
            objectName: "attributeList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: contentHeight
            Layout.minimumHeight: Math.min(contentHeight, 60)
            clip: true
            model: panel.model
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            delegate: RowLayout {
                required property string alias
                required property string field
                required property string value
                width: ListView.view.width
                spacing: 8
                Label {
                    Layout.preferredWidth: 130
                    text: alias
                    color: "#546E7A"
                    elide: Text.ElideRight
                    ToolTip.text: field
                }
                Label {
                    Layout.fillWidth: true
                    text: value
                    wrapMode: Text.WrapAnywhere
                }
            }
        }
    }
}
