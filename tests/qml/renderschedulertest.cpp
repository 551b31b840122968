// RenderScheduler: the first frame renders at once; later requests that come in a burst (a
// drag, an animation) become one render of the last of them, started once they pause for
// settleMs(); the frame holds the pixels of that last view, opaque.
#include "layers/testproject.h"

#include <layers/layercatalog.h>
#include <layers/projectmap.h>
#include <qml/renderscheduler.h>

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using qml::RenderScheduler;
using testing::TestProject;

class RenderSchedulerTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<layers::ProjectMap> m_map;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::string path = m_dir.filePath("t.sqlite").toStdString();
        TestProject::create(path);
        m_map = layers::ProjectMap::load(path, layers::LayerCatalog::load());
    }

    void aBurstOfRequestsIsOneRenderOfTheLast()
    {
        std::vector<bool> shown;
        for (const auto &l : m_map->layers())
            shown.push_back(l.entry.visibleByDefault);
        const auto layers = m_map->renderLayers(shown);
        const double e = TestProject::kEast, n = TestProject::kNorth;
        // 1 m per pixel, 200 × 200 px, the 0102 square (E..E+100, N..N+100) in the middle.
        auto view = [&](double dx) {
            return layers::MapViewport({e + 50 + dx, n + 50}, 1.0, QSize(200, 200),
                                       layers::MapViewport::kScreenDpi);
        };
        RenderScheduler scheduler;
        QSignalSpy frames(&scheduler, &RenderScheduler::frameReady);
        const quint64 first = scheduler.request(view(0), layers);
        QVERIFY(scheduler.busy()); // the first frame starts at once
        QVERIFY(frames.wait(30000));
        QCOMPARE(scheduler.lastFrame().serial, first);

        // A drag: five views in a row, none rendered while they keep coming.
        quint64 last = 0;
        QElapsedTimer sinceLast;
        for (int i = 1; i <= 5; ++i) {
            last = scheduler.request(view(10.0 * i), layers);
            sinceLast.start();
            QVERIFY(!scheduler.busy());
        }
        QTRY_VERIFY_WITH_TIMEOUT(frames.size() == 2, 30000);
        QVERIFY(sinceLast.elapsed() >= RenderScheduler::settleMs());
        QTest::qWait(2 * RenderScheduler::settleMs());
        QCOMPARE(frames.size(), 2); // one render for the whole burst
        const auto &frame = scheduler.lastFrame();
        QCOMPARE(frame.serial, last);
        QCOMPARE(frame.image.format(), QImage::Format_RGB32); // opaque: no blending on screen
        // The last view is centred 50 m east of the first; 20 m inside the 0102 square, its fill
        // (landuse.json), where the last view has it.
        QCOMPARE(frame.viewport.worldToPixel({e + 20, n + 20}), QPointF(20, 130));
        QCOMPARE(
            frame.image.pixelColor(frame.viewport.worldToPixel({e + 20, n + 20}).toPoint()).name(),
            QStringLiteral("#f7efa0"));
    }
};

QTEST_MAIN(RenderSchedulerTest)
#include "renderschedulertest.moc"
