// The status line: the working CRS and the map scale.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Pane {
    id: status

    property string crs
    property string crsDescription
    property real scaleDenominator

    padding: 4
    leftPadding: 10
    rightPadding: 10

    RowLayout {
        anchors.fill: parent
        Label {
            objectName: "crsLabel"
            Layout.fillWidth: true
            text: status.crs.length > 0
                  ? qsTr("坐标系 %1（%2）").arg(status.crs).arg(status.crsDescription) : ""
            elide: Text.ElideRight
        }
        Label {
            objectName: "scaleLabel"
            text: status.scaleDenominator > 0
                  ? qsTr("比例尺 %1").arg(MapFormat.scale(status.scaleDenominator)) : ""
        }
    }
}
