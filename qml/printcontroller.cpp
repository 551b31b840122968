#include "printcontroller.h"

#include "mapnavigator.h"

#include <layers/sheet/pngencoder.h>
#include <layers/sheet/sheetatlas.h>
#include <layers/sheet/sheetexporter.h>

#include <QFileInfo>

namespace planlines::qml {

namespace {

std::optional<layers::sheet::SheetSpec>
specFor(const PrintController &c, const layers::ProjectMap &map, const std::vector<bool> &visible)
{
    using namespace layers::sheet;
    const auto paper = paperFromName(c.paper());
    if (!paper)
        return std::nullopt;
    SheetSpec spec;
    spec.layout =
        SheetTemplate::make(*paper, c.landscape() ? Orientation::Landscape : Orientation::Portrait);
    spec.title = c.title().isEmpty()
                     ? QString::fromStdString(map.countyName()) + QStringLiteral("规划图")
                     : c.title();
    spec.subtitle = c.subtitle();
    spec.scaleDenominator = c.scaleDenominator();
    const QRectF e = c.extent().normalized();
    spec.extent = e.isEmpty() ? map.homeExtent()
                              : geodata::Envelope{e.left(), e.top(), e.right(), e.bottom()};
    spec.visible = visible;
    if (!c.township().isEmpty())
        for (auto &f : layers::sheet::namedFeatures(map, geodata::Role::Township))
            if (f.name == c.township()) {
                spec.extent = f.envelope;
                spec.outline = std::move(f.rings);
                if (c.title().isEmpty())
                    spec.title = f.name;
                if (c.subtitle().isEmpty())
                    spec.subtitle =
                        QString::fromStdString(map.countyName()) + QStringLiteral(" · 乡镇行政区");
                break;
            }
    return spec;
}

} // namespace

PrintController::PrintController(QObject *parent) : QObject(parent) {}

void PrintController::setSession(ProjectSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (m_session)
        connect(m_session, &ProjectSession::statusChanged, this,
                &PrintController::townshipsChanged);
    emit sessionChanged();
    emit townshipsChanged();
}

void PrintController::setTitle(const QString &title)
{
    if (m_title == title)
        return;
    m_title = title;
    emit sheetChanged();
}

void PrintController::setSubtitle(const QString &subtitle)
{
    if (m_subtitle == subtitle)
        return;
    m_subtitle = subtitle;
    emit sheetChanged();
}

void PrintController::setPaper(const QString &paper)
{
    if (m_paper == paper)
        return;
    m_paper = paper;
    emit sheetChanged();
}

void PrintController::setLandscape(bool landscape)
{
    if (m_landscape == landscape)
        return;
    m_landscape = landscape;
    emit sheetChanged();
}

void PrintController::setScaleDenominator(double scale)
{
    if (m_scale == scale)
        return;
    m_scale = scale;
    emit sheetChanged();
}

void PrintController::setExtent(const QRectF &extent)
{
    if (m_extent == extent)
        return;
    m_extent = extent;
    emit sheetChanged();
}

void PrintController::setTownship(const QString &township)
{
    if (m_township == township)
        return;
    m_township = township;
    emit sheetChanged();
}

QStringList PrintController::townships() const
{
    QStringList out;
    if (const auto map = m_session ? m_session->map() : nullptr)
        for (const auto &f : layers::sheet::namedFeatures(*map, geodata::Role::Township))
            out << f.name;
    return out;
}

bool PrintController::setScaleText(const QString &text)
{
    if (text.trimmed().isEmpty() || text.trimmed() == QLatin1String("0")) {
        setScaleDenominator(0);
        return true;
    }
    const double n = MapNavigator::parseScale(text);
    if (!(n > 0))
        return false;
    setScaleDenominator(n);
    return true;
}

void PrintController::setMessage(const QString &message)
{
    if (m_message == message)
        return;
    m_message = message;
    emit messageChanged();
}

void PrintController::updatePreview(double dpi)
{
    const auto map = m_session ? m_session->map() : nullptr;
    if (!map)
        return;
    const auto spec = specFor(*this, *map, m_session->layers()->visibility());
    if (!spec)
        return;
    const layers::sheet::SheetComposer composer(*map);
    const QImage image = layers::sheet::SheetExporter(composer).renderImage(*spec, dpi);
    m_previewUrl = QStringLiteral("data:image/png;base64,") +
                   QString::fromLatin1(layers::sheet::encodePng(image).toBase64());
    emit previewChanged();
}

bool PrintController::exportTo(const QUrl &file)
{
    const auto map = m_session ? m_session->map() : nullptr;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (!map) {
        setMessage(tr("没有打开的项目"));
        return false;
    }
    const auto spec = specFor(*this, *map, m_session->layers()->visibility());
    if (!spec) {
        setMessage(tr("未知的纸张：%1").arg(m_paper));
        return false;
    }
    try {
        const layers::sheet::SheetComposer composer(*map);
        layers::sheet::SheetExporter(composer).write(path, std::span(&*spec, 1));
        setMessage(tr("已导出：%1").arg(QFileInfo(path).fileName()));
        return true;
    } catch (const std::exception &e) {
        setMessage(QString::fromUtf8(e.what()));
        return false;
    }
}

} // namespace planlines::qml
