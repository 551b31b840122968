// `planlines publish` and `planlines snapshot` (app/cli/publishcommand.cpp, snapshotcommand.cpp)
// run as a person runs them against the throwaway cluster: their help, exact messages, the
// refusal of a second publish, --replace, the snapshot's mark in `planlines info`, a failure's
// message, the sample county's round trip compared through `planlines info --json`, and the
// sample generator writing straight to a server.
#include "cli/clirun.h"
#include "geodata/testsupport.h"
#include "pgtestsupport.h"
#include "smallcounty.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines::geodata;
using namespace planlines::geodata::test;

#define PL_VERIFY_CONTAINS(text, part)                                                             \
    QVERIFY2((text).contains(part),                                                                \
             qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(text, part)))

namespace {

const QString kSmall =
    QStringLiteral("高青县 (370322): 2 layers (4 versions, 24 features), 2 check "
                   "records, 3 progress entries, 7 audit rows");

// How messages and the snapshot's mark name a server: the location without any password.
QString display(const std::string &uri)
{
    return QString::fromStdString(ProjectLocation::parse(uri).display());
}

// `info --json` without what differs between a file and its copy by design (and the tables'
// names, which the server gives each version its own way, unless withTables).
QJsonObject infoJson(const QString &db, bool withTables = true)
{
    const CliResult r = runPlanlines(
        {QStringLiteral("info"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    if (r.exitCode != 0)
        return QJsonObject{{"error", r.err}};
    QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    o.remove(QStringLiteral("path"));
    o.remove(QStringLiteral("snapshot"));
    // Each engine numbers its own migrations (the file's schema 5 is the server's 2).
    o.remove(QStringLiteral("schema_version"));
    if (!withTables) {
        QJsonArray layers;
        for (const auto &l : o.value(QStringLiteral("layers")).toArray()) {
            QJsonObject layer = l.toObject();
            layer.remove(QStringLiteral("table"));
            layers.append(layer);
        }
        o.insert(QStringLiteral("layers"), layers);
    }
    return o;
}

} // namespace

class PublishCommandTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_uri;
    QString m_file;
    QString uri() const { return QString::fromStdString(m_uri); }
    QString path(const char *name) const { return m_dir.path() + QLatin1Char('/') + qs(name); }

private slots:
    void initTestCase()
    {
        try {
            m_uri = freshDatabase("t_publishcommand");
            m_file = path("高青县.sqlite");
            makeSmallCounty(m_file.toStdString());
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
    }

    void helpSaysWhatTheyDo()
    {
        CliResult r = runPlanlines({QStringLiteral("publish"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        PL_VERIFY_CONTAINS(r.out, QStringLiteral("Usage: planlines publish [options] FILE"));
        PL_VERIFY_CONTAINS(r.out, QStringLiteral("--to <URI>"));
        PL_VERIFY_CONTAINS(r.out, QStringLiteral("--replace"));
        PL_VERIFY_CONTAINS(r.out, QStringLiteral("in one transaction"));
        r = runPlanlines({QStringLiteral("snapshot"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        PL_VERIFY_CONTAINS(r.out, QStringLiteral("Usage: planlines snapshot [options]"));
        PL_VERIFY_CONTAINS(r.out, QStringLiteral("--from <URI>"));
        PL_VERIFY_CONTAINS(r.out, QStringLiteral("--out <FILE>"));
        PL_VERIFY_CONTAINS(r.out, QStringLiteral("without password"));
        const CliResult top = runPlanlines({QStringLiteral("--help")});
        PL_VERIFY_CONTAINS(top.out, QStringLiteral("publish   copy a project file onto a "
                                                   "PostgreSQL/PostGIS server, whole"));
        PL_VERIFY_CONTAINS(top.out, QStringLiteral("snapshot  copy a server's project into a "
                                                   "file for offline work"));
    }

    void refusalsOfTheCommandLine()
    {
        CliResult r = runPlanlines({QStringLiteral("publish"), m_file});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("planlines publish: --to postgresql://… is required\n"));
        r = runPlanlines({QStringLiteral("publish"), QStringLiteral("--to"), uri()});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("planlines publish: name the project file to publish\n"));
        r = runPlanlines({QStringLiteral("publish"), m_file, QStringLiteral("--to"),
                          QStringLiteral("copy.sqlite")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("planlines publish: --to must name a PostgreSQL database "
                                       "(postgresql://… or service=NAME), not the file "
                                       "'copy.sqlite'\n"));
        r = runPlanlines({QStringLiteral("snapshot"), QStringLiteral("--out"), path("x.sqlite")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("planlines snapshot: --from postgresql://… is required\n"));
        r = runPlanlines({QStringLiteral("snapshot"), QStringLiteral("--from"), uri()});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("planlines snapshot: --out FILE is required\n"));
    }

    void publishThenRefuseThenReplace()
    {
        const QStringList args{QStringLiteral("publish"), m_file, QStringLiteral("--to"), uri()};
        CliResult r = runPlanlines(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out,
                 QStringLiteral("published %1 to %2: %3\n").arg(m_file, display(m_uri), kSmall));
        r = runPlanlines(args);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("planlines publish: %1: the database already holds a "
                                       "project (%2); --replace replaces it\nnothing was "
                                       "published; %1 is as it was\n")
                            .arg(display(m_uri), kSmall));
        r = runPlanlines(args + QStringList{QStringLiteral("--replace")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("replaced %3\npublished %1 to %2: %3\n")
                            .arg(m_file, display(m_uri), kSmall));
    }

    void aSnapshotIsMarkedAndInfoShowsIt()
    {
        const QString snap = path("外业快照.sqlite");
        // A password in the location (trust authentication ignores it) never reaches the mark.
        std::string withPassword = m_uri;
        withPassword.replace(withPassword.find('?'), 1, "?password=s3cret&");
        const CliResult r =
            runPlanlines({QStringLiteral("snapshot"), QStringLiteral("--from"),
                          QString::fromStdString(withPassword), QStringLiteral("--out"), snap});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QRegularExpression line(
            QStringLiteral("^snapshot of %1 taken at (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ) "
                           "into %2: %3\n$")
                .arg(QRegularExpression::escape(display(m_uri)), QRegularExpression::escape(snap),
                     QRegularExpression::escape(kSmall)));
        const auto m = line.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QCOMPARE(display(withPassword), display(m_uri));
        const CliResult info = runPlanlines({QStringLiteral("info"), QStringLiteral("--db"), snap});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        QVERIFY2(!info.out.contains(QStringLiteral("s3cret")), qPrintable(info.out));
        PL_VERIFY_CONTAINS(info.out, QStringLiteral("离线副本 snapshot of %1 taken at %2\n")
                                         .arg(display(m_uri), m.captured(1)));
        QCOMPARE(infoJson(snap), infoJson(m_file));

        // Published back, into another database: the mark stays behind.
        const std::string other = freshDatabase("t_publishcommand_back");
        const CliResult back =
            runPlanlines({QStringLiteral("publish"), snap, QStringLiteral("--to"),
                          QString::fromStdString(other)});
        QVERIFY2(back.exitCode == 0, qPrintable(back.err));
        const CliResult serverInfo = runPlanlines(
            {QStringLiteral("info"), QStringLiteral("--db"), QString::fromStdString(other)});
        QVERIFY2(!serverInfo.out.contains(QStringLiteral("离线副本")), qPrintable(serverInfo.out));
    }

    void aFailureSaysWhereAndWhy()
    {
        const QString bad = path("坏数据.sqlite");
        {
            auto p = Project::create(bad.toStdString(), "EPSG:4548", "邹平市", "371626");
            LayerSpec s = landuseSpec();
            s.name = "永久基本农田";
            s.role = Role::BasicFarmland;
            s.table = "farmland";
            LayerWriter w(*p, s);
            for (int i = 0; i < 3; ++i) {
                const Value values[] = {std::string("0101"), std::string("水田"), 5000.0,
                                        i == 1 ? Value(std::string("第二块"))
                                               : Value(std::int64_t{i}),
                                        std::monostate{}};
                w.add(rectangle(600000 + 100.0 * i, 4000000, 100, 50), values);
            }
            w.commit();
        }
        const CliResult r = runPlanlines({QStringLiteral("publish"), bad, QStringLiteral("--to"),
                                          uri(), QStringLiteral("--replace")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err,
                 QStringLiteral("planlines publish: layer 永久基本农田 version 1, feature fid "
                                "2: field BSM: '第二块' cannot be stored as INTEGER\nnothing "
                                "was published; %1 is as it was\n")
                     .arg(display(m_uri)));
        QCOMPARE(infoJson(uri(), false), infoJson(m_file, false));
    }

    // The sample county (every layer of it) to the server and back, compared through what
    // `planlines info --json` reports: counts, versions, checksums, areas to 0.01 m².
    void theSampleCountyRoundTrips()
    {
        const std::string server = freshDatabase("t_publishcommand_sample");
        const QString sample = QStringLiteral(PLANLINES_SAMPLE_DB);
        CliResult r = runPlanlines({QStringLiteral("publish"), sample, QStringLiteral("--to"),
                                    QString::fromStdString(server)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString snap = path("sample-snapshot.sqlite");
        r = runPlanlines({QStringLiteral("snapshot"), QStringLiteral("--from"),
                          QString::fromStdString(server), QStringLiteral("--out"), snap});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject before = infoJson(sample), after = infoJson(snap);
        QVERIFY(before.value(QStringLiteral("layers")).toArray().size() >= 5);
        QCOMPARE(after, before);
        QCOMPARE(infoJson(QString::fromStdString(server), false), infoJson(sample, false));
    }

    // `planlines sample --out postgresql://…`: the same county as the file the same options
    // make (names, counts, areas and the engines' common checksums), refused over a project
    // without --force (before generating), replaced with it.
    void theSampleGeneratorFillsAServer()
    {
        const QString server = QString::fromStdString(freshDatabase("t_publishcommand_gen"));
        const QString file = path("generated.sqlite");
        const QStringList opts = {QStringLiteral("--parcels"), QStringLiteral("1000"),
                                  QStringLiteral("--seed"), QStringLiteral("7"),
                                  QStringLiteral("--quiet")};
        CliResult r = runPlanlines(
            QStringList{QStringLiteral("sample"), QStringLiteral("--out"), file} + opts);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runPlanlines(QStringList{QStringLiteral("sample"), QStringLiteral("--out"), server} +
                         opts);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto layers = [](const QJsonObject &info) {
            QStringList out;
            for (const auto &l : info.value(QStringLiteral("layers")).toArray()) {
                const QJsonObject o = l.toObject();
                out << QStringLiteral("%1 %2 %3 %4")
                           .arg(o.value(QStringLiteral("name")).toString())
                           .arg(o.value(QStringLiteral("count")).toInteger())
                           .arg(o.value(QStringLiteral("area_m2")).toDouble(), 0, 'f', 2)
                           .arg(o.value(QStringLiteral("checksum")).toString());
            }
            return out;
        };
        const QStringList onFile = layers(infoJson(file)), onServer = layers(infoJson(server));
        QVERIFY2(onFile.size() >= 10, qPrintable(onFile.join(u'\n')));
        QCOMPARE(onServer, onFile);

        r = runPlanlines(QStringList{QStringLiteral("sample"), QStringLiteral("--out"), server} +
                         opts);
        QCOMPARE(r.exitCode, 1);
        PL_VERIFY_CONTAINS(r.err, QStringLiteral("holds a project (高青县 (370322): "));
        PL_VERIFY_CONTAINS(r.err, QStringLiteral("use --force to replace it"));
        r = runPlanlines(QStringList{QStringLiteral("sample"), QStringLiteral("--out"), server,
                                     QStringLiteral("--force")} +
                         opts);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(layers(infoJson(server)), onFile);
    }
};

QTEST_GUILESS_MAIN(PublishCommandTest)
#include "publishcommandtest.moc"
