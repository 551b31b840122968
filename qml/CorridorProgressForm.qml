// The form that records one progress entry for a segment (an audited edit): the date defaults
// to today, 完成比例 is typed (empty: the default), photos are attached, and an entry in force can
// be corrected (a new entry that supersedes it; nothing is deleted). After 已记录 the form
// clears (status too), so a second click cannot record the same entry again.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PlanLines

GridLayout {
    id: form

    required property var controller
    property string segmentId: ""
    // Local paths of the photos to attach.
    property var photos: []
    // The segment's entries in force (controller.history), newest first.
    property var entries: []

    columns: 2
    columnSpacing: 6

    // Empties what was typed; the segment stays chosen, the date goes back to today.
    function clear() {
        corrects.currentIndex = 0
        entryDate.text = form.controller.today()
        status.currentIndex = -1
        percent.text = ""
        planted.text = ""
        note.text = ""
        form.photos = []
    }
    function refreshEntries() {
        form.entries = form.segmentId.length > 0 ? form.controller.history(form.segmentId) : []
        corrects.currentIndex = 0
    }
    // Fills the form with the entry being corrected, to edit what was wrong.
    function loadEntry(e) {
        entryDate.text = e.date
        status.currentIndex = status.find(e.statusLabel)
        percent.text = String(e.percent)
        planted.text = e.plantedAreaM2 >= 0 ? String(e.plantedAreaM2) : ""
        note.text = e.note
        form.photos = e.photos
    }

    onSegmentIdChanged: refreshEntries()
    Component.onCompleted: clear()

    Label { text: qsTr("记录进度"); font.bold: true; Layout.columnSpan: 2 }
    Label { text: qsTr("分段") }
    TextField {
        objectName: "formSegment"
        text: form.segmentId
        Layout.fillWidth: true
        onEditingFinished: form.segmentId = text
    }
    Label { text: qsTr("更正") }
    ComboBox {
        id: corrects
        objectName: "formCorrects"
        Layout.fillWidth: true
        textRole: "text"
        model: [{ text: qsTr("（新记录）"), id: 0 }].concat(form.entries)
        onActivated: index => {
            if (index > 0)
                form.loadEntry(form.entries[index - 1])
        }
    }
    Label { text: qsTr("日期") }
    TextField {
        id: entryDate
        objectName: "formDate"
        Layout.fillWidth: true
        placeholderText: "2024-06-30"
    }
    Label { text: qsTr("状态") }
    ComboBox {
        id: status
        objectName: "formStatus"
        model: form.controller.statusLabels
        currentIndex: -1
        displayText: currentIndex < 0 ? qsTr("（请选择）") : currentText
        Layout.fillWidth: true
    }
    Label { text: qsTr("完成比例 %") }
    TextField {
        id: percent
        objectName: "formPercent"
        Layout.fillWidth: true
        placeholderText: qsTr("默认")
        validator: IntValidator { bottom: 0; top: 100 }
        inputMethodHints: Qt.ImhDigitsOnly
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
    Label { text: qsTr("照片") }
    RowLayout {
        Layout.fillWidth: true
        Label {
            objectName: "formPhotos"
            Layout.fillWidth: true
            elide: Text.ElideMiddle
            text: form.photos.length === 0 ? qsTr("无")
                : form.photos.length === 1 ? ProjectFiles.fileName(form.photos[0])
                : qsTr("%1 张").arg(form.photos.length)
        }
        Button {
            objectName: "formAddPhoto"
            text: qsTr("添加…")
            onClicked: photoPicker.open()
        }
        Button {
            text: qsTr("清除")
            visible: form.photos.length > 0
            onClicked: form.photos = []
        }
    }
    Button {
        objectName: "formRecord"
        text: corrects.currentIndex > 0 ? qsTr("记录更正") : qsTr("记录")
        Layout.columnSpan: 2
        enabled: form.segmentId.length > 0 && status.currentIndex >= 0
        onClicked: {
            const old = corrects.currentIndex > 0 ? form.entries[corrects.currentIndex - 1].id : 0
            const error = form.controller.record(form.segmentId, entryDate.text, status.currentText,
                                                 percent.text.length > 0 ? Number(percent.text) : -1,
                                                 planted.text.length > 0 ? Number(planted.text) : -1,
                                                 note.text, form.photos, old)
            result.text = error.length > 0 ? error
                : old > 0 ? qsTr("已记录更正（取代 %1 的记录）").arg(entryDate.text) : qsTr("已记录")
            result.color = error.length > 0 ? "#B71C1C" : "#1B5E20"
            if (error.length === 0) {
                form.refreshEntries()
                form.clear()
            }
        }
    }
    Label {
        id: result
        objectName: "formResult"
        Layout.columnSpan: 2
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }

    FileDialog {
        id: photoPicker
        objectName: "photoPicker"
        title: qsTr("添加照片")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("照片 (*.jpg *.jpeg *.png *.heic)"), qsTr("所有文件 (*)")]
        onAccepted: {
            const list = form.photos.slice()
            for (const u of selectedFiles)
                list.push(ProjectFiles.localPath(u))
            form.photos = list
        }
    }
}
