// One layer in the panel: visibility checkbox, legend swatch, name, role and feature count.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

ItemDelegate {
    id: row

    required property int index
    required property string name
    required property string roleLabel
    required property bool layerVisible
    required property color fillColor
    required property color outlineColor
    required property bool hatched
    required property int featureCount
    required property bool synthetic

    signal toggled(int row, bool shown)

    implicitHeight: 40
    onClicked: row.toggled(row.index, !row.layerVisible)

    contentItem: RowLayout {
        spacing: 8

        CheckBox {
            checked: row.layerVisible
            onToggled: row.toggled(row.index, checked)
        }
        LegendSwatch {
            fill: row.fillColor
            outline: row.outlineColor
            hatched: row.hatched
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: row.name
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("%1 · %2 个要素").arg(row.roleLabel).arg(MapFormat.grouped(row.featureCount))
                      + (row.synthetic ? qsTr(" · 合成") : "")
                font.pixelSize: 11
                color: "#757575"
                elide: Text.ElideRight
            }
        }
    }
}
