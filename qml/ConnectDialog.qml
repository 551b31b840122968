// 连接服务器数据库…: a county project on a PostgreSQL/PostGIS server, named as --db names it (a
// postgresql:// URI, service=NAME from pg_service.conf, or host=… dbname=…). The password, when
// ~/.pgpass or the service file does not give it, is asked here and kept only in this process's
// memory: never in the settings, the recent list or the project.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

Dialog {
    id: dialog

    // Emitted with the location to open (without the password).
    signal connectRequested(string location)

    property alias location: locationField.text
    property alias password: passwordField.text

    title: qsTr("连接服务器数据库")
    modal: true
    width: Math.min(600, parent ? parent.width - 40 : 600)

    function connect() {
        const location = locationField.text.trim()
        if (!ProjectFiles.isServerLocation(location))
            return
        ProjectFiles.setServerPassword(passwordField.text)
        passwordField.text = ""
        dialog.close()
        dialog.connectRequested(location)
    }

    onOpened: locationField.forceActiveFocus()

    footer: DialogButtonBox {
        Button {
            objectName: "connectButton"
            text: qsTr("连接")
            highlighted: true
            enabled: ProjectFiles.isServerLocation(locationField.text.trim())
            onClicked: dialog.connect()
        }
        Button {
            text: qsTr("取消")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 8
        rowSpacing: 8

        Label { text: qsTr("数据库") }
        TextField {
            id: locationField
            objectName: "connectLocation"
            Layout.fillWidth: true
            placeholderText: "postgresql://wang_li@dbhost/gaoqing"
            onAccepted: dialog.connect()
        }
        Label { text: qsTr("密码") }
        TextField {
            id: passwordField
            objectName: "connectPassword"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("由 ~/.pgpass 或服务文件提供时留空")
            onAccepted: dialog.connect()
        }
        Label {
            objectName: "connectHint"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#555555"
            text: qsTr("填写 postgresql://用户@主机/数据库、service=服务名（pg_service.conf）或 host=… dbname=…。密码只在本次运行中使用，不会保存。")
        }
    }
}
