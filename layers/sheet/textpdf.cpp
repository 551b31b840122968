#include "textpdf.h"
#include "pdftextfix.h"

#include <geodata/error.h>

#include <QBuffer>
#include <QPaintEngine>
#include <QPainter>
#include <QPdfWriter>

namespace planlines::layers::sheet {

namespace {

// Draws nothing; notes each text run QPainter hands to it, with its font.
class RecordingEngine final : public QPaintEngine
{
public:
    RecordingEngine(PdfTextRecorder &recorder, QPaintDevice &shapeFor)
        : QPaintEngine(QPaintEngine::AllFeatures), m_recorder(recorder), m_shapeFor(shapeFor)
    {
    }
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawImage(const QRectF &, const QImage &, const QRectF &,
                   Qt::ImageConversionFlags) override
    {
    }
    // Shapes: nothing to note (the defaults would convert or warn).
    void drawRects(const QRect *, int) override {}
    void drawRects(const QRectF *, int) override {}
    void drawLines(const QLine *, int) override {}
    void drawLines(const QLineF *, int) override {}
    void drawEllipse(const QRectF &) override {}
    void drawEllipse(const QRect &) override {}
    void drawPath(const QPainterPath &) override {}
    void drawPoints(const QPointF *, int) override {}
    void drawPoints(const QPoint *, int) override {}
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawPolygon(const QPoint *, int, PolygonDrawMode) override {}
    void drawTiledPixmap(const QRectF &, const QPixmap &, const QPointF &) override {}
    void drawTextItem(const QPointF &, const QTextItem &item) override
    {
        if (!item.text().isEmpty())
            m_recorder.record(item.text(), item.font(), &m_shapeFor);
    }
    Type type() const override { return QPaintEngine::User; }

private:
    PdfTextRecorder &m_recorder;
    QPaintDevice &m_shapeFor;
};

// A device with the PDF writer's size and resolution, so text lays out the same on both.
class RecordingDevice final : public QPaintDevice
{
public:
    RecordingDevice(PdfTextRecorder &recorder, QPdfWriter &like)
        : m_engine(recorder, like), m_like(like)
    {
    }
    QPaintEngine *paintEngine() const override { return const_cast<RecordingEngine *>(&m_engine); }

protected:
    int metric(PaintDeviceMetric m) const override
    {
        switch (m) {
        case PdmWidth:
            return m_like.width();
        case PdmHeight:
            return m_like.height();
        case PdmWidthMM:
            return m_like.widthMM();
        case PdmHeightMM:
            return m_like.heightMM();
        case PdmNumColors:
            return m_like.colorCount();
        case PdmDepth:
            return m_like.depth();
        case PdmDpiX:
            return m_like.logicalDpiX();
        case PdmDpiY:
            return m_like.logicalDpiY();
        case PdmPhysicalDpiX:
            return m_like.physicalDpiX();
        case PdmPhysicalDpiY:
            return m_like.physicalDpiY();
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        }
        return 0;
    }

private:
    RecordingEngine m_engine;
    QPdfWriter &m_like;
};

} // namespace

QByteArray writeTextPdf(const std::function<void(QPdfWriter &)> &setup, const PdfPainter &paint)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    setup(writer);

    PdfTextRecorder recorder;
    {
        RecordingDevice notes(recorder, writer);
        QPainter painter;
        if (!painter.begin(&notes))
            throw geodata::Error("cannot start noting the PDF's text");
        paint(painter, [] {});
        painter.end();
    }
    QPainter painter;
    if (!painter.begin(&writer))
        throw geodata::Error("cannot start drawing the PDF");
    paint(painter, [&writer] { writer.newPage(); });
    painter.end();
    buffer.close();
    applyTextFix(bytes, recorder);
    return bytes;
}

} // namespace planlines::layers::sheet
