// A layer's legend symbol in small: its fill, outline and, for the red line, the hatch.
import QtQuick

Canvas {
    id: swatch

    property color fill
    property color outline
    property bool hatched: false

    implicitWidth: 20
    implicitHeight: 14
    onFillChanged: requestPaint()
    onOutlineChanged: requestPaint()
    onHatchedChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d");
        ctx.reset();
        ctx.fillStyle = "white";
        ctx.fillRect(0, 0, width, height);
        ctx.fillStyle = swatch.fill;
        ctx.fillRect(0, 0, width, height);
        ctx.strokeStyle = swatch.outline;
        if (swatch.hatched) {
            ctx.lineWidth = 1.2;
            ctx.beginPath();
            for (let x = -height; x < width; x += 5) {
                ctx.moveTo(x, height);
                ctx.lineTo(x + height, 0);
            }
            ctx.stroke();
        }
        ctx.lineWidth = 2;
        ctx.strokeRect(1, 1, width - 2, height - 2);
    }
}
