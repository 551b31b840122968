// The .deb's Depends, as cpack computes them (packaging/CPackConfig.cmake, then
// packaging/qmldepends.cmake; read without building the package), name the Debian package of
// every QML module the window loads at run time: each module qml/*.qml imports, and the modules
// Qt's own QML needs that no file of ours imports — the non-native FileDialog's
// Qt.labs.folderlistmodel first (the window crashed on every file chooser without it). The
// modules are found in Qt's QML directory and their owners asked of dpkg; the runtime list and
// its packages are kept here by hand. packaging/install-deps.sh installs each QML package too,
// so that the tests and `make run` see what users get.
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

namespace {

struct RuntimeModule
{
    const char *uri;
    const char *package;
    const char *why;
};

// What Qt loads for us without an import of ours.
const RuntimeModule kRuntimeModules[] = {
    {"Qt.labs.folderlistmodel", "qml6-module-qt-labs-folderlistmodel",
     "QtQuick.Dialogs.quickimpl's FileDialog.qml and FolderDialog.qml import it"},
    {"QtQuick.Dialogs.quickimpl", "qml6-module-qtquick-dialogs",
     "QtQuick.Dialogs creates its non-native dialogs from it"},
    {"QtQuick.Controls.Fusion", "qml6-module-qtquick-controls",
     "the style MainWindow::prepare chooses"},
    {"QtQuick.Controls.Fusion.impl", "qml6-module-qtquick-controls", "the Fusion style imports it"},
    {"QtQuick.Controls.Basic", "qml6-module-qtquick-controls", "Fusion falls back to it"},
    {"QtQuick.Controls.impl", "qml6-module-qtquick-controls", "every style imports it"},
    {"QtQuick.Templates", "qml6-module-qtquick-templates", "every style imports it"},
    {"QtQuick.Window", "qml6-module-qtquick-window", "the Fusion style imports it"},
    {"QtQml", "qml6-module-qtqml", "QtQuick imports it"},
    {"QtQml.WorkerScript", "qml6-module-qtqml-workerscript", "QtQml imports it"},
};

QStringList sorted(const QSet<QString> &set)
{
    QStringList list = set.values();
    list.sort();
    return list;
}

QString qmlDir()
{
    return QLibraryInfo::path(QLibraryInfo::QmlImportsPath);
}

QString qmldirOf(const QString &uri)
{
    return qmlDir() + u'/' + QString(uri).replace(u'.', u'/') + QStringLiteral("/qmldir");
}

} // namespace

class DebDependsTest : public QObject
{
    Q_OBJECT

    QSet<QString> m_depends;
    QString m_cpackQmlDir;
    QString m_dpkg;

    QHash<QString, QString> m_owners;     // qmldir → package (dpkg -S)
    QHash<QString, QString> m_importedBy; // module qml/*.qml imports → the first file importing it

    // Asks dpkg once (each call reads its whole database) which packages own paths.
    void askOwners(const QStringList &paths)
    {
        QProcess p;
        p.start(m_dpkg, QStringList{QStringLiteral("-S")} + paths);
        QVERIFY(p.waitForFinished(60000));
        // "qml6-module-qtquick:amd64: /usr/lib/…/qmldir"; a path no package owns is on stderr.
        const QRegularExpression line(QStringLiteral("^([^:, ]+)[^/]*: (/.*)$"),
                                      QRegularExpression::MultilineOption);
        for (auto it = line.globalMatch(QString::fromUtf8(p.readAllStandardOutput()));
             it.hasNext();) {
            const auto m = it.next();
            m_owners.insert(m.captured(2), m.captured(1));
        }
    }

    // Fails naming the module, who needs it and the package, unless the module is installed,
    // dpkg says package owns it, and Depends lists package.
    void checkModule(const QString &uri, const QString &package, const QString &who)
    {
        const QString qmldir = qmldirOf(uri);
        QVERIFY2(QFile::exists(qmldir),
                 qPrintable(QStringLiteral("%1 (%2) is not installed: no %3; install %4 "
                                           "(packaging/install-deps.sh)")
                                .arg(uri, who, qmldir, package)));
        const QString owned = m_owners.value(qmldir);
        QVERIFY2(owned == package, qPrintable(QStringLiteral("%1 (%2): %3 belongs to '%4', not %5")
                                                  .arg(uri, who, qmldir, owned, package)));
        QVERIFY2(m_depends.contains(package),
                 qPrintable(QStringLiteral("%1 (%2) is in %3, which the .deb's Depends lack: %4")
                                .arg(uri, who, package, sorted(m_depends).join(", "))));
    }

private slots:
    void initTestCase()
    {
        m_dpkg = QStandardPaths::findExecutable(QStringLiteral("dpkg"));
        if (m_dpkg.isEmpty())
            QSKIP("not a Debian system (no dpkg): the .deb's Depends cannot be checked");
        QProcess p;
        p.start(QStringLiteral(PLANLINES_CMAKE),
                {QStringLiteral("-Wno-dev"),
                 QStringLiteral("-DCONFIG=") + QStringLiteral(PLANLINES_CPACK_CONFIG),
                 QStringLiteral("-P"), QStringLiteral(PLANLINES_PRINT_DEPENDS)});
        QVERIFY(p.waitForFinished(300000)); // dpkg is slow on a loaded machine
        const QString out = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(out));
        // qmldepends warns of a module Qt's QML needs that this machine lacks.
        QVERIFY2(!out.contains(QStringLiteral("Warning")), qPrintable(out));
        const QRegularExpression depends(QStringLiteral("^Depends: (.*)$"),
                                         QRegularExpression::MultilineOption);
        const auto match = depends.match(out);
        QVERIFY2(match.hasMatch(), qPrintable(out));
        for (const QString &package : match.captured(1).split(u',', Qt::SkipEmptyParts))
            m_depends.insert(package.trimmed());
        const auto qmlDirLine = QRegularExpression(QStringLiteral("^QML dir: (.*)$"),
                                                   QRegularExpression::MultilineOption)
                                    .match(out);
        QVERIFY2(qmlDirLine.hasMatch(), qPrintable(out));
        m_cpackQmlDir = qmlDirLine.captured(1).trimmed();

        // The modules our files import.
        const QDir dir(QStringLiteral(PLANLINES_SOURCE_DIR "/qml"));
        const QStringList files = dir.entryList({QStringLiteral("*.qml")}, QDir::Files);
        QVERIFY(files.size() >= 20); // the module's files, not an empty directory
        const QRegularExpression import(QStringLiteral("^\\s*import\\s+([A-Za-z][\\w.]*)"),
                                        QRegularExpression::MultilineOption);
        for (const QString &name : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            for (auto it = import.globalMatch(text); it.hasNext();) {
                const QString uri = it.next().captured(1);
                if (uri != u"PlanLines" && !m_importedBy.contains(uri))
                    m_importedBy.insert(uri, QStringLiteral("imported by qml/") + name);
            }
        }
        QStringList qmldirs;
        for (auto it = m_importedBy.cbegin(); it != m_importedBy.cend(); ++it)
            qmldirs << qmldirOf(it.key());
        for (const RuntimeModule &m : kRuntimeModules)
            qmldirs << qmldirOf(QString::fromLatin1(m.uri));
        askOwners(qmldirs);
    }

    // qmldepends looks where the window's engine looks.
    void packagingReadsQtsQmlDirectory()
    {
        QCOMPARE(QDir(m_cpackQmlDir).canonicalPath(), QDir(qmlDir()).canonicalPath());
    }

    void everyImportOfOurQmlIsADependency()
    {
        // What the files import today; a new import is checked below all the same.
        for (const char *uri :
             {"QtQuick", "QtQuick.Controls", "QtQuick.Layouts", "QtQuick.Dialogs", "QtCharts"})
            QVERIFY2(m_importedBy.contains(QString::fromLatin1(uri)), uri);
        for (auto it = m_importedBy.cbegin(); it != m_importedBy.cend(); ++it) {
            const QString package = m_owners.value(qmldirOf(it.key()));
            checkModule(it.key(), package.isEmpty() ? QStringLiteral("its package") : package,
                        it.value());
            if (QTest::currentTestFailed())
                return;
        }
    }

    void qtsRuntimeModulesAreDependencies()
    {
        for (const RuntimeModule &m : kRuntimeModules) {
            checkModule(QString::fromLatin1(m.uri), QString::fromLatin1(m.package),
                        QString::fromUtf8(m.why));
            if (QTest::currentTestFailed())
                return;
        }
    }

    // A developer's machine and CI get every QML package users get.
    void installDepsInstallsEveryQmlPackage()
    {
        QFile script(QStringLiteral(PLANLINES_SOURCE_DIR "/packaging/install-deps.sh"));
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(script.readAll());
        for (const QString &package : std::as_const(m_depends)) {
            if (!package.startsWith(u"qml6-module-"))
                continue;
            const QRegularExpression word(
                QStringLiteral("(^|\\s)%1(\\s|$)").arg(QRegularExpression::escape(package)),
                QRegularExpression::MultilineOption);
            QVERIFY2(word.match(text).hasMatch(),
                     qPrintable(package + QStringLiteral(" is a Depends of the .deb but "
                                                         "packaging/install-deps.sh lacks it")));
        }
    }
};

QTEST_GUILESS_MAIN(DebDependsTest)
#include "debdependstest.moc"
