// The print dialog's model: the sheet's template, titles and scale, a preview image of the
// sheet as it will print (a data URL for an Image), and export to PDF, PNG or SVG through
// layers/sheet, of the session's project with the layers the window shows.
#pragma once

#include "projectsession.h"

#include <QObject>
#include <QRectF>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace planlines::qml {

class PrintController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        planlines::qml::ProjectSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY sheetChanged)
    Q_PROPERTY(QString subtitle READ subtitle WRITE setSubtitle NOTIFY sheetChanged)
    Q_PROPERTY(QString paper READ paper WRITE setPaper NOTIFY sheetChanged)
    Q_PROPERTY(bool landscape READ landscape WRITE setLandscape NOTIFY sheetChanged)
    // 1 : scaleDenominator; 0 fits the extent at the next round scale.
    Q_PROPERTY(
        double scaleDenominator READ scaleDenominator WRITE setScaleDenominator NOTIFY sheetChanged)
    // What to show, working CRS (x = easting, y = northing, any corner order); empty: the county.
    Q_PROPERTY(QRectF extent READ extent WRITE setExtent NOTIFY sheetChanged)
    // A township's sheet: the frame fits the township (by its name, XZQMC) and outlines it;
    // empty: the extent above. Its name is the default title.
    Q_PROPERTY(QString township READ township WRITE setTownship NOTIFY sheetChanged)
    Q_PROPERTY(QStringList townships READ townships NOTIFY townshipsChanged)
    Q_PROPERTY(QString previewUrl READ previewUrl NOTIFY previewChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit PrintController(QObject *parent = nullptr);

    ProjectSession *session() const { return m_session; }
    void setSession(ProjectSession *session);
    QString title() const { return m_title; }
    void setTitle(const QString &title);
    QString subtitle() const { return m_subtitle; }
    void setSubtitle(const QString &subtitle);
    QString paper() const { return m_paper; }
    void setPaper(const QString &paper);
    bool landscape() const { return m_landscape; }
    void setLandscape(bool landscape);
    double scaleDenominator() const { return m_scale; }
    void setScaleDenominator(double scale);
    QRectF extent() const { return m_extent; }
    void setExtent(const QRectF &extent);
    QString township() const { return m_township; }
    void setTownship(const QString &township);
    QStringList townships() const;
    QString previewUrl() const { return m_previewUrl; }
    QString message() const { return m_message; }

    // The scale a person types ("1:5000", "1：5 000", "5000"); "" or 0 fits the extent. False
    // (nothing changed) when it is not a scale.
    Q_INVOKABLE bool setScaleText(const QString &text);
    // Draws the sheet small (dpi) for the preview.
    Q_INVOKABLE void updatePreview(double dpi = 40);
    // Writes the sheet to file (.pdf, .png at 300 dpi, .svg); false with message on failure.
    Q_INVOKABLE bool exportTo(const QUrl &file);

signals:
    void sessionChanged();
    void townshipsChanged();
    void sheetChanged();
    void previewChanged();
    void messageChanged();

private:
    void setMessage(const QString &message);

    ProjectSession *m_session = nullptr;
    QString m_title;
    QString m_subtitle;
    QString m_paper = QStringLiteral("A3");
    bool m_landscape = true;
    double m_scale = 0;
    QRectF m_extent;
    QString m_township;
    QString m_previewUrl;
    QString m_message;
};

} // namespace planlines::qml
