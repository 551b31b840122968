// The open project as QML sees it: set path, and the layers load on a worker thread; status,
// error text, county, CRS, the synthetic flag and the layer list follow. MapView draws what
// this session holds. open() is the window's 打开项目: the project in use stays until the new
// one has loaded, and stays when it cannot be (openFailed says why).
#pragma once

#include "layerlistmodel.h"
#include "storewatcher.h"

#include <layers/projectmap.h>

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

namespace planlines::qml {

class ProjectSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString path READ path WRITE setPath NOTIFY pathChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY statusChanged)
    Q_PROPERTY(QString countyName READ countyName NOTIFY statusChanged)
    Q_PROPERTY(QString workingCrs READ workingCrs NOTIFY statusChanged)
    Q_PROPERTY(QString crsDescription READ crsDescription NOTIFY statusChanged)
    Q_PROPERTY(bool synthetic READ synthetic NOTIFY statusChanged)
    Q_PROPERTY(planlines::qml::LayerListModel *layers READ layers CONSTANT)
    // True while open() loads a project (the one in use is still shown).
    Q_PROPERTY(bool opening READ opening NOTIFY openingChanged)
    // What the person should know about the store's connection (a server lost and being
    // retried), "" when all is well.
    Q_PROPERTY(QString storeNotice READ storeNotice NOTIFY storeNoticeChanged)

public:
    enum Status
    {
        Null,
        Loading,
        Ready,
        Error
    };
    Q_ENUM(Status)

    explicit ProjectSession(QObject *parent = nullptr);
    ~ProjectSession() override;

    // Starts loading the project at path on a worker thread now, before the window's QML is
    // created (which takes as long again); the first session set to the same path takes that
    // load instead of starting its own. Call on the GUI thread.
    static void preload(const QString &path);

    QString path() const { return m_path; }
    void setPath(const QString &path);
    // Reads the project's layers again (after an import wrote to the file).
    Q_INVOKABLE void reload();
    // Loads the project at path on a worker; when it has loaded it replaces the one in use
    // (path, layers, map: pathChanged and statusChanged, then opened). When it cannot be loaded
    // (no such file, not a project, a newer schema) openFailed names the file and the cause and
    // the project in use stays as it was. A later open() supersedes one still loading.
    Q_INVOKABLE void open(const QString &path);
    bool opening() const { return m_opening; }
    Status status() const { return m_status; }
    QString errorString() const { return m_error; }
    QString countyName() const;
    QString workingCrs() const;
    QString crsDescription() const;
    bool synthetic() const;
    LayerListModel *layers() { return &m_layers; }
    QString storeNotice() const { return m_watcher.notice(); }
    // The watcher of what others change in the store (tests poll it at will).
    StoreWatcher &storeWatcher() { return m_watcher; }

    // The loaded project (null unless Ready) and the layers to draw now, bottom to top.
    std::shared_ptr<const layers::ProjectMap> map() const { return m_map; }
    std::vector<layers::RenderLayer> visibleLayers() const;
    // Rewrites what visibleLayers() returns (the corridor coloured by its status on a date, set
    // by CorridorController); an empty function removes the rewrite. Redraws.
    using LayerRewrite =
        std::function<std::vector<layers::RenderLayer>(std::vector<layers::RenderLayer>)>;
    void setLayerRewrite(LayerRewrite rewrite);

signals:
    void pathChanged();
    void statusChanged();
    // What the map shows changed (a layer toggled): redraw.
    void contentChanged();
    void openingChanged();
    void opened(const QString &path);
    // Someone else changed the store: the layers were read again (the map redraws through
    // contentChanged), or corridor progress was recorded (the corridor panel reads it again).
    void layersRefreshed();
    void progressChanged();
    void storeNoticeChanged();
    void openFailed(const QString &path, const QString &message);

private:
    void load();
    // Reads the layers again after someone else changed them, keeping the map shown meanwhile.
    void refresh();
    void setStatus(Status status, const QString &error = {});
    void setOpening(bool on);

    QString m_path;
    Status m_status = Null;
    QString m_error;
    std::shared_ptr<const layers::ProjectMap> m_map;
    LayerListModel m_layers;
    quint64 m_generation = 0;     // a load whose generation is stale is ignored
    quint64 m_openGeneration = 0; // likewise for open()
    bool m_opening = false;
    LayerRewrite m_rewrite;
    StoreWatcher m_watcher;
    QString m_watched; // the path the watcher watches
    bool m_refreshing = false;
};

} // namespace planlines::qml
