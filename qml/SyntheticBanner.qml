// A strip across the top of the window, hard to miss: these are not real planning data.
import QtQuick
import QtQuick.Controls

Rectangle {
    id: banner

    readonly property string text: label.text

    implicitHeight: label.implicitHeight + 12
    color: "#FFB300"

    Label {
        id: label
        objectName: "syntheticBannerText"
        anchors.centerIn: parent
        text: qsTr("合成示例数据（非真实规划数据）")
        font.pixelSize: 15
        font.bold: true
        color: "#3E2723"
    }
}
