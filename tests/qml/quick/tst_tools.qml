// The tools' QML components on their own: the measure panel follows its MeasureTool (area in
// m², 亩 and 公顷, undo, clear), the search box reports a search without a project, the
// navigation buttons are there with their tool tips.
import QtQuick
import QtQuick.Controls
import QtTest
import PlanLines

Item {
    id: root
    width: 800
    height: 600

    MeasureTool {
        id: measure
        mode: MeasureTool.Area
    }
    MeasurePanel {
        id: panel
        tool: measure
    }
    ProjectSession {
        id: emptySession
    }
    SearchBox {
        id: search
        y: 100
        width: 300
        session: emptySession
    }

    function findChild(item, name) {
        if (item.objectName === name)
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = findChild(item.children[i], name);
            if (found)
                return found;
        }
        return null;
    }

    TestCase {
        name: "MapTools"
        when: windowShown

        function init() {
            measure.clear();
        }

        function test_measurePanelShowsTheArea() {
            const label = root.findChild(panel, "measureResult");
            verify(label);
            compare(label.text, "单击地图添加至少三个点");
            // A 100 m × 100 m square in Gauss-Krüger metres: 1 公顷 = 15 亩.
            measure.addPoint(570000, 4115000);
            measure.addPoint(570100, 4115000);
            measure.addPoint(570100, 4115100);
            measure.addPoint(570000, 4115100);
            compare(measure.count, 4);
            compare(label.text, "面积 10000.00 m² · 15.00 亩 · 1.00 公顷（周长 400.00 m）");
        }

        function test_undoAndClearButtons() {
            measure.addPoint(0, 0);
            measure.addPoint(30, 0);
            measure.addPoint(30, 40);
            let undo = null, clear = null;
            const buttons = [];
            const collect = item => {
                if (item instanceof Button)
                    buttons.push(item);
                for (let i = 0; i < item.children.length; ++i)
                    collect(item.children[i]);
            };
            collect(panel);
            for (const b of buttons) {
                if (b.text === "撤销")
                    undo = b;
                if (b.text === "清除")
                    clear = b;
            }
            verify(undo && clear);
            mouseClick(undo);
            compare(measure.count, 2);
            measure.mode = MeasureTool.Distance;
            measure.addPoint(0, 0);
            measure.addPoint(30, 40);
            compare(root.findChild(panel, "measureResult").text, "长度 50.00 m");
            mouseClick(clear);
            compare(measure.count, 0);
            verify(!clear.enabled);
            measure.mode = MeasureTool.Area;
        }

        function test_searchWithoutAProject() {
            search.text = "K12+300";
            search.accepted();
            compare(search.results.count, 0);
            compare(search.results.message, "项目尚未打开");
        }
    }
}
