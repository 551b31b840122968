// The layer list, grouped under 底图与行政区, 三区三线, 三线一单, 生态廊道 and 项目, with
// visibility, opacity and order per layer (kept between runs by the model).
import QtQuick
import QtQuick.Controls

Pane {
    id: panel

    property alias model: layerList.model

    signal zoomToLayerRequested(string table)
    signal attributeTableRequested(string table)

    padding: 0

    ListView {
        id: layerList
        objectName: "layerList"
        anchors.fill: parent
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        header: Label {
            padding: 10
            text: qsTr("图层")
            font.pixelSize: 16
            font.bold: true
        }

        section.property: "groupLabel"
        section.delegate: Label {
            required property string section

            leftPadding: 10
            topPadding: 10
            bottomPadding: 4
            text: section
            font.bold: true
            color: "#37474F"
        }

        delegate: LayerDelegate {
            width: ListView.view.width
            onToggled: (row, shown) => ListView.view.model.setLayerVisible(row, shown)
            onOpacityMoved: (row, opacity) => ListView.view.model.setLayerOpacity(row, opacity)
            onMoveRequested: (row, delta) => ListView.view.model.moveLayer(row, delta)
            onZoomRequested: table => panel.zoomToLayerRequested(table)
            onAttributeTableRequested: table => panel.attributeTableRequested(table)
        }
    }
}
