// The layer panel's state: opacity reaches the drawn pixels (a 50 % land-use fill is halfway to
// white), moving a layer within its group changes which is drawn on top, and visibility,
// opacity and order come back when the same project is opened again (QSettings per file).
#include "layers/testproject.h"

#include <qml/mainwindow.h>
#include <qml/mapview.h>

#include <QFont>
#include <QGuiApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using qml::LayerListModel;
using qml::MainWindow;
using qml::MapView;
using testing::TestProject;

class LayerPanelTest : public QObject
{
    Q_OBJECT

private:
    static constexpr double E = TestProject::kEast;
    static constexpr double N = TestProject::kNorth;
    QTemporaryDir m_dir;
    QString m_path;

    static QColor pixelAt(QQuickWindow *window, MapView *map, double e, double n)
    {
        const QPointF p = map->mapToScene(map->worldToItem(e, n));
        return window->grabWindow().pixelColor(p.toPoint());
    }
    static QStringList names(const LayerListModel &m)
    {
        QStringList out;
        for (int r = 0; r < m.rowCount(); ++r)
            out << m.index(r).data(LayerListModel::NameRole).toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
        m_path = m_dir.filePath("panel.sqlite");
        TestProject::create(m_path.toStdString());
    }

    void opacityOrderAndPersistence()
    {
        {
            QQmlApplicationEngine engine;
            QQuickWindow *window = MainWindow::load(engine, m_path, QSize(1000, 700));
            MapView *map = MainWindow::mapView(window);
            QVERIFY(map);
            QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
            auto *model = map->session()->layers();
            QCOMPARE(names(*model),
                     (QStringList{"乡镇行政区", "地类图斑", "生态保护红线", "项目选址"}));
            const int landuse = model->rowOfTable(QStringLiteral("landuse"));
            QCOMPARE(model->index(landuse).data(LayerListModel::OpacityRole).toDouble(), 1.0);

            // 50 % opacity: the 0102 fill #f7efa0 over white is (251, 247, 207) ± rounding.
            int frames = map->frameCount();
            model->setLayerOpacity(landuse, 0.5);
            QTRY_VERIFY_WITH_TIMEOUT(map->frameCount() > frames, 10000);
            const QColor half = pixelAt(window, map, E + 20, N + 20);
            QVERIFY2(std::abs(half.red() - 251) <= 2 && std::abs(half.green() - 247) <= 2 &&
                         std::abs(half.blue() - 207) <= 2,
                     qPrintable(half.name()));

            // Township (drawn above the parcels in the catalog) moved below them, and back:
            // first the panel order, then the draw order.
            const auto before = model->drawOrder();
            QVERIFY(!model->moveLayer(model->rowOfTable("landuse"), 1)); // last of its group
            QVERIFY(model->moveLayer(model->rowOfTable("township"), 1));
            QCOMPARE(names(*model),
                     (QStringList{"地类图斑", "乡镇行政区", "生态保护红线", "项目选址"}));
            const auto after = model->drawOrder();
            QVERIFY(after != before);
            // Same layers, landuse now drawn after (above) township.
            const auto pos = [](const std::vector<std::size_t> &order, std::size_t mapIndex) {
                return std::find(order.begin(), order.end(), mapIndex) - order.begin();
            };
            const auto &layers = map->session()->map()->layers();
            std::size_t landuseIndex = 0, townshipIndex = 0;
            for (std::size_t i = 0; i < layers.size(); ++i) {
                if (layers[i].entry.info.table == "landuse")
                    landuseIndex = i;
                if (layers[i].entry.info.table == "township")
                    townshipIndex = i;
            }
            QVERIFY(pos(before, landuseIndex) < pos(before, townshipIndex));
            QVERIFY(pos(after, landuseIndex) > pos(after, townshipIndex));
            model->setLayerVisible(model->rowOfTable("eco_redline"), false);
        }
        {
            // The same project again: the state is back.
            QQmlApplicationEngine engine;
            QQuickWindow *window = MainWindow::load(engine, m_path, QSize(1000, 700));
            MapView *map = MainWindow::mapView(window);
            QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
            auto *model = map->session()->layers();
            QCOMPARE(names(*model),
                     (QStringList{"地类图斑", "乡镇行政区", "生态保护红线", "项目选址"}));
            QCOMPARE(model->index(model->rowOfTable("landuse"))
                         .data(LayerListModel::OpacityRole)
                         .toDouble(),
                     0.5);
            QCOMPARE(model->index(model->rowOfTable("eco_redline"))
                         .data(LayerListModel::LayerVisibleRole)
                         .toBool(),
                     false);
            QCOMPARE(model->index(model->rowOfTable("site"))
                         .data(LayerListModel::LayerVisibleRole)
                         .toBool(),
                     true);
        }
        {
            // Another project file keeps its own state.
            const QString other = m_dir.filePath("other.sqlite");
            TestProject::create(other.toStdString());
            QQmlApplicationEngine engine;
            QQuickWindow *window = MainWindow::load(engine, other, QSize(1000, 700));
            MapView *map = MainWindow::mapView(window);
            QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
            QCOMPARE(names(*map->session()->layers()),
                     (QStringList{"乡镇行政区", "地类图斑", "生态保护红线", "项目选址"}));
        }
    }
};

QTEST_MAIN(LayerPanelTest)
#include "layerpaneltest.moc"
