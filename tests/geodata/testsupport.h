// Helpers shared by the geodata tests: comparisons with a tolerance stated in units, and
// catching an exception of one type to assert on its message.
#pragma once

#include <QString>
#include <QTest>

#include <cmath>
#include <exception>
#include <initializer_list>
#include <string>
#include <typeinfo>

namespace planlines::geodata::test {

// The outcome of running code that should throw E.
struct Thrown
{
    bool asExpected = false;
    std::string message; // what() of E, or a description of what happened instead
};

// Inside a catch block: what was thrown, for a failure message.
inline std::string describeCurrentException()
{
    try {
        throw;
    } catch (const std::exception &e) {
        return std::string("threw ") + typeid(e).name() + " instead: " + e.what();
    } catch (...) {
        return "threw a non-std exception instead";
    }
}

template <typename E, typename F> Thrown thrown(F &&f)
{
    try {
        f();
    } catch (const E &e) {
        return {true, e.what()};
    } catch (...) {
        return {false, describeCurrentException()};
    }
    return {false, "threw nothing"};
}

inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace planlines::geodata::test

// Fails unless |actual - expected| <= tolerance; the message gives both values in `unit`.
#define PL_COMPARE_NEAR(actual, expected, tolerance, unit)                                         \
    do {                                                                                           \
        const double pl_a = (actual), pl_e = (expected), pl_t = (tolerance);                       \
        QVERIFY2(std::abs(pl_a - pl_e) <= pl_t,                                                    \
                 qPrintable(QStringLiteral("%1 = %2 %4, expected %3 %4 within %5 %4")              \
                                .arg(QStringLiteral(#actual))                                      \
                                .arg(pl_a, 0, 'f', 6)                                              \
                                .arg(pl_e, 0, 'f', 6)                                              \
                                .arg(QStringLiteral(unit))                                         \
                                .arg(pl_t)));                                                      \
    } while (false)

// Fails unless code throws E whose message contains every given fragment.
#define PL_VERIFY_THROWS_WITH(E, code, ...)                                                        \
    do {                                                                                           \
        const auto pl_t = ::planlines::geodata::test::thrown<E>([&] { code; });                    \
        QVERIFY2(pl_t.asExpected, pl_t.message.c_str());                                           \
        for (const std::string &pl_f : std::initializer_list<std::string>{__VA_ARGS__})            \
            QVERIFY2(pl_t.message.find(pl_f) != std::string::npos,                                 \
                     qPrintable(QStringLiteral("message \"%1\" lacks \"%2\"")                      \
                                    .arg(QString::fromStdString(pl_t.message),                     \
                                         QString::fromStdString(pl_f))));                          \
    } while (false)
