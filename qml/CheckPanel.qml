// The site check panel (选址检查): what to check — a site of the project (from the list, or
// clicked on the map with the identify tool), a polygon drawn on the map, or a file —, the
// industry code (GB/T 4754) and planned use; then the verdict, the tables and the rules
// (CheckResultView), the site and the causing features on the map (CheckOverlay), the report
// and the earlier records.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PlanLines

Pane {
    id: panel

    required property ProjectSession session
    // The map to draw the site and the highlighted features on, and the window's tools (the
    // measure tool draws a polygon; the identify tool picks a site). Either may be null.
    property MapView map: null
    property MapTools tools: null
    // Checks this site (name or fid) as soon as the project is open (--check-site).
    property string autoCheckSite: ""
    property alias controller: ctl
    // True until the automatic check has finished and while work is in progress.
    readonly property bool pending: ctl.busy || (autoCheckSite.length > 0 && !autoDone)
    property bool autoDone: false

    padding: 8

    function zoomToResult(animated) {
        const e = ctl.siteExtent
        if (!panel.tools || e.length !== 4)
            return
        // The site fills the view with a margin of a tenth of its size on each side, so its
        // edge and what it touches just beyond are seen.
        const pad = 0.1 * Math.max(e[2] - e[0], e[3] - e[1])
        panel.tools.navigator.zoomToExtent(e[0] - pad, e[1] - pad, e[2] + pad, e[3] + pad)
        if (!animated)
            panel.tools.navigator.finish()
    }
    // Highlights the causing features of the first failing rule (else the first needing
    // attention) that names any.
    function highlightWorst() {
        const rules = ctl.rules
        for (const status of ["fail", "attention"]) {
            for (let i = 0; i < rules.length; ++i) {
                if (rules[i].applicable && rules[i].status === status && rules[i].featureCount > 0) {
                    resultView.selectRule(i)
                    return
                }
            }
        }
    }
    // Shows the site at index i of ctl.sites in the list (clearing a filter that hides it) and
    // fills its industry and use.
    function selectSite(i) {
        if (i < 0 || i >= ctl.sites.length)
            return
        sourceTabs.currentIndex = 0
        if (siteBox.shown.indexOf(i) < 0)
            siteFilter.text = ""
        siteBox.currentIndex = siteBox.shown.indexOf(i)
        siteBox.fillInputs()
    }
    // The site the person is looking at: the feature a search found or 识别 picked (the map's
    // highlight), else the one identify has selected; -1 when it is not a site.
    function lookedAtSite() {
        if (!panel.tools)
            return -1
        const o = panel.tools.overlay
        let i = o.highlightTable.length > 0 ? ctl.siteIndex(o.highlightTable, o.highlightFid) : -1
        if (i < 0 && panel.tools.identify.selectedTable.length > 0)
            i = ctl.siteIndex(panel.tools.identify.selectedTable, panel.tools.identify.selectedFid)
        return i
    }
    // On opening (and once the sites are read): start on the site looked at.
    function startOnLookedAtSite() {
        if (!panel.visible || panel.autoCheckSite.length > 0 || ctl.busy)
            return
        const i = lookedAtSite()
        if (i >= 0)
            selectSite(i)
    }
    onVisibleChanged: startOnLookedAtSite()
    // The form's 规划用途: the box shows it, the check uses it.
    property string useText: ""
    function setUse(text) {
        useText = text
        useBox.editText = text
    }
    // Called later than any change of the box's text: the user's own (typed, chosen) have
    // set useText by then.
    function keepUse() {
        if (useBox.editText !== useText)
            useBox.editText = useText
    }
    // Checks the site of that name (else fid) with its own industry and use, shown in the list.
    function checkNamed(nameOrFid) {
        sourceTabs.currentIndex = 0
        const sites = ctl.sites
        for (let i = 0; i < sites.length; ++i) {
            if (sites[i].name === nameOrFid) {
                selectSite(i)
                return ctl.checkSite(sites[i].table, sites[i].fid)
            }
        }
        industryField.text = ""
        panel.setUse("")
        return ctl.checkSiteNamed(nameOrFid)
    }
    function runCheck() {
        if (sourceTabs.currentIndex === 0) {
            const s = siteBox.currentSite
            if (s)
                ctl.checkSite(s.table, s.fid)
            else
                ctl.checkSiteNamed(siteBox.editText)
        } else if (sourceTabs.currentIndex === 1) {
            ctl.checkPolygon(panel.tools ? panel.tools.measure.points : [])
        } else {
            ctl.checkFile(fileField.text)
        }
    }

    Connections {
        target: panel.tools
        function onEscapePressed() { ctl.clearHighlight(); }
    }

    CheckController {
        id: ctl
        objectName: "checkController"
        session: panel.session
        industry: industryField.text
        use: panel.useText
        drawnName: drawnNameField.text
        onCheckFinished: ok => {
            if (ok) {
                // The form shows what the result was checked with: a record reopened brings
                // its own industry and use, not the previous site's.
                const site = ctl.result.site || {}
                industryField.text = site.industry || ""
                panel.setUse(site.use || "")
                panel.zoomToResult(!panel.autoCheckSite.length || panel.autoDone)
                panel.highlightWorst()
            }
            if (panel.autoCheckSite.length > 0)
                panel.autoDone = true
        }
        onSitesChanged: {
            Qt.callLater(panel.startOnLookedAtSite)
            if (panel.autoCheckSite.length > 0 && !autoStarted.done) {
                autoStarted.done = true
                // After the list's own bindings have taken the new sites.
                Qt.callLater(() => {
                    if (!panel.checkNamed(panel.autoCheckSite))
                        panel.autoDone = true
                })
            }
        }
    }
    QtObject {
        id: autoStarted
        property bool done: false
    }

    CheckOverlay {
        id: overlay
        objectName: "checkOverlay"
        parent: panel.map
        anchors.fill: parent
        map: panel.map
        controller: ctl
        visible: panel.visible && panel.map !== null
    }

    // A site clicked on the map with the identify tool is chosen in the list.
    Connections {
        target: panel.tools ? panel.tools.identify : null
        enabled: panel.visible
        function onCurrentChanged() {
            panel.selectSite(ctl.siteIndex(panel.tools.identify.selectedTable,
                                           panel.tools.identify.selectedFid))
        }
    }

    FileDialog {
        id: filePicker
        objectName: "checkFilePicker"
        title: qsTr("选择选址文件")
        nameFilters: [qsTr("选址文件 (*.shp *.zip *.gpkg *.geojson *.json *.kml *.kmz *.dxf *.tab *.mif *.gdb *.txt)"),
                      qsTr("所有文件 (*)")]
        onAccepted: fileField.text = decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, ""))
    }

    FileDialog {
        id: rulesPicker
        objectName: "rulesPicker"
        title: qsTr("选择检查规则文件")
        nameFilters: [qsTr("规则文件 (*.json)"), qsTr("所有文件 (*)")]
        onAccepted: ctl.rulesFile = selectedFile.toString()
    }

    CheckRecordsDialog {
        id: recordsDialog
        objectName: "checkRecordsDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        controller: ctl
    }

    CheckReportDialog {
        id: reportDialog
        objectName: "checkReportDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        controller: ctl
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: parent.width
            spacing: 6

            Label {
                text: qsTr("选址检查")
                font.pixelSize: 16
                font.bold: true
            }

            TabBar {
                id: sourceTabs
                objectName: "checkSourceTabs"
                Layout.fillWidth: true
                TabButton { text: qsTr("项目选址") }
                TabButton { text: qsTr("地图绘制") }
                TabButton { text: qsTr("文件") }
            }

            StackLayout {
                Layout.fillWidth: true
                currentIndex: sourceTabs.currentIndex
                Layout.preferredHeight: children[currentIndex].implicitHeight

                ColumnLayout {
                    TextField {
                        id: siteFilter
                        objectName: "siteFilter"
                        Layout.fillWidth: true
                        placeholderText: qsTr("输入名称筛选选址")
                        selectByMouse: true
                    }
                    ComboBox {
                        id: siteBox
                        objectName: "siteBox"
                        Layout.fillWidth: true
                        // Indexes into ctl.sites (sorted by name) of the sites whose name holds
                        // the filter's text.
                        readonly property var shown: {
                            const f = siteFilter.text.trim().toLowerCase()
                            const out = []
                            for (let i = 0; i < ctl.sites.length; ++i)
                                if (f.length === 0 || ctl.sites[i].name.toLowerCase().indexOf(f) >= 0)
                                    out.push(i)
                            return out
                        }
                        // The index in ctl.sites of the site chosen last: kept through filtering
                        // while it matches, else the first shown is chosen.
                        property int chosenIndex: -1
                        readonly property var currentSite: currentIndex >= 0
                                                           && currentIndex < shown.length
                                                           ? ctl.sites[shown[currentIndex]] : null
                        model: shown.map(i => ctl.sites[i].name)
                        function fillInputs() {
                            const s = currentSite
                            if (!s)
                                return
                            chosenIndex = shown[currentIndex]
                            industryField.text = s.industry
                            panel.setUse(s.use)
                        }
                        onActivated: fillInputs()
                        onModelChanged: {
                            const i = shown.indexOf(chosenIndex)
                            currentIndex = i >= 0 ? i : (shown.length > 0 ? 0 : -1)
                            fillInputs()
                        }
                    }
                    Label {
                        objectName: "siteFilterNone"
                        visible: siteFilter.text.length > 0 && siteBox.shown.length === 0
                        color: "#B71C1C"
                        text: qsTr("没有名称含“%1”的选址").arg(siteFilter.text)
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: "#607D8B"
                        text: ctl.sites.length > 0
                              ? qsTr("也可以用「识别」工具在地图上点击选址。")
                              : qsTr("项目中没有选址图层的要素。")
                    }
                }

                ColumnLayout {
                    RowLayout {
                        Button {
                            objectName: "drawButton"
                            text: qsTr("在地图上绘制")
                            enabled: panel.tools !== null
                            onClicked: {
                                panel.tools.tool = "area"
                                panel.tools.measure.clear()
                            }
                        }
                        Button {
                            text: qsTr("撤销顶点")
                            enabled: panel.tools !== null && panel.tools.measure.count > 0
                            onClicked: panel.tools.measure.removeLast()
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: "#607D8B"
                        text: !panel.tools ? ""
                            : panel.tools.tool !== "area" ? qsTr("点「在地图上绘制」，再在地图上逐点点击范围的顶点。")
                            : panel.tools.measure.count < 3
                              ? qsTr("已有 %1 个顶点；至少需要 3 个。").arg(panel.tools.measure.count)
                              : panel.tools.measure.resultText
                    }
                    RowLayout {
                        Label { text: qsTr("名称") }
                        TextField {
                            id: drawnNameField
                            Layout.fillWidth: true
                            text: qsTr("绘制范围")
                        }
                    }
                }

                ColumnLayout {
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: fileField
                            objectName: "checkFileField"
                            Layout.fillWidth: true
                            placeholderText: qsTr("文件路径")
                        }
                        Button {
                            objectName: "checkFileBrowseButton"
                            text: qsTr("浏览…")
                            onClicked: filePicker.open()
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: "#607D8B"
                        text: qsTr("Shapefile、GeoPackage、GeoJSON、KML、DXF、界址点坐标文件等；每个面要素作为一个选址。")
                    }
                }
            }

            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Label { text: qsTr("行业代码") }
                TextField {
                    id: industryField
                    objectName: "industryField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("GB/T 4754，如 C26、D4416")
                }
                Label { text: qsTr("规划用途") }
                ComboBox {
                    id: useBox
                    objectName: "useBox"
                    Layout.fillWidth: true
                    editable: true
                    // The rule file's words (data, not UI text: never translated).
                    model: ["", "工业用地", "公用设施用地", "商业服务业用地", "居住用地", "交通运输用地",
                        "公共管理与公共服务用地", "绿地与开敞空间用地", "农业设施建设用地"]
                    // What the user typed or chose is panel.useText: a language switch sets the
                    // box's text to its list's current entry (QQuickComboBox on LanguageChange),
                    // which is put back.
                    onActivated: panel.useText = editText
                    onEditTextChanged: Qt.callLater(panel.keepUse)
                    Connections {
                        target: useBox.contentItem
                        function onTextEdited() { panel.useText = useBox.contentItem.text }
                    }
                }
            }

            // The rules the check applies: the built-in sample or a county's own file.
            RowLayout {
                Layout.fillWidth: true
                Label { text: qsTr("检查规则") }
                Label {
                    objectName: "rulesLabel"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: "#37474F"
                    text: ctl.rulesText.length > 0 ? ctl.rulesText
                          : ctl.rulesFile.length > 0 ? ctl.rulesFile : qsTr("内置示例规则")
                    ToolTip.visible: rulesHover.hovered && ctl.rulesFile.length > 0
                    ToolTip.text: ctl.rulesFile
                    HoverHandler { id: rulesHover }
                }
                Button {
                    objectName: "rulesButton"
                    text: qsTr("更换…")
                    enabled: !ctl.busy
                    onClicked: rulesPicker.open()
                }
                Button {
                    objectName: "builtinRulesButton"
                    text: qsTr("用内置")
                    visible: ctl.rulesFile.length > 0
                    enabled: !ctl.busy
                    onClicked: ctl.rulesFile = ""
                }
            }

            RowLayout {
                Layout.fillWidth: true
                Button {
                    objectName: "runCheckButton"
                    text: qsTr("检查")
                    highlighted: true
                    enabled: !ctl.busy
                    onClicked: panel.runCheck()
                }
                Button {
                    objectName: "recordsButton"
                    text: qsTr("检查记录…")
                    onClicked: recordsDialog.open()
                }
                Button {
                    objectName: "reportButton"
                    text: qsTr("生成报告…")
                    enabled: ctl.hasResult && !ctl.busy
                    onClicked: reportDialog.open()
                }
            }

            RowLayout {
                objectName: "batchProgress"
                Layout.fillWidth: true
                visible: ctl.busy && ctl.batchTotal > 1
                ProgressBar {
                    Layout.fillWidth: true
                    from: 0
                    to: Math.max(1, ctl.batchTotal)
                    value: ctl.batchDone
                }
                Label {
                    text: qsTr("%1/%2 个选址").arg(ctl.batchDone).arg(ctl.batchTotal)
                }
                Button {
                    objectName: "cancelBatchButton"
                    text: qsTr("取消")
                    onClicked: ctl.cancelBatch()
                }
            }

            RowLayout {
                Layout.fillWidth: true
                visible: ctl.busy || ctl.message.length > 0 || ctl.errorString.length > 0
                BusyIndicator {
                    running: ctl.busy
                    visible: running
                    Layout.preferredWidth: 24
                    Layout.preferredHeight: 24
                }
                Label {
                    objectName: "checkMessage"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: ctl.errorString.length > 0 ? "#B71C1C" : "#37474F"
                    text: ctl.errorString.length > 0 ? ctl.errorString : ctl.message
                }
            }

            CheckResultView {
                id: resultView
                objectName: "checkResultView"
                Layout.fillWidth: true
                controller: ctl
                visible: ctl.hasResult
                onZoomRequested: panel.zoomToResult(true)
            }
        }
    }
}
