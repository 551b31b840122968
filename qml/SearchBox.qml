// One search box for sites, townships, parcel codes (BSM/TBBH), chainage (K12+300) and
// coordinates (X/Y or lon/lat); the results drop down, one result is shown at once.
import QtQuick
import QtQuick.Controls
import PlanLines

TextField {
    id: box

    required property ProjectSession session
    property alias results: searchModel

    signal resultChosen(real minE, real minN, real maxE, real maxN, string table, var fid,
                        var point)

    // The full hint where it fits; a narrowed box (a side panel open) says just 搜索.
    placeholderText: fullHint.width + leftPadding + rightPadding <= width ? fullHint.text
                                                                          : qsTr("搜索")
    TextMetrics {
        id: fullHint
        font: box.font
        text: qsTr("搜索：项目、乡镇、图斑编号、K12+300、坐标")
    }
    selectByMouse: true

    SearchModel {
        id: searchModel
        session: box.session
        onChosen: (minE, minN, maxE, maxN, table, fid, point) => {
            box.resultChosen(minE, minN, maxE, maxN, table, fid, point);
        }
        onFinished: n => {
            if (n === 1) {
                searchModel.choose(0);
                popup.close();
            } else {
                popup.open();
            }
        }
    }

    onAccepted: searchModel.search(text)

    BusyIndicator {
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        height: parent.height - 6
        width: height
        running: searchModel.busy
        visible: running
    }

    Popup {
        id: popup
        objectName: "searchPopup"
        y: box.height + 2
        width: Math.max(box.width, 320)
        height: Math.min(list.contentHeight + message.implicitHeight + 16, 360)
        padding: 6

        Label {
            id: message
            width: parent.width
            visible: searchModel.count === 0
            text: searchModel.message
            wrapMode: Text.Wrap
            color: "#B71C1C"
        }
        ListView {
            id: list
            anchors.fill: parent
            visible: searchModel.count > 0
            clip: true
            model: searchModel
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property string title
                required property string detail
                required property int index
                width: ListView.view.width
                text: title + "  —  " + detail
                onClicked: {
                    searchModel.choose(index);
                    popup.close();
                }
            }
        }
    }
}
