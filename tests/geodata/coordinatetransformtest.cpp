// Tests geodata/coordinatetransform.h: CGCS2000 lon/lat to the Gauss-Krüger CRSs staff use.
#include "testsupport.h"

#include "geodata/coordinatetransform.h"

#include <QElapsedTimer>
#include <QTest>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <thread>

using namespace planlines::geodata;
using planlines::geodata::test::qs;

namespace {
constexpr double kToleranceM = 0.001;    // 1 mm
constexpr double kToleranceDeg = 1.0e-9; // about 0.1 mm on the ground
} // namespace

class CoordinateTransformTest : public QObject
{
    Q_OBJECT
private slots:
    // Expected figures from PROJ's own command-line tool (proj-bin 9.1.1, Debian 12), e.g.
    //   echo "37.20 117.75" | cs2cs -d 6 EPSG:4490 EPSG:4548
    //   → 4118970.365938  566584.012075
    // cs2cs keeps the EPSG axis order (lat, lon in; northing, easting out); the library gives
    // (lon, lat) and (easting, northing). EPSG:4527 is the same projection with the zone number
    // 39 prefixed to the false easting (39 500 000 m), so its easting is 39 000 000 m more.
    void lonLatToGaussKruger_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::addColumn<QString>("target");
        QTest::addColumn<double>("easting");
        QTest::addColumn<double>("northing");
        QTest::newRow("Gaoqing 117.75E 37.20N, EPSG:4548")
            << 117.75 << 37.20 << "EPSG:4548" << 566584.012075 << 4118970.365938;
        QTest::newRow("Gaoqing 117.75E 37.20N, EPSG:4527")
            << 117.75 << 37.20 << "EPSG:4527" << 39566584.012075 << 4118970.365938;
        QTest::newRow("on the central meridian 117E 37N, EPSG:4548")
            << 117.0 << 37.0 << "EPSG:4548" << 500000.000000 << 4096510.974734;
        QTest::newRow("on the central meridian 117E 37N, EPSG:4527")
            << 117.0 << 37.0 << "EPSG:4527" << 39500000.000000 << 4096510.974734;
        QTest::newRow("118.10E 37.05N, EPSG:4548")
            << 118.10 << 37.05 << "EPSG:4548" << 597850.352596 << 4102625.856978;
        QTest::newRow("117.60E 36.95N, EPSG:4527")
            << 117.60 << 36.95 << "EPSG:4527" << 39553442.226302 << 4091130.326083;
    }
    void lonLatToGaussKruger()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        QFETCH(QString, target);
        QFETCH(double, easting);
        QFETCH(double, northing);
        const CoordinateTransform t("EPSG:4490", target.toStdString());
        double xy[] = {lon, lat};
        t.transform(xy);
        PL_COMPARE_NEAR(xy[0], easting, kToleranceM, "m");
        PL_COMPARE_NEAR(xy[1], northing, kToleranceM, "m");

        t.transformInverse(xy);
        PL_COMPARE_NEAR(xy[0], lon, kToleranceDeg, "°");
        PL_COMPARE_NEAR(xy[1], lat, kToleranceDeg, "°");
    }

    void projectedInMetres()
    {
        QVERIFY(crsIsProjectedInMetres("EPSG:4548"));  // CGCS2000 3° GK CM 117E
        QVERIFY(crsIsProjectedInMetres("EPSG:4527"));  // CGCS2000 3° GK zone 39
        QVERIFY(crsIsProjectedInMetres("EPSG:3857"));
        QVERIFY(!crsIsProjectedInMetres("EPSG:4490")); // geographic, degrees
        QVERIFY(!crsIsProjectedInMetres("EPSG:4326"));
        QVERIFY(!crsIsProjectedInMetres("EPSG:2249")); // US survey feet
        QVERIFY(!crsIsProjectedInMetres("EPSG:999999"));
        QVERIFY(!crsIsProjectedInMetres("not a crs"));
    }

    void manyPointsInOneCall()
    {
        const CoordinateTransform t("EPSG:4490", "EPSG:4548");
        double xy[] = {117.75, 37.20, 117.0, 37.0, 118.10, 37.05};
        t.transform(xy);
        PL_COMPARE_NEAR(xy[0], 566584.012075, kToleranceM, "m");
        PL_COMPARE_NEAR(xy[1], 4118970.365938, kToleranceM, "m");
        PL_COMPARE_NEAR(xy[2], 500000.000000, kToleranceM, "m");
        PL_COMPARE_NEAR(xy[3], 4096510.974734, kToleranceM, "m");
        PL_COMPARE_NEAR(xy[4], 597850.352596, kToleranceM, "m");
        PL_COMPARE_NEAR(xy[5], 4102625.856978, kToleranceM, "m");
    }

    void inverseRoundTripOverTheCounty()
    {
        const CoordinateTransform t("EPSG:4490", "EPSG:4548");
        for (double lon = 117.55; lon <= 118.05; lon += 0.05) {
            for (double lat = 36.95; lat <= 37.35; lat += 0.05) {
                double xy[] = {lon, lat};
                t.transform(xy);
                t.transformInverse(xy);
                PL_COMPARE_NEAR(xy[0], lon, kToleranceDeg, "°");
                PL_COMPARE_NEAR(xy[1], lat, kToleranceDeg, "°");
            }
        }
    }

    void invalidCrsThrowsNamingIt()
    {
        PL_VERIFY_THROWS_WITH(GeometryError, CoordinateTransform("EPSG:4490", "EPSG:999999"),
                              "EPSG:999999");
        PL_VERIFY_THROWS_WITH(GeometryError, CoordinateTransform("not a crs", "EPSG:4548"),
                              "not a crs");
    }

    void pointOutsideTheDomainThrows()
    {
        const CoordinateTransform t("EPSG:4490", "EPSG:4548");
        double xy[] = {117.75, 37.20, 117.75, 91.0};
        PL_VERIFY_THROWS_WITH(GeometryError, t.transform(xy), "EPSG:4490 -> EPSG:4548");
    }

    void crsNames()
    {
        const std::string cm117 = crsName("EPSG:4548");
        QVERIFY2(cm117.find("CM 117E") != std::string::npos, cm117.c_str());
        QVERIFY2(cm117.find("CGCS2000") != std::string::npos, cm117.c_str());
        const std::string zone39 = crsName("EPSG:4527");
        QVERIFY2(zone39.find("zone 39") != std::string::npos, zone39.c_str());
        QCOMPARE(qs(crsName("EPSG:4490")), QStringLiteral("China Geodetic Coordinate System 2000"));
        QVERIFY(!CoordinateTransform("EPSG:4490", "EPSG:4548").description().empty());
    }

    // Even when the environment asks PROJ for the network (PROJ_NETWORK=ON), a transformation
    // whose best grid is not installed (NAD27 → NAD83 in Canada, ca_nrc_ntv2_0.tif) must not try
    // to download it: it falls back to an installed method, quickly, and opens no connection.
    // The endpoint is a local socket that counts connection attempts.
    void networkStaysDisabled()
    {
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(listener >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
        QVERIFY(::listen(listener, 8) == 0);
        QVERIFY(::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &len) == 0);
        std::atomic<int> connections{0};
        std::atomic<bool> stop{false};
        std::thread server([&] {
            while (!stop) {
                pollfd p{listener, POLLIN, 0};
                if (::poll(&p, 1, 20) > 0) {
                    const int c = ::accept(listener, nullptr, nullptr);
                    if (c >= 0) {
                        ++connections;
                        ::close(c); // fail the request at once rather than hang
                    }
                }
            }
        });

        qputenv("PROJ_NETWORK", "ON");
        qputenv("PROJ_NETWORK_ENDPOINT",
                QByteArray("http://127.0.0.1:") + QByteArray::number(ntohs(addr.sin_port)));
        // A new thread gets a new PROJ context, created after the environment was set.
        double xy[] = {-75.0, 45.0};
        std::string error;
        QElapsedTimer timer;
        timer.start();
        std::thread worker([&] {
            try {
                const CoordinateTransform t("EPSG:4267", "EPSG:4269");
                t.transform(xy);
            } catch (const std::exception &e) {
                error = e.what();
            }
        });
        worker.join();
        const qint64 ms = timer.elapsed();
        qunsetenv("PROJ_NETWORK");
        qunsetenv("PROJ_NETWORK_ENDPOINT");
        stop = true;
        server.join();
        ::close(listener);

        QCOMPARE(connections.load(), 0);
        QVERIFY2(error.empty(), error.c_str());
        QVERIFY2(ms < 10000, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
        // The NAD27 → NAD83 shift there is under 30 m (about 0.0003°).
        PL_COMPARE_NEAR(xy[0], -75.0, 0.001, "°");
        PL_COMPARE_NEAR(xy[1], 45.0, 0.001, "°");
    }
};

QTEST_APPLESS_MAIN(CoordinateTransformTest)
#include "coordinatetransformtest.moc"
