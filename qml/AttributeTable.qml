// The attribute table (属性表) of one layer, docked over the bottom of the map: a filter by text
// (every text field or one), 仅当前范围 (rows of the map's extent, following the map), the
// rows under the fields' aliases (click a header to sort, again to reverse, a third time back),
// export of the rows shown to CSV or XLSX. A click on a row highlights its feature and zooms to
// it above the table; a feature picked with 识别 on the map selects its row.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PlanLines

Popup {
    id: dock

    required property ProjectSession session
    required property Item tools
    required property MapView map
    property alias model: tableModel
    property int selectedRow: -1
    property string message: ""

    function openLayer(table) {
        dock.selectedRow = -1;
        dock.message = "";
        filterField.text = "";
        columnChoice.currentIndex = 0;
        extentBox.checked = false;
        if (!tableModel.openLayer(table))
            dock.message = tableModel.errorString;
        dock.open();
    }
    function selectRow(row) {
        dock.selectedRow = row;
        if (row < 0)
            return;
        rows.positionViewAtRow(row, TableView.Contain);
        tools.overlay.highlightTable = tableModel.table;
        tools.overlay.highlightFid = tableModel.fidAt(row);
        const e = tableModel.extentOfRows([row]);
        if (e.length !== 4)
            return;
        // Fit the feature in the map above the table: the extent grows down by the share of
        // the map the table covers.
        const covered = Math.min(0.8, dock.height / Math.max(1, dock.map.height));
        const h = Math.max(e[3] - e[1], (e[2] - e[0]) * 0.5, 20);
        const grow = h * covered / (1 - covered);
        tools.navigator.zoomToExtent(e[0], e[1] - grow, e[2], e[3]);
    }
    function applyExtent() {
        if (!extentBox.checked) {
            tableModel.clearExtent();
            return;
        }
        const a = dock.map.itemToWorld(0, 0);
        const b = dock.map.itemToWorld(dock.map.width, dock.map.height);
        tableModel.setExtent(a.x, a.y, b.x, b.y);
    }
    function exportFile(path) {
        const error = tableModel.exportTo(path);
        dock.message = error.length > 0 ? qsTr("导出失败：%1").arg(error)
                                         : qsTr("已导出 %1 行到 %2").arg(tableModel.rows).arg(path);
        return error;
    }

    // Docked at the map's bottom edge, above the status bar (which stays visible: the scale and
    // the cursor's position are read while the table is open).
    readonly property real bottomEdge: parent && map
                                       ? map.mapToItem(parent, 0, map.height).y : (parent ? parent.height : 0)

    parent: Overlay.overlay
    x: 0
    y: bottomEdge - height
    width: parent ? parent.width : 800
    height: parent ? Math.max(240, Math.round(bottomEdge * 0.4)) : 300
    padding: 6
    modal: false
    focus: true
    closePolicy: Popup.CloseOnEscape
    onClosed: {
        tools.overlay.highlightTable = "";
        tableModel.close();
    }

    AttributeTableModel {
        id: tableModel
        session: dock.session
        onQueryChanged: dock.selectedRow = -1
    }

    // A feature chosen on the map (识别) selects its row.
    Connections {
        target: dock.tools.identify
        function onCurrentChanged() {
            if (!dock.opened || dock.tools.identify.selectedTable !== tableModel.table)
                return;
            const row = tableModel.rowOfFid(dock.tools.identify.selectedFid);
            dock.selectedRow = row;
            if (row >= 0)
                rows.positionViewAtRow(row, TableView.Contain);
        }
    }
    // The extent filter follows the map, once it stops moving.
    Connections {
        target: dock.map
        enabled: extentBox.checked && dock.opened
        function onViewportChanged() { extentTimer.restart(); }
    }
    Timer {
        id: extentTimer
        interval: 300
        onTriggered: dock.applyExtent()
    }

    FileDialog {
        id: picker
        objectName: "attributeExportPicker"
        title: qsTr("导出属性表")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Excel 工作簿 (*.xlsx)"), qsTr("CSV 文件 (*.csv)")]
        onAccepted: dock.exportFile(decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, "")))
    }

    background: Rectangle {
        color: "white"
        border.color: "#90A4AE"
        MouseArea { // clicks between the controls stop here, not on the map
            anchors.fill: parent
            acceptedButtons: Qt.AllButtons
        }
    }

    contentItem: ColumnLayout {
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            Label {
                text: qsTr("属性表 — %1").arg(tableModel.layerName)
                font.bold: true
            }
            TextField {
                id: filterField
                objectName: "attributeFilter"
                Layout.preferredWidth: 200
                placeholderText: qsTr("筛选…")
                selectByMouse: true
                onTextChanged: filterTimer.restart()
                Keys.onReturnPressed: { filterTimer.stop(); dock.applyFilter(); }
            }
            ComboBox {
                id: columnChoice
                objectName: "attributeFilterColumn"
                Layout.preferredWidth: 150
                model: [qsTr("所有文本字段")].concat(tableModel.fieldLabels)
                onActivated: dock.applyFilter()
            }
            CheckBox {
                id: extentBox
                objectName: "attributeExtent"
                text: qsTr("仅当前范围")
                onToggled: dock.applyExtent()
            }
            BusyIndicator {
                objectName: "attributeBusy"
                // Shown while a sort or filter runs (on a worker thread: the window stays live).
                running: tableModel.busy
                visible: running
                implicitWidth: 24
                implicitHeight: 24
                padding: 0
            }
            Label {
                objectName: "attributeRowCount"
                Layout.fillWidth: true
                text: qsTr("%1 / %2 行").arg(MapFormat.grouped(tableModel.rows))
                                         .arg(MapFormat.grouped(tableModel.featureCount))
                color: "#546E7A"
                elide: Text.ElideRight
            }
            Button {
                objectName: "attributeExport"
                text: qsTr("导出…")
                onClicked: picker.open()
            }
            ToolButton {
                objectName: "attributeClose"
                text: "✕"
                onClicked: dock.close()
            }
        }
        Label {
            Layout.fillWidth: true
            visible: dock.message.length > 0 || tableModel.errorString.length > 0
            text: tableModel.errorString.length > 0 ? tableModel.errorString : dock.message
            color: tableModel.errorString.length > 0 ? "#C62828" : "#2E7D32"
            elide: Text.ElideMiddle
        }

        HorizontalHeaderView {
            id: header
            objectName: "attributeHeader"
            Layout.fillWidth: true
            syncView: rows
            clip: true
            delegate: Rectangle {
                required property int index
                required property string display
                implicitWidth: 120
                implicitHeight: 28
                color: headerTap.pressed ? "#CFD8DC" : "#ECEFF1"
                border.color: "#CFD8DC"
                Label {
                    anchors.fill: parent
                    anchors.leftMargin: 6
                    verticalAlignment: Text.AlignVCenter
                    text: parent.display
                    font.bold: true
                    elide: Text.ElideRight
                }
                MouseArea {
                    id: headerTap
                    anchors.fill: parent
                    onClicked: tableModel.sortBy(parent.index)
                }
            }
        }
        TableView {
            id: rows
            objectName: "attributeRows"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: tableModel
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }
            ScrollBar.horizontal: ScrollBar {}
            columnWidthProvider: column => 120
            delegate: Rectangle {
                required property int row
                required property int column
                required property string display
                implicitHeight: 26
                color: row === dock.selectedRow ? "#B2EBF2" : (row % 2 ? "#FAFAFA" : "white")
                Label {
                    anchors.fill: parent
                    anchors.leftMargin: 6
                    verticalAlignment: Text.AlignVCenter
                    text: parent.display
                    elide: Text.ElideRight
                }
                // A MouseArea, not a TapHandler: it takes the click, so the map under the
                // popup does not see it (识别 would pick another feature).
                MouseArea {
                    anchors.fill: parent
                    onClicked: dock.selectRow(parent.row)
                }
            }
        }
    }

    function applyFilter() {
        tableModel.setFilter(filterField.text, columnChoice.currentIndex - 1);
    }
    Timer {
        id: filterTimer
        interval: 400
        onTriggered: dock.applyFilter()
    }
}
