// The measuring tool's result and its undo / clear buttons.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Pane {
    id: panel

    required property MeasureTool tool

    padding: 8
    background: Rectangle {
        color: "#FFF8E1"
        border.color: "#FFB300"
        radius: 4
    }

    RowLayout {
        spacing: 8
        Label {
            objectName: "measureResult"
            text: panel.tool.resultText
            font.pixelSize: 14
        }
        Button {
            text: qsTr("撤销")
            enabled: panel.tool.count > 0
            focusPolicy: Qt.NoFocus
            onClicked: panel.tool.removeLast()
        }
        Button {
            text: qsTr("清除")
            enabled: panel.tool.count > 0
            focusPolicy: Qt.NoFocus
            onClicked: panel.tool.clear()
        }
    }
}
