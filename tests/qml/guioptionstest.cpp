// GuiOptions: --db, --size, --screenshot and --timing in both spellings, Qt's own options left
// alone, and bad input refused with a message.
#include <qml/guioptions.h>

#include <QTest>

using planlines::qml::GuiOptions;

class GuiOptionsTest : public QObject
{
    Q_OBJECT

private:
    static std::optional<GuiOptions> parse(std::vector<std::string> args, QString *error = nullptr)
    {
        args.insert(args.begin(), "planlines");
        std::vector<char *> argv;
        for (auto &a : args)
            argv.push_back(a.data());
        return GuiOptions::parse(static_cast<int>(argv.size()), argv.data(), "/default.sqlite",
                                 error);
    }

private slots:
    void defaults()
    {
        const auto o = parse({});
        QVERIFY(o);
        QCOMPARE(o->databasePath, QStringLiteral("/default.sqlite"));
        QVERIFY(o->screenshotPath.isEmpty());
        QCOMPARE(o->windowSize, QSize(1280, 800));
        QVERIFY(!o->timing);
    }

    void allOptions()
    {
        const auto o = parse({"--db", "/data/高青县.sqlite", "--screenshot=out.png", "--size",
                              "1600x900", "-platform", "offscreen"});
        QVERIFY(o);
        QCOMPARE(o->databasePath, QStringLiteral("/data/高青县.sqlite"));
        QCOMPARE(o->screenshotPath, QStringLiteral("out.png"));
        QCOMPARE(o->windowSize, QSize(1600, 900));
        QVERIFY(!o->timing);
        const auto timed = parse({"--timing", "--db", "f.sqlite"});
        QVERIFY(timed && timed->timing);
        QCOMPARE(timed->databasePath, QStringLiteral("f.sqlite"));
        QVERIFY(QString::fromLatin1(GuiOptions::usage()).contains(QStringLiteral("--timing")));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("size") << QStringList{"--size", "big"} << "--size wants WxH";
        QTest::newRow("no file") << QStringList{"--db"} << "--db needs a file";
        QTest::newRow("unknown") << QStringList{"--colour", "red"} << "unknown option '--colour'";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> a;
        for (const auto &s : args)
            a.push_back(s.toStdString());
        QString error;
        QVERIFY(!parse(a, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(GuiOptionsTest)
#include "guioptionstest.moc"
