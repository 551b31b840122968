// The store's boundary (docs/store.md): above geodata nothing talks SQL or knows the engine.
// layers/, qml/ and app/ read and write projects only through geodata::Project, FeatureSource,
// LayerWriter and the record/corridor classes; a line that reaches for the SpatiaLite connection
// (Project::db(), Database, Statement, sqlite3) there fails this test with its file and line.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class StoreBoundaryTest : public QObject
{
    Q_OBJECT

private slots:
    void nothingAboveGeodataTalksSql()
    {
        const QRegularExpression sql(QStringLiteral(
            R"((\.|->)db\(|\bDatabase\b|\bStatement\b|\bTransaction\b|sqlite3|\bquoteIdentifier\b)"));
        QStringList offenders;
        for (const char *dir : {"layers", "qml", "app"}) {
            QDirIterator it(QStringLiteral(PLANLINES_SOURCE_DIR "/") + QLatin1String(dir),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QString rel = path.mid(int(qstrlen(PLANLINES_SOURCE_DIR)) + 1);
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                int line = 0;
                for (const QByteArray &text : f.readAll().split('\n')) {
                    ++line;
                    const QString s = QString::fromUtf8(text).trimmed();
                    if (s.startsWith(QLatin1String("//")))
                        continue;
                    if (sql.match(s).hasMatch())
                        offenders << QStringLiteral("%1:%2: %3").arg(rel).arg(line).arg(s);
                }
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(StoreBoundaryTest)
#include "storeboundarytest.moc"
