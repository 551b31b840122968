// The status line: the working CRS, the cursor's X (northing) / Y (easting) and longitude /
// latitude, and the map scale.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Pane {
    id: status

    property string crs
    property string crsDescription
    property real scaleDenominator
    property string positionText
    property string lonLatText

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
            objectName: "positionLabel"
            text: status.positionText
            font.family: "Noto Sans Mono CJK SC"
        }
        Label {
            objectName: "lonLatLabel"
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            text: status.lonLatText
            font.family: "Noto Sans Mono CJK SC"
        }
        Label {
            objectName: "scaleLabel"
            text: status.scaleDenominator > 0
                  ? qsTr("比例尺 %1").arg(MapFormat.scale(status.scaleDenominator)) : ""
        }
    }
}
