# The PostGIS engine (issue 17), part of planlines_geodata: libpq, and its SQL as resources.
# Included from geodata/CMakeLists.txt.
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
target_sources(planlines_geodata PRIVATE
    store/postgis/pgbinary.h store/postgis/pgbinary.cpp
    store/postgis/pgconnection.h store/postgis/pgconnection.cpp
    store/postgis/pgcopywriter.h store/postgis/pgcopywriter.cpp
    store/postgis/pgcursor.h store/postgis/pgcursor.cpp
    store/postgis/pgdbinit.h store/postgis/pgdbinit.cpp
    store/postgis/pgerror.h store/postgis/pgerror.cpp
    store/postgis/pgmigrator.h store/postgis/pgmigrator.cpp
    store/postgis/pgroles.h store/postgis/pgroles.cpp
    store/postgis/postgisfeatures.h store/postgis/postgisfeatures.cpp
    store/postgis/postgisboxes.cpp
    store/postgis/postgisfidquery.cpp
    store/postgis/postgislayersink.h store/postgis/postgislayersink.cpp
    store/postgis/postgisproject.h store/postgis/postgisproject.cpp
    store/postgis/postgisrecords.cpp
    store/postgis/postgiscopy.cpp)
target_link_libraries(planlines_geodata PRIVATE PkgConfig::LIBPQ)
file(GLOB PLANLINES_PG_SQL RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} CONFIGURE_DEPENDS sql/postgis/*.sql)
qt_add_resources(planlines_geodata planlines_sql_postgis
    PREFIX /planlines/sql-postgis BASE sql/postgis FILES ${PLANLINES_PG_SQL})
