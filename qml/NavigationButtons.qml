// Zoom in, zoom out and the whole county, stacked at the map's corner.
import QtQuick
import QtQuick.Controls
import PlanLines

Column {
    id: buttons

    required property MapNavigator navigator

    spacing: 4

    component MapButton: RoundButton {
        width: 40
        height: 40
        radius: 6
        font.pixelSize: 18
        focusPolicy: Qt.NoFocus
        ToolTip.visible: hovered
        ToolTip.delay: 500
    }

    MapButton {
        objectName: "zoomInButton"
        text: "+"
        ToolTip.text: qsTr("放大（+）")
        onClicked: buttons.navigator.zoomIn()
    }
    MapButton {
        objectName: "zoomOutButton"
        text: "−"
        ToolTip.text: qsTr("缩小（-）")
        onClicked: buttons.navigator.zoomOut()
    }
    MapButton {
        objectName: "fullCountyButton"
        text: "⌂"
        ToolTip.text: qsTr("全县（Home）")
        onClicked: buttons.navigator.zoomToFullCounty()
    }
}
