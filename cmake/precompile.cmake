# Precompiled headers: the Qt and standard headers nearly every translation unit parses (Qt's
# alone take a third of a file's compile time here). Only headers from outside the project go in
# (a change to one of ours never rebuilds a header): a missing #include in our code stays an
# error in the builds with PLANLINES_PCH=OFF (`make nogui` turns it off to keep that check).
#
# ccache caches these builds only with CCACHE_SLOPPINESS=pch_defines,time_macros (the
# Makefile's `make` targets set it); without it ccache compiles each file itself, correctly.
option(PLANLINES_PCH "Precompile the Qt and standard headers" ON)

set(PLANLINES_PCH_STD
    <algorithm> <array> <cmath> <cstdint> <cstring> <functional> <map> <memory> <optional>
    <set> <span> <string> <string_view> <unordered_map> <utility> <vector>)
set(PLANLINES_PCH_CORE
    <QByteArray> <QDateTime> <QDir> <QFile> <QFileInfo> <QHash> <QJsonArray> <QJsonDocument>
    <QJsonObject> <QJsonValue> <QList> <QObject> <QRegularExpression> <QString> <QStringList>
    <QVariant>)
set(PLANLINES_PCH_GUI <QColor> <QFont> <QFontMetricsF> <QImage> <QPainter> <QPainterPath>)
set(PLANLINES_PCH_QUICK <QQmlEngine> <QQuickItem> <QQuickWindow> <QtQml/qqmlregistration.h>)

# planlines_precompile(TARGET HEADER…)
function(planlines_precompile target)
    if(PLANLINES_PCH)
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()

# planlines_test_precompile(TARGET LIBS…): tests linking the same libraries share one
# precompiled header (the first such test builds it), so 150 tests build a handful, not 150.
function(planlines_test_precompile target)
    if(NOT PLANLINES_PCH)
        return()
    endif()
    string(MAKE_C_IDENTIFIER "planlines_test_pch_${ARGN}" key)
    get_property(owner GLOBAL PROPERTY ${key})
    if(owner)
        target_precompile_headers(${target} REUSE_FROM ${owner})
        return()
    endif()
    set(headers ${PLANLINES_PCH_STD} ${PLANLINES_PCH_CORE} <QTest> <QTemporaryDir> <QProcess>)
    if("${ARGN}" MATCHES "planlines_layers|planlines_qml")
        list(APPEND headers ${PLANLINES_PCH_GUI})
    endif()
    if("${ARGN}" MATCHES "planlines_qml")
        list(APPEND headers ${PLANLINES_PCH_QUICK})
    endif()
    target_precompile_headers(${target} PRIVATE ${headers})
    set_property(GLOBAL PROPERTY ${key} ${target})
endfunction()
