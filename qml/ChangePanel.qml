// The 变更分析 panel (land-use change between two survey years): choose the earlier and the later
// version of a land-use layer (or two land-use layers), compare them on a worker with progress
// and 取消, read the summary, the transfer matrix for the county or a township by 一级类 or
// 二级类 (a cell clicked outlines its change pieces on the map and zooms to them), the 耕地流出
// and 流入 lists; export the tables as XLSX, store the pieces as a layer of the project.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PlanLines

Pane {
    id: panel

    required property ProjectSession session
    property MapView map: null
    property var tools: null
    property alias controller: ctl

    padding: 8

    // The pair a person most likely wants: the previous and the current survey year.
    function applySuggestion() {
        fromBox.currentIndex = ctl.suggestedFrom
        toBox.currentIndex = ctl.suggestedTo
    }
    function selectCell(row, column) {
        ctl.selectCell(row, column)
        const e = ctl.highlightExtent
        if (!panel.tools || e.length !== 4)
            return
        const pad = 0.1 * Math.max(e[2] - e[0], e[3] - e[1], 50)
        panel.tools.identify.clear()
        panel.tools.navigator.zoomToExtent(e[0] - pad, e[1] - pad, e[2] + pad, e[3] + pad)
    }

    ChangeController {
        id: ctl
        objectName: "changeController"
        session: panel.session
        // Later: the boxes reset their index when their model changes, after this handler.
        onChoicesChanged: Qt.callLater(panel.applySuggestion)
    }
    Component.onCompleted: applySuggestion()

    ChangeOverlay {
        objectName: "changeOverlay"
        parent: panel.map
        anchors.fill: parent
        map: panel.map
        controller: ctl
        visible: panel.visible && panel.map !== null
    }

    FileDialog {
        id: xlsxPicker
        objectName: "changeXlsxPicker"
        title: qsTr("导出变更分析表")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "xlsx"
        nameFilters: [qsTr("Excel 工作簿 (*.xlsx)")]
        onAccepted: {
            const error = ctl.exportXlsx(selectedFile.toString())
            if (error.length > 0)
                exportError.text = error
            else
                exportError.text = ""
        }
    }

    FileDialog {
        id: sheetPicker
        objectName: "changeSheetPicker"
        title: qsTr("打印变化图")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        nameFilters: [qsTr("PDF 文件 (*.pdf)"), qsTr("PNG 图片 (*.png)"), qsTr("SVG 图形 (*.svg)")]
        onAccepted: ctl.printSheets(selectedFile.toString(), byTownship.checked, paperBox.currentText)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Label {
            text: qsTr("变更分析")
            font.bold: true
            font.pixelSize: 16
        }
        Label {
            Layout.fillWidth: true
            visible: ctl.choices.length < 2
            wrapMode: Text.Wrap
            text: qsTr("项目中只有一个地类图斑版本。导入新一年度的变更调查（角色：地类图斑）后，原数据保留为前一版本，即可比对。")
        }
        GridLayout {
            columns: 2
            Layout.fillWidth: true
            Label { text: qsTr("前期") }
            ComboBox {
                id: fromBox
                objectName: "changeFromBox"
                Layout.fillWidth: true
                model: ctl.choices
                textRole: "text"
                enabled: !ctl.busy
            }
            Label { text: qsTr("后期") }
            ComboBox {
                id: toBox
                objectName: "changeToBox"
                Layout.fillWidth: true
                model: ctl.choices
                textRole: "text"
                enabled: !ctl.busy
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Button {
                objectName: "compareButton"
                text: qsTr("比对")
                enabled: !ctl.busy && fromBox.currentIndex >= 0 && toBox.currentIndex >= 0
                         && fromBox.currentIndex !== toBox.currentIndex
                onClicked: ctl.compare(fromBox.currentIndex, toBox.currentIndex)
            }
            Button {
                objectName: "cancelCompareButton"
                text: qsTr("取消")
                visible: ctl.busy
                onClicked: ctl.cancel()
            }
            ProgressBar {
                Layout.fillWidth: true
                visible: ctl.busy
                indeterminate: ctl.progress < 0
                value: Math.max(0, ctl.progress)
            }
        }
        Label {
            objectName: "changeMessage"
            Layout.fillWidth: true
            text: ctl.message
            wrapMode: Text.Wrap
            color: text.startsWith(qsTr("失败")) ? "#C62828" : palette.windowText
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: ctl.ready
            spacing: 6

            Label {
                objectName: "changeSummary"
                Layout.fillWidth: true
                text: ctl.summary.slice(1).join("\n")
                wrapMode: Text.Wrap
                font.pixelSize: 12
            }
            RowLayout {
                Layout.fillWidth: true
                ComboBox {
                    objectName: "changeScopeBox"
                    Layout.fillWidth: true
                    model: ctl.scopes
                    textRole: "text"
                    currentIndex: ctl.scope
                    onActivated: index => ctl.scope = index
                }
                TabBar {
                    id: levelBar
                    objectName: "changeLevelBar"
                    currentIndex: ctl.level - 1
                    TabButton {
                        text: qsTr("一级类")
                        width: implicitWidth
                        onClicked: ctl.level = 1
                    }
                    TabButton {
                        text: qsTr("二级类")
                        width: implicitWidth
                        onClicked: ctl.level = 2
                    }
                }
            }
            TabBar {
                id: tabs
                objectName: "changeTabs"
                Layout.fillWidth: true
                TabButton { text: qsTr("转移矩阵") }
                TabButton { text: qsTr("耕地流出（%1）").arg(ctl.outflow.length) }
                TabButton { text: qsTr("耕地流入（%1）").arg(ctl.inflow.length) }
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: tabs.currentIndex
                ChangeMatrixView {
                    id: matrixView
                    objectName: "changeMatrixView"
                    model: ctl.matrix
                    selectedRow: ctl.selectedRow
                    selectedColumn: ctl.selectedColumn
                    onCellClicked: (row, column) => panel.selectCell(row, column)
                }
                Repeater {
                    model: 2
                    ListView {
                        required property int index
                        objectName: index === 0 ? "changeOutflowList" : "changeInflowList"
                        clip: true
                        model: index === 0 ? ctl.outflow : ctl.inflow
                        header: RowLayout {
                            width: ListView.view.width
                            Label { text: qsTr("原地类"); font.bold: true; Layout.preferredWidth: 150 }
                            Label { text: qsTr("现地类"); font.bold: true; Layout.fillWidth: true }
                            Label { text: qsTr("面积（亩）"); font.bold: true }
                        }
                        delegate: RowLayout {
                            required property var modelData
                            width: ListView.view.width
                            Label { text: modelData.from; Layout.preferredWidth: 150; elide: Text.ElideRight }
                            Label { text: modelData.to; Layout.fillWidth: true; elide: Text.ElideRight }
                            Label { text: modelData.mu; horizontalAlignment: Text.AlignRight }
                        }
                        ScrollBar.vertical: ScrollBar {}
                    }
                }
            }
            Label {
                objectName: "changeSelection"
                Layout.fillWidth: true
                text: ctl.selectionText
                wrapMode: Text.Wrap
                visible: text.length > 0
            }
            RowLayout {
                Layout.fillWidth: true
                Button {
                    objectName: "changeExportButton"
                    text: qsTr("导出 Excel…")
                    enabled: !ctl.busy
                    onClicked: xlsxPicker.open()
                }
                Button {
                    objectName: "changeStoreButton"
                    text: ctl.storedLayer.length > 0 ? qsTr("已存为图层") : qsTr("存为图层")
                    enabled: !ctl.busy && ctl.storedLayer.length === 0
                    onClicked: ctl.storeLayer()
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Button {
                    objectName: "changePrintButton"
                    text: qsTr("打印变化图…")
                    enabled: !ctl.busy
                    onClicked: sheetPicker.open()
                }
                ComboBox {
                    id: paperBox
                    objectName: "changePaperBox"
                    model: ["A3", "A4", "A1", "A0"]
                    implicitWidth: 80
                }
                CheckBox {
                    id: byTownship
                    objectName: "changeByTownship"
                    text: qsTr("按乡镇分幅")
                }
            }
            Label {
                id: exportError
                objectName: "changeExportError"
                Layout.fillWidth: true
                visible: text.length > 0
                color: "#C62828"
                wrapMode: Text.Wrap
            }
        }
    }
}
