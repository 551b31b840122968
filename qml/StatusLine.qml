// The status line: the working CRS, the cursor's X (northing) / Y (easting) and longitude /
// latitude, and the map scale, which can be typed (1:5000 or 5000, then Enter) to zoom there.
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
    // The store's connection trouble (a server lost and being retried), "" when all is well.
    property string notice

    // A scale typed and confirmed: its denominator text as typed.
    signal scaleEntered(string text)

    padding: 4
    leftPadding: 10
    rightPadding: 10

    RowLayout {
        anchors.fill: parent
        Label {
            objectName: "storeNoticeLabel"
            visible: status.notice.length > 0
            text: status.notice
            color: "#b71c1c"
            elide: Text.ElideRight
            Layout.maximumWidth: status.width / 3
        }
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
            text: qsTr("比例尺")
        }
        TextField {
            id: scaleField
            objectName: "scaleField"
            // Always there (disabled without a map): the status line's height must not change
            // when the map becomes ready, or the map would shift under a drag.
            enabled: status.scaleDenominator > 0
            Layout.preferredWidth: Math.max(110, implicitWidth)
            topPadding: 2
            bottomPadding: 2
            selectByMouse: true
            // The map's scale unless the person is typing one.
            readonly property string shown: status.scaleDenominator > 0
                                            ? MapFormat.scale(status.scaleDenominator) : ""
            text: shown
            onShownChanged: if (!activeFocus) text = shown
            onActiveFocusChanged: if (!activeFocus) text = shown
            onAccepted: {
                status.scaleEntered(text)
                text = shown
            }
            Keys.onEscapePressed: {
                text = shown
                focus = false
            }
            ToolTip.visible: hovered
            ToolTip.delay: 500
            ToolTip.text: qsTr("输入比例尺（如 1:5000 或 5000）后回车")
        }
    }
}
