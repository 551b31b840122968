// The map's tools, laid over the MapView: a click identifies (or adds a measuring vertex),
// double-click and pinch zoom, the keys pan and zoom, the hover feeds the status bar; the
// highlight and measure overlay, the navigation buttons, the identify and measure panels.
import QtQuick
import QtQuick.Controls
import PlanLines

FocusScope {
    id: tools

    // Esc on the map: what the tools clear, panels with their own highlight clear too.
    signal escapePressed()

    required property MapView map
    required property ProjectSession session
    // "identify", "distance" or "area"
    property string tool: "identify"
    property alias navigator: navigator
    property alias identify: identify
    property alias measure: measure
    property alias overlay: overlay
    property alias cursor: cursor
    // How near a line or point must be to a click, in pixels.
    readonly property real pickTolerancePx: 5

    // A search result: zoom there, highlight its feature or mark its point.
    function showResult(minE, minN, maxE, maxN, table, fid, point) {
        identify.clear();
        overlay.highlightTable = table;
        overlay.highlightFid = fid;
        overlay.markerPoint = point;
        navigator.zoomToExtent(minE, minN, maxE, maxN);
    }

    function clickAt(x, y) {
        const w = tools.map.itemToWorld(x, y);
        if (tools.tool === "identify") {
            overlay.markerPoint = undefined;
            identify.identify(w.x, w.y, tools.pickTolerancePx * tools.map.metresPerPixel);
        } else {
            measure.addPoint(w.x, w.y);
        }
    }

    // From the map's TapHandlers (declared on the MapView itself: a handler on an item above
    // the map would keep its own mouse handling, the drag, from seeing the press).
    function tapped(x, y) {
        tools.forceActiveFocus();
        tools.clickAt(x, y);
    }
    function doubleTapped(x, y) {
        if (tools.tool === "identify")
            navigator.zoomAt(x, y, 2);
    }

    // What the tools show (identify's list and highlight, a search's highlight and marker, the
    // measured line): gone, so nothing stale is left when the tool or the project changes.
    function clearAll() {
        identify.clear();
        measure.clear();
        overlay.highlightTable = "";
        overlay.markerPoint = undefined;
    }

    onToolChanged: clearAll()

    MapNavigator {
        id: navigator
        map: tools.map
    }
    IdentifyModel {
        id: identify
        session: tools.session
        onCurrentChanged: {
            overlay.highlightTable = identify.selectedTable;
            overlay.highlightFid = identify.selectedFid;
        }
    }
    MeasureTool {
        id: measure
        mode: tools.tool === "distance" ? MeasureTool.Distance
            : tools.tool === "area" ? MeasureTool.Area : MeasureTool.Off
    }
    CursorReadout {
        id: cursor
        session: tools.session
    }

    MapOverlay {
        id: overlay
        objectName: "mapOverlay"
        anchors.fill: parent
        map: tools.map
        measurePoints: measure.points
        measureClosed: tools.tool === "area"
    }

    HoverHandler {
        id: hover
        onPointChanged: {
            const w = tools.map.itemToWorld(hover.point.position.x, hover.point.position.y);
            cursor.setPosition(w.x, w.y);
        }
        onHoveredChanged: if (!hovered) cursor.clear()
    }
    PinchHandler {
        id: pinch
        target: null
        property real lastScale: 1
        onActiveChanged: lastScale = 1
        onActiveScaleChanged: {
            tools.map.zoomAt(pinch.centroid.position.x, pinch.centroid.position.y,
                             pinch.activeScale / lastScale);
            lastScale = pinch.activeScale;
        }
    }

    Keys.onPressed: event => {
        if (event.key === Qt.Key_Escape) {
            tools.escapePressed();
            tools.clearAll();
            event.accepted = true;
        } else if (navigator.handleKey(event.key, event.modifiers)) {
            event.accepted = true;
        }
    }

    NavigationButtons {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 12
        navigator: navigator
    }

    IdentifyPanel {
        objectName: "identifyPanel"
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 12
        anchors.topMargin: 60 // below the tool bar
        width: Math.min(380, parent.width * 0.45)
        height: Math.min(implicitHeight, parent.height - 180)
        model: identify
        visible: tools.tool === "identify" && identify.candidates.length > 0
        onZoomRequested: {
            const e = identify.selectedExtent;
            if (e.length === 4)
                navigator.zoomToExtent(e[0], e[1], e[2], e[3]);
        }
        onCloseRequested: {
            identify.clear();
        }
    }

    MeasurePanel {
        objectName: "measurePanel"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: 12
        tool: measure
        visible: tools.tool !== "identify"
    }
}
