// Tests geodata/import/zipinspector.h: entries listed, path tricks and bombs refused.
#include "../testsupport.h"
#include "importfixtures.h"

#include <geodata/error.h>
#include <geodata/import/zipinspector.h>

#include <QTemporaryDir>

using namespace planlines::geodata;
using namespace planlines::geodata::import;
using namespace planlines::geodata::test;

class ZipInspectorTest : public QObject
{
    Q_OBJECT
private slots:
    void listsEntries()
    {
        QTemporaryDir dir;
        const QString zip = dir.filePath("ok.zip");
        QVERIFY(writeStoredZip(zip, {{"a/x.shp", "12345"}, {"a/x.dbf", "ab"}}));
        const auto entries = ZipInspector::inspect(zip.toStdString());
        QCOMPARE(entries.size(), size_t(2));
        QCOMPARE(QString::fromStdString(entries[0].name), QStringLiteral("a/x.shp"));
        QCOMPARE(entries[0].uncompressedSize, std::uint64_t(5));
    }
    void refusesDotDot()
    {
        QTemporaryDir dir;
        const QString zip = dir.filePath("evil.zip");
        QVERIFY(writeStoredZip(zip, {{"x.shp", "1"}, {"../../etc/x.dbf", "2"}}));
        PL_VERIFY_THROWS_WITH(Error, ZipInspector::inspect(zip.toStdString()), "evil.zip",
                              "../../etc/x.dbf", "unsafe path");
    }
    void refusesAbsolute()
    {
        QTemporaryDir dir;
        const QString zip = dir.filePath("abs.zip");
        QVERIFY(writeStoredZip(zip, {{"/etc/passwd", "2"}}));
        PL_VERIFY_THROWS_WITH(Error, ZipInspector::inspect(zip.toStdString()), "unsafe path");
    }
    void refusesNonZip()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("no.zip"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100, 'x'));
        f.close();
        PL_VERIFY_THROWS_WITH(Error, ZipInspector::inspect(f.fileName().toStdString()),
                              "not a zip archive");
    }
};

QTEST_GUILESS_MAIN(ZipInspectorTest)
#include "zipinspectortest.moc"
