// The transfer matrix (转移矩阵) of the 变更分析 panel: 原地类 down the side, 现地类 across the
// top, 亩 in the cells, kept land (the diagonal) shaded green, changes orange, 合计 grey; the
// chosen cell in the overlay's magenta. A click on a cell asks for its change pieces.
import QtQuick
import QtQuick.Controls

Item {
    id: view

    property var model: null
    property int selectedRow: -1
    property int selectedColumn: -1
    readonly property real cellWidth: 72
    readonly property real cellHeight: 24
    property alias table: table

    signal cellClicked(int row, int column)

    // The cell's delegate, scrolled into view (a test clicks it as a person would). The view
    // is moved by hand: positionViewAtCell's Contain stops short of far cells in Qt 6.4.
    function cellItem(row, column) {
        const x = column * (cellWidth + table.columnSpacing) - (table.width - cellWidth) / 2
        const y = row * (cellHeight + table.rowSpacing) - (table.height - cellHeight) / 2
        table.contentX = Math.max(0, Math.min(x, table.contentWidth - table.width))
        table.contentY = Math.max(0, Math.min(y, table.contentHeight - table.height))
        table.forceLayout()
        return table.itemAtCell(Qt.point(column, row))
    }

    Label {
        id: corner
        width: rowHeader.width
        height: columnHeader.height
        text: qsTr("原＼现（亩）")
        font.pixelSize: 11
        verticalAlignment: Text.AlignVCenter
        horizontalAlignment: Text.AlignHCenter
    }
    HorizontalHeaderView {
        id: columnHeader
        objectName: "changeMatrixColumns"
        anchors.left: table.left
        anchors.right: table.right
        anchors.top: parent.top
        syncView: table
        clip: true
        // "11 水域及水利设施用地" is wider than a cell: the code on one line, the name wrapped
        // under it.
        delegate: Rectangle {
            required property string display
            implicitWidth: view.cellWidth
            implicitHeight: 50
            color: "#ECEFF1"
            Text {
                anchors.fill: parent
                anchors.margins: 2
                text: parent.display.replace(" ", "\n")
                wrapMode: Text.WrapAnywhere
                maximumLineCount: 3
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                font.pixelSize: 11
                color: "#212121"
            }
        }
    }
    VerticalHeaderView {
        id: rowHeader
        objectName: "changeMatrixRows"
        anchors.top: table.top
        anchors.bottom: table.bottom
        anchors.left: parent.left
        syncView: table
        clip: true
    }
    TableView {
        id: table
        objectName: "changeMatrixTable"
        anchors.left: rowHeader.right
        anchors.top: columnHeader.bottom
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        clip: true
        columnSpacing: 1
        rowSpacing: 1
        boundsBehavior: Flickable.StopAtBounds
        model: view.model
        ScrollBar.horizontal: ScrollBar {}
        ScrollBar.vertical: ScrollBar {}

        delegate: Rectangle {
            required property string display
            required property string kind
            required property int row
            required property int column
            readonly property bool chosen: row === view.selectedRow && column === view.selectedColumn

            implicitWidth: view.cellWidth
            implicitHeight: view.cellHeight
            color: chosen ? "#EC008C"
                 : kind === "kept" ? "#E8F5E9"
                 : kind === "change" ? "#FFF3E0"
                 : kind === "total" ? "#ECEFF1" : "#FFFFFF"
            Text {
                anchors.fill: parent
                anchors.rightMargin: 4
                horizontalAlignment: Text.AlignRight
                verticalAlignment: Text.AlignVCenter
                text: parent.display
                font.pixelSize: 11
                color: parent.chosen ? "#FFFFFF" : "#212121"
            }
            TapHandler {
                onTapped: view.cellClicked(parent.row, parent.column)
            }
        }
    }
}
