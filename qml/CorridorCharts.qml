// The corridor's charts (QtCharts): cumulative finished length against the plan, and status by
// township on the panel's date (stacked bars, km).
import QtQuick
import QtQuick.Layouts
import QtCharts

ColumnLayout {
    id: charts

    required property var controller

    spacing: 0

    function fillLines() {
        actual.clear()
        planned.clear()
        for (const p of charts.controller.actualSeries)
            actual.append(p.x, p.y)
        for (const p of charts.controller.plannedSeries)
            planned.append(p.x, p.y)
        const first = new Date(charts.controller.firstDate)
        const end = new Date(charts.controller.dateForDay(charts.controller.dayCount))
        // From 2 January: ticks a mean year apart then fall on 1–3 January, labelled right.
        timeAxis.min = new Date(first.getFullYear(), 0, 2)
        timeAxis.max = new Date(end.getFullYear() + 1, 0, 2)
        timeAxis.tickCount = end.getFullYear() - first.getFullYear() + 2 // one per 1 January
        kmAxis.max = Math.max(1, charts.controller.totalLengthKm)
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
        barAxis.max = Math.max(1, Math.ceil(most))
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

    ChartView {
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
        }
        ValueAxis {
            id: kmAxis
            min: 0
            labelFormat: "%.1f"
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
        objectName: "townshipChart"
        Layout.fillWidth: true
        Layout.preferredHeight: 220
        title: qsTr("各乡镇状态（公里）")
        antialiasing: true
        legend.alignment: Qt.AlignBottom

        HorizontalStackedBarSeries {
            id: bars
            axisY: BarCategoryAxis { id: townAxis }
            axisX: ValueAxis { id: barAxis; min: 0; labelFormat: "%.1f" }
        }
    }
}
