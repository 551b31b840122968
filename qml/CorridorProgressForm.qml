// The form that records one progress entry for a segment (an audited edit).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

GridLayout {
    id: form

    required property var controller
    property string segmentId: ""

    columns: 2
    columnSpacing: 6

    Label { text: qsTr("记录进度"); font.bold: true; Layout.columnSpan: 2 }
    Label { text: qsTr("分段") }
    TextField {
        objectName: "formSegment"
        text: form.segmentId
        Layout.fillWidth: true
        onEditingFinished: form.segmentId = text
    }
    Label { text: qsTr("日期") }
    TextField {
        id: entryDate
        objectName: "formDate"
        text: form.controller.date
        Layout.fillWidth: true
    }
    Label { text: qsTr("状态") }
    ComboBox {
        id: status
        objectName: "formStatus"
        model: form.controller.statusLabels
        Layout.fillWidth: true
    }
    Label { text: qsTr("完成比例 %") }
    SpinBox {
        id: percent
        objectName: "formPercent"
        from: -1
        to: 100
        value: -1
        textFromValue: (v) => v < 0 ? qsTr("默认") : String(v)
        Layout.fillWidth: true
    }
    Label { text: qsTr("栽植面积 m²") }
    TextField {
        id: planted
        objectName: "formPlanted"
        validator: DoubleValidator { bottom: 0 }
        Layout.fillWidth: true
    }
    Label { text: qsTr("备注") }
    TextField {
        id: note
        objectName: "formNote"
        Layout.fillWidth: true
    }
    Button {
        objectName: "formRecord"
        text: qsTr("记录")
        Layout.columnSpan: 2
        enabled: form.segmentId.length > 0
        onClicked: {
            const error = form.controller.record(form.segmentId, entryDate.text, status.currentText,
                                                 percent.value,
                                                 planted.text.length > 0 ? Number(planted.text) : -1,
                                                 note.text)
            result.text = error.length > 0 ? error : qsTr("已记录")
            result.color = error.length > 0 ? "#B71C1C" : "#1B5E20"
        }
    }
    Label {
        id: result
        objectName: "formResult"
        Layout.columnSpan: 2
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
}
