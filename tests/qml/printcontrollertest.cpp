// The print dialog's controller on a real project: the preview is the sheet drawn small, export
// writes the sheet with the title typed, and a failure shows the exporter's message.
#include "../layers/testproject.h"

#include <qml/mainwindow.h>
#include <qml/mapview.h>
#include <qml/printcontroller.h>
#include <qml/projectsession.h>

#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using planlines::testing::TestProject;

class PrintControllerTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static QObject *findObject(QObject *root, const QString &name)
    {
        if (!root)
            return nullptr;
        if (root->objectName() == name)
            return root;
        for (QObject *child : root->children())
            if (QObject *found = findObject(child, name))
                return found;
        if (auto *item = qobject_cast<QQuickItem *>(root))
            for (QQuickItem *child : item->childItems())
                if (QObject *found = findObject(child, name))
                    return found;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        qml::MainWindow::prepare();
    }

    // The 打印 button on the map opens the dialog on the map's current extent, with the preview.
    void dialogFromTheWindow()
    {
        const QString db = m_dir.filePath(QStringLiteral("w.sqlite"));
        TestProject::create(db.toStdString());
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = qml::MainWindow::load(engine, db, QSize(1200, 800), &error);
        QVERIFY2(window, qPrintable(error));
        qml::MapView *map = qml::MainWindow::mapView(window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        QObject *button = findObject(window->contentItem(), QStringLiteral("printButton"));
        QVERIFY(button);
        QVERIFY(QMetaObject::invokeMethod(button, "clicked"));
        QObject *dialog = findObject(window, QStringLiteral("printDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->property("opened").toBool(), 5000);
        auto *controller = qobject_cast<qml::PrintController *>(
            findObject(dialog, QStringLiteral("printController")));
        QVERIFY(controller);
        QTRY_VERIFY_WITH_TIMEOUT(!controller->previewUrl().isEmpty(), 10000);
        // The sheet's extent is what the map shows.
        const QRectF e = controller->extent();
        const QPointF centre = map->itemToWorld(map->width() / 2, map->height() / 2);
        QVERIFY(qAbs(e.center().x() - centre.x()) < 1 && qAbs(e.center().y() - centre.y()) < 1);
        QObject *preview = findObject(dialog->property("contentItem").value<QQuickItem *>(),
                                      QStringLiteral("preview"));
        QVERIFY(preview);
        QTRY_COMPARE_WITH_TIMEOUT(preview->property("status").toInt(), 1, 10000); // Image.Ready
        const QImage shot = window->grabWindow();
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty())
            shot.save(QString::fromLocal8Bit(out) + QStringLiteral("/printdialog.png"));
        QCOMPARE(shot.size(), QSize(1200, 800));
    }

    void previewAndExport()
    {
        const QString db = m_dir.filePath(QStringLiteral("p.sqlite"));
        TestProject::create(db.toStdString());
        qml::ProjectSession session;
        session.setPath(db);
        QTRY_COMPARE_WITH_TIMEOUT(session.status(), qml::ProjectSession::Ready, 30000);
        qml::PrintController c;
        c.setSession(&session);
        c.setTitle(QStringLiteral("田镇街道光伏项目位置图"));
        c.setPaper(QStringLiteral("A4"));
        c.setLandscape(false);
        c.setScaleDenominator(5000);
        c.updatePreview(40);
        QVERIFY(c.previewUrl().startsWith(QStringLiteral("data:image/png;base64,")));
        const QImage preview =
            QImage::fromData(QByteArray::fromBase64(c.previewUrl().mid(22).toLatin1()), "PNG");
        QCOMPARE(preview.size(), QSize(331, 468)); // A4 portrait at 40 dpi

        const QString pdf = m_dir.filePath(QStringLiteral("sheet.pdf"));
        QVERIFY(c.exportTo(QUrl::fromLocalFile(pdf)));
        QCOMPARE(c.message(), QStringLiteral("已导出：sheet.pdf"));
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        p.waitForFinished();
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(text.contains(QStringLiteral("田镇街道光伏项目位置图")));
        QVERIFY(text.contains(QStringLiteral("比例尺 1:5 000")));

        QVERIFY(!c.exportTo(QUrl::fromLocalFile(QStringLiteral("/proc/sheet.pdf"))));
        QVERIFY(c.message().startsWith(QStringLiteral("cannot write /proc/sheet.pdf: ")));
    }
};

QTEST_MAIN(PrintControllerTest)
#include "printcontrollertest.moc"
