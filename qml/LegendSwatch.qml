// A layer's legend symbol in small: its fill, outline and, for the red line, the hatch. Drawn
// with scene-graph rectangles, not a Canvas: a Canvas created under a row that is still hidden
// (the legend under a layer row, opened with ▸) never painted, leaving the class names alone.
import QtQuick

Item {
    id: swatch

    property color fill
    property color outline
    property bool hatched: false

    implicitWidth: 20
    implicitHeight: 14

    Rectangle {
        objectName: "swatchFill"
        anchors.fill: parent
        color: "white"
        Rectangle {
            anchors.fill: parent
            color: swatch.fill
        }
    }
    // The hatch: thin diagonal bars, clipped to the swatch.
    Item {
        anchors.fill: parent
        anchors.margins: 1
        clip: true
        visible: swatch.hatched
        Repeater {
            model: swatch.hatched ? Math.ceil((swatch.width + swatch.height) / 5) + 1 : 0
            delegate: Rectangle {
                required property int index
                x: index * 5 - swatch.height
                y: swatch.height / 2 - 0.6
                width: swatch.height * 1.5
                height: 1.2
                color: swatch.outline
                rotation: -45
            }
        }
    }
    Rectangle {
        anchors.fill: parent
        color: "transparent"
        border.color: swatch.outline
        border.width: 2
    }
}
