// One check's result in the check panel: the verdict (不符合 / 需关注 / 符合) in its colour, the
// site's area in m², 亩 and 公顷, the rules with their status, measured value, text and source,
// the overlap table per control line, the 地类 table and the control units. A rule or an overlap
// row clicked highlights the features that caused it on the map.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PlanLines

ColumnLayout {
    id: view

    required property CheckController controller
    // The rule or overlap row chosen (its features highlighted); -1: none.
    property int selectedRule: -1
    property int selectedOverlap: -1
    property bool showInapplicable: false

    signal zoomRequested

    spacing: 6

    function selectRule(i) {
        selectedOverlap = -1
        selectedRule = i
        controller.highlightRule(i)
    }
    function selectOverlap(i) {
        selectedRule = -1
        selectedOverlap = i
        controller.highlightOverlap(i)
    }
    Connections {
        target: view.controller
        function onResultChanged() {
            if (view.controller.rewording)
                return // the same result in other words: the chosen row stays
            view.selectedRule = -1
            view.selectedOverlap = -1
        }
    }

    component SectionTitle: Label {
        font.bold: true
        font.pixelSize: 14
        topPadding: 6
    }
    // A clickable row's background: the chosen one in the highlight's orange.
    component RowBackground: Rectangle {
        property bool selected
        property bool hovered
        color: selected ? "#FFE0B2" : hovered ? "#ECEFF1" : "transparent"
        Rectangle {
            visible: parent.selected
            width: 4
            height: parent.height
            color: "#FF9100"
        }
    }
    component Cell: Label {
        property real w: 60
        Layout.preferredWidth: w
        horizontalAlignment: Text.AlignRight
        elide: Text.ElideRight
    }

    ComboBox {
        objectName: "resultChooser"
        Layout.fillWidth: true
        visible: view.controller.results.length > 1
        model: view.controller.results
        textRole: "name"
        currentIndex: view.controller.currentIndex
        displayText: currentIndex >= 0 && currentIndex < view.controller.results.length
                     ? qsTr("%1（%2）").arg(view.controller.results[currentIndex].name)
                                     .arg(view.controller.results[currentIndex].verdictText)
                     : ""
        onActivated: index => view.controller.currentIndex = index
    }

    Rectangle {
        objectName: "verdictBanner"
        Layout.fillWidth: true
        implicitHeight: bannerText.implicitHeight + 16
        radius: 4
        color: view.controller.verdictColor
        ColumnLayout {
            id: bannerText
            anchors.fill: parent
            anchors.margins: 8
            spacing: 2
            Label {
                objectName: "verdictLabel"
                text: view.controller.verdictText
                color: "white"
                font.pixelSize: 24
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                text: view.controller.siteName
                color: "white"
                font.pixelSize: 14
                elide: Text.ElideRight
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Label {
            objectName: "siteAreaLabel"
            Layout.fillWidth: true
            text: qsTr("面积：%1").arg(view.controller.siteAreaText)
            wrapMode: Text.Wrap
            font.bold: true
        }
        ToolButton {
            text: qsTr("缩放至选址")
            onClicked: view.zoomRequested()
        }
    }
    Label {
        objectName: "checkDetail"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: "#546E7A"
        font.pixelSize: 11
        text: view.controller.detailText
    }
    RowLayout {
        Layout.fillWidth: true
        visible: view.controller.highlightText.length > 0
        Rectangle {
            width: 12
            height: 12
            color: "#FF9100"
        }
        Label {
            objectName: "highlightLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("地图上高亮：%1").arg(view.controller.highlightText)
        }
        ToolButton {
            text: "✕"
            onClicked: {
                view.selectedRule = -1
                view.selectedOverlap = -1
                view.controller.clearHighlight()
            }
        }
    }

    SectionTitle { text: qsTr("规则（点击在地图上显示相关要素）") }
    Repeater {
        objectName: "ruleRows"
        model: view.controller.rules
        delegate: ItemDelegate {
            id: ruleRow
            required property var modelData
            required property int index
            Layout.fillWidth: true
            // Rules that do not apply to this site are listed only on request.
            visible: modelData.applicable || view.showInapplicable
            highlighted: view.selectedRule === index
            background: RowBackground { selected: ruleRow.highlighted; hovered: ruleRow.hovered }
            onClicked: view.selectRule(index)
            contentItem: ColumnLayout {
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    Rectangle {
                        Layout.preferredWidth: statusLabel.implicitWidth + 10
                        Layout.preferredHeight: statusLabel.implicitHeight + 4
                        Layout.alignment: Qt.AlignTop
                        radius: 3
                        color: modelData.color
                        Label {
                            id: statusLabel
                            anchors.centerIn: parent
                            text: modelData.statusText
                            color: "white"
                            font.bold: true
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: modelData.title
                        font.bold: true
                        wrapMode: Text.Wrap
                        opacity: modelData.applicable ? 1 : 0.6
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: modelData.applicable && modelData.value.length > 0
                    text: qsTr("实测：%1").arg(modelData.value)
                    wrapMode: Text.Wrap
                    color: "#263238"
                }
                Label {
                    Layout.fillWidth: true
                    visible: modelData.applicable
                    text: modelData.text
                    wrapMode: Text.Wrap
                    color: "#37474F"
                }
                Label {
                    Layout.fillWidth: true
                    visible: modelData.applicable && (modelData.source.length > 0
                                                      || modelData.heading.length > 0)
                    text: [modelData.heading, modelData.source].filter(s => s.length > 0).join(" · ")
                    wrapMode: Text.Wrap
                    color: "#78909C"
                    font.pixelSize: 11
                }
            }
        }
    }
    Button {
        objectName: "inapplicableToggle"
        readonly property int count: view.controller.rules.filter(r => !r.applicable).length
        visible: count > 0
        flat: true
        text: view.showInapplicable ? qsTr("隐藏不适用的规则") : qsTr("显示不适用的规则（%1 条）").arg(count)
        onClicked: view.showInapplicable = !view.showInapplicable
    }

    SectionTitle { text: qsTr("占用情况") }
    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("类别"); Layout.fillWidth: true; font.bold: true }
        Cell { text: "m²"; w: 90; font.bold: true }
        Cell { text: qsTr("亩"); w: 62; font.bold: true }
        Cell { text: qsTr("公顷"); w: 62; font.bold: true }
        Cell { text: qsTr("占比"); w: 62; font.bold: true }
    }
    Repeater {
        objectName: "overlapRows"
        model: view.controller.overlaps
        delegate: ItemDelegate {
            id: overlapRow
            required property var modelData
            required property int index
            Layout.fillWidth: true
            topPadding: 2
            bottomPadding: 2
            highlighted: view.selectedOverlap === index
            background: RowBackground { selected: overlapRow.highlighted; hovered: overlapRow.hovered }
            onClicked: view.selectOverlap(index)
            contentItem: ColumnLayout {
                spacing: 0
                RowLayout {
                    Layout.fillWidth: true
                    // Wrapped, not cut: beside four number columns the name has ~60 px at
                    // 1280×720.
                    Label { text: modelData.label; Layout.fillWidth: true; wrapMode: Text.Wrap }
                    Cell { text: modelData.m2; w: 90 }
                    Cell { text: modelData.mu; w: 62 }
                    Cell { text: modelData.ha; w: 62 }
                    Cell { text: modelData.share; w: 62 }
                }
                Label {
                    Layout.fillWidth: true
                    visible: modelData.featuresText.length > 0
                    text: modelData.featuresText
                    wrapMode: Text.Wrap
                    color: modelData.layerPresent ? "#607D8B" : "#B71C1C"
                    font.pixelSize: 11
                }
            }
        }
    }

    SectionTitle { text: qsTr("地类（DLBM / DLMC）") }
    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("地类"); Layout.fillWidth: true; font.bold: true }
        Cell { text: "m²"; w: 90; font.bold: true }
        Cell { text: qsTr("亩"); w: 62; font.bold: true }
        Cell { text: qsTr("公顷"); w: 62; font.bold: true }
        Cell { text: qsTr("占比"); w: 62; font.bold: true }
    }
    Repeater {
        objectName: "landuseRows"
        model: view.controller.landuse
        delegate: RowLayout {
            required property var modelData
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: modelData.dlbm + " " + modelData.dlmc
                wrapMode: Text.Wrap
                font.bold: modelData.cultivated
                color: modelData.cultivated ? "#8D6E00" : palette.text
            }
            Cell { text: modelData.m2; w: 90 }
            Cell { text: modelData.mu; w: 62 }
            Cell { text: modelData.ha; w: 62 }
            Cell { text: modelData.share; w: 62 }
        }
    }
    Label {
        visible: view.controller.landuse.length === 0
        text: qsTr("选址内没有地类图斑")
        color: "#607D8B"
    }

    SectionTitle {
        text: qsTr("环境管控单元")
        visible: view.controller.controlUnits.length > 0
    }
    Repeater {
        model: view.controller.controlUnits
        delegate: ColumnLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: 1
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("%1 %2（%3，占 %4）").arg(modelData.code).arg(modelData.name)
                          .arg(modelData.className).arg(modelData.share)
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                visible: modelData.listText.length > 0
                wrapMode: Text.Wrap
                text: modelData.listText
                color: "#546E7A"
                font.pixelSize: 11
            }
        }
    }
}
