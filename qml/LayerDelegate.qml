// One layer in the panel: visibility checkbox, legend swatch, name, role and feature count;
// buttons to move it up or down within its group and to zoom to it; an opacity slider.
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
    required property real layerOpacity
    required property string tableName
    required property bool canMoveUp
    required property bool canMoveDown
    required property color fillColor
    required property color outlineColor
    required property bool hatched
    required property int featureCount
    required property bool synthetic
    required property var legendClasses
    // The layer's classes shown under it (▸ opens them).
    property bool legendOpen: false

    signal toggled(int row, bool shown)
    signal opacityMoved(int row, real opacity)
    signal moveRequested(int row, int delta)
    signal zoomRequested(string table)
    signal attributeTableRequested(string table)

    implicitHeight: contentItem.implicitHeight + topPadding + bottomPadding
    onClicked: row.toggled(row.index, !row.layerVisible)

    component SmallButton: ToolButton {
        implicitWidth: 22
        implicitHeight: 22
        padding: 0
        font.pixelSize: 11
        focusPolicy: Qt.NoFocus
        ToolTip.visible: hovered
        ToolTip.delay: 500
    }

    contentItem: ColumnLayout {
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            spacing: 6

            ToolButton {
                objectName: "legendToggle"
                implicitWidth: 12
                padding: 0
                text: row.legendOpen ? "▾" : "▸"
                enabled: row.legendClasses.length > 0
                opacity: enabled ? 1 : 0
                focusPolicy: Qt.NoFocus
                onClicked: row.legendOpen = !row.legendOpen
            }
            CheckBox {
                checked: row.layerVisible
                onToggled: row.toggled(row.index, checked)
            }
            LegendSwatch {
                fill: row.fillColor
                outline: row.outlineColor
                hatched: row.hatched
                opacity: Math.max(0.15, row.layerOpacity)
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        objectName: "layerName"
                        Layout.fillWidth: true
                        text: row.name
                        wrapMode: Text.Wrap // 城镇开发边界 is wider than the buttons leave
                    }
                    SmallButton {
                        objectName: "moveUp"
                        text: "▲"
                        enabled: row.canMoveUp
                        ToolTip.text: qsTr("上移")
                        onClicked: row.moveRequested(row.index, -1)
                    }
                    SmallButton {
                        objectName: "moveDown"
                        text: "▼"
                        enabled: row.canMoveDown
                        ToolTip.text: qsTr("下移")
                        onClicked: row.moveRequested(row.index, 1)
                    }
                    SmallButton {
                        objectName: "attributeTableButton"
                        text: "▦"
                        ToolTip.text: qsTr("属性表")
                        onClicked: row.attributeTableRequested(row.tableName)
                    }
                    SmallButton {
                        objectName: "zoomToLayer"
                        text: "⤢"
                        ToolTip.text: qsTr("缩放至图层")
                        onClicked: row.zoomRequested(row.tableName)
                    }
                }
                // The role (and whether the data is synthetic) on a line of its own, wrapped
                // rather than cut: "Ecological protection red line · synthetic" is wider than
                // the panel leaves beside the opacity slider.
                Label {
                    objectName: "layerRoleLine"
                    Layout.fillWidth: true
                    text: row.roleLabel + (row.synthetic ? qsTr(" · 合成") : "")
                    font.pixelSize: 11
                    color: "#757575"
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 4
                    Label {
                        objectName: "layerCountLine"
                        Layout.fillWidth: true
                        text: qsTr("%n 个要素", "", row.featureCount).replace(
                                  String(row.featureCount), MapFormat.grouped(row.featureCount))
                        font.pixelSize: 11
                        color: "#757575"
                        elide: Text.ElideRight
                    }
                    Slider {
                        objectName: "opacitySlider"
                        Layout.preferredWidth: 64
                        implicitHeight: 16
                        padding: 0
                        from: 0
                        to: 1
                        value: row.layerOpacity
                        focusPolicy: Qt.NoFocus
                        ToolTip.visible: hovered || pressed
                        ToolTip.text: qsTr("不透明度 %1%").arg(Math.round(value * 100))
                        onMoved: row.opacityMoved(row.index, value)
                    }
                }
            }
        }
        // The legend: one swatch and label per class, as on the printed sheet.
        Column {
            id: legendList
            objectName: "layerLegend"
            Layout.fillWidth: true
            Layout.leftMargin: 44
            visible: row.legendOpen && row.legendClasses.length > 0
            spacing: 2
            Repeater {
                model: row.legendOpen ? row.legendClasses : []
                delegate: Row {
                    required property var modelData
                    spacing: 6
                    LegendSwatch {
                        objectName: "legendClassSwatch"
                        width: 16
                        height: 11
                        fill: modelData.fillColor
                        outline: modelData.outlineColor
                        hatched: modelData.hatched
                    }
                    Label {
                        objectName: "legendClassLabel"
                        text: modelData.label
                        font.pixelSize: 11
                    }
                }
            }
        }
    }
}
