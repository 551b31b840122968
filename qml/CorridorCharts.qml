// The corridor's charts (QtCharts): cumulative finished length against the plan, and status by
// township on the panel's date (stacked bars, km). The km axes tick at round values (1, 2 or 5
// times a power of ten); the township chart grows with the townships so each name has a row of
// its own, written horizontally. Both export as PNG as they are on screen.
import QtQuick
import QtQuick.Layouts
import QtCharts

ColumnLayout {
    id: charts

    required property var controller

    spacing: 0

    // True when an axis label is cut short ("…"): the charts are laid out so that none is.
    readonly property bool labelsTruncated: timeAxis.labelsTruncated || kmAxis.labelsTruncated
                                            || townAxis.labelsTruncated || barAxis.labelsTruncated

    // A round axis for values up to most: {max, ticks, format} with at most about 6 intervals.
    function roundAxis(most) {
        const top = Math.max(most, 0.1)
        const decade = Math.pow(10, Math.floor(Math.log10(top / 6)))
        let step = 10 * decade
        for (const f of [1, 2, 5])
            if (top / (f * decade) <= 6) {
                step = f * decade
                break
            }
        const intervals = Math.max(1, Math.ceil(top / step - 1e-9))
        return { max: intervals * step, ticks: intervals + 1,
                 format: step >= 1 ? "%.0f" : step >= 0.1 ? "%.1f" : "%.2f" }
    }
    // Grabs both charts as on screen to the two PNG paths; done(error) ("" when written).
    function exportImages(progressPath, townshipPath, done) {
        progressChart.grabToImage(first => {
            if (!first.saveToFile(progressPath)) {
                done(qsTr("无法写入 %1").arg(progressPath))
                return
            }
            townshipChart.grabToImage(second => {
                done(second.saveToFile(townshipPath) ? "" : qsTr("无法写入 %1").arg(townshipPath))
            })
        })
    }

    function fillLines() {
        actual.clear()
        planned.clear()
        for (const p of charts.controller.actualSeries)
            actual.append(p.x, p.y)
        for (const p of charts.controller.plannedSeries)
            planned.append(p.x, p.y)
        const first = new Date(charts.controller.firstDate)
        const end = new Date(charts.controller.dateForDay(charts.controller.dayCount))
        // From 2 January: ticks a mean year apart then fall on 1–3 January, labelled right. At
        // most 5 intervals (every second year or more for a long plan), so no label is cut.
        const years = end.getFullYear() - first.getFullYear() + 1
        const step = Math.max(1, Math.ceil(years / 5))
        const intervals = Math.ceil(years / step)
        timeAxis.min = new Date(first.getFullYear(), 0, 2)
        timeAxis.max = new Date(first.getFullYear() + intervals * step, 0, 2)
        timeAxis.tickCount = intervals + 1
        const km = roundAxis(charts.controller.totalLengthKm)
        kmAxis.max = km.max
        kmAxis.tickCount = km.ticks
        kmAxis.labelFormat = km.format
        // The plan holds its last value to the axis' end.
        if (planned.count > 0)
            planned.append(timeAxis.max.getTime(), planned.at(planned.count - 1).y)
    }
    function fillBars() {
        bars.clear()
        const t = charts.controller.townshipStatus
        if (!t.townships)
            return
        townAxis.categories = t.townships
        let most = 0
        for (let i = 0; i < t.townships.length; ++i)
            most = Math.max(most, t.sets.reduce((sum, s) => sum + s.lengthKm[i], 0))
        const axis = roundAxis(most)
        barAxis.max = axis.max
        barAxis.tickCount = axis.ticks
        barAxis.labelFormat = axis.format
        charts.townshipCount = t.townships.length
        for (const s of t.sets) {
            if (s.lengthKm.every(v => v === 0))
                continue
            const set = bars.append(s.label, s.lengthKm)
            set.color = s.color
        }
    }

    Connections {
        target: charts.controller
        function onStateChanged() { charts.fillLines(); charts.fillBars() }
        function onLoaded() { charts.fillLines() }
    }
    Component.onCompleted: { fillLines(); fillBars() }

    property int townshipCount: 0

    ChartView {
        id: progressChart
        objectName: "progressChart"
        Layout.fillWidth: true
        Layout.preferredHeight: 240
        title: qsTr("累计完工长度（公里）")
        antialiasing: true
        legend.alignment: Qt.AlignBottom

        DateTimeAxis {
            id: timeAxis
            format: "yyyy"
            tickCount: 6
            truncateLabels: false
            labelsFont.pixelSize: 11
        }
        ValueAxis {
            id: kmAxis
            min: 0
            labelFormat: "%.1f"
            truncateLabels: false
            labelsFont.pixelSize: 11
        }
        LineSeries {
            id: planned
            name: qsTr("计划")
            axisX: timeAxis
            axisY: kmAxis
            color: "#757575"
            style: Qt.DashLine
            width: 2
        }
        LineSeries {
            id: actual
            name: qsTr("实际")
            axisX: timeAxis
            axisY: kmAxis
            color: "#2E7D32"
            width: 3
        }
    }

    ChartView {
        id: townshipChart
        objectName: "townshipChart"
        Layout.fillWidth: true
        // A row of at least 26 px per township: every name shows, none overlaps.
        Layout.preferredHeight: 130 + 26 * Math.max(2, charts.townshipCount)
        title: qsTr("各乡镇状态（公里）")
        antialiasing: true
        legend.alignment: Qt.AlignBottom

        HorizontalStackedBarSeries {
            id: bars
            axisY: BarCategoryAxis {
                id: townAxis
                labelsFont.pixelSize: 12
                labelsAngle: 0
                truncateLabels: false
            }
            axisX: ValueAxis {
                id: barAxis
                min: 0
                labelFormat: "%.1f"
                truncateLabels: false
                labelsFont.pixelSize: 11
            }
        }
    }
}
