// Totals by status on the panel's date: swatch, status and segments, length (m) and area (亩,
// 公顷).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ColumnLayout {
    id: table

    property var totals: []

    spacing: 2

    // The columns share the panel's width (narrower than their preferred widths on a 1280 px
    // window) but never below their text.
    component Cells: RowLayout {
        Layout.fillWidth: true
        property color swatch: "transparent"
        property string name
        property string length
        property string mu
        property string ha
        property bool bold: false

        Rectangle {
            implicitWidth: 12
            implicitHeight: 12
            color: swatch
            border.color: swatch.a > 0 ? "#757575" : "transparent"
        }
        Label { text: name; font.bold: bold; Layout.preferredWidth: 110; Layout.fillWidth: true; Layout.minimumWidth: implicitWidth }
        Label { text: length; font.bold: bold; Layout.preferredWidth: 90; Layout.fillWidth: true; Layout.minimumWidth: implicitWidth; horizontalAlignment: Text.AlignRight }
        Label { text: mu; font.bold: bold; Layout.preferredWidth: 90; Layout.fillWidth: true; Layout.minimumWidth: implicitWidth; horizontalAlignment: Text.AlignRight }
        Label { text: ha; font.bold: bold; Layout.preferredWidth: 70; Layout.fillWidth: true; Layout.minimumWidth: implicitWidth; horizontalAlignment: Text.AlignRight }
    }

    Cells {
        name: qsTr("状态")
        length: qsTr("长度（米）")
        mu: qsTr("面积（亩）")
        ha: qsTr("公顷")
        bold: true
    }
    Repeater {
        model: table.totals.filter(t => t.status !== "none" || t.segments > 0)
        delegate: Cells {
            required property var modelData
            objectName: "total_" + modelData.status
            swatch: modelData.color
            name: qsTr("%1（%2 段）").arg(modelData.label).arg(modelData.segments)
            length: modelData.lengthM.toFixed(1)
            mu: modelData.areaMu.toFixed(2)
            ha: modelData.areaHa.toFixed(2)
        }
    }
}
