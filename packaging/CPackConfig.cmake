# Packaging: the desktop entry, the icon, and a Debian 12 package made by CPack.
# Included last from the top-level CMakeLists.txt, after every install() rule of the targets.
#
#   cmake -S . -B build -G Ninja && cmake --build build
#   cmake --build build --target package      # or: cpack --config build/CPackConfig.cmake
#   → build/pkg/planlines_<version>_amd64.deb

install(FILES ${CMAKE_CURRENT_LIST_DIR}/planlines.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/planlines.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# The sample county (installed by app/) is written in WAL mode. In a directory users cannot
# write, SQLite cannot open a WAL database even read-only (it needs to create the -shm file),
# and root opening it would leave -shm/-wal files that no package owns. So the installed copy
# is switched to the rollback journal; the data are unchanged. Runs after app/'s rule (CMP0082).
get_filename_component(_planlines_sample_name "${PLANLINES_SAMPLE_DB}" NAME)
find_program(PLANLINES_SQLITE3 sqlite3)
if(PLANLINES_SQLITE3)
    install(CODE "
        set(_db \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/planlines/${_planlines_sample_name}\")
        if(EXISTS \"\${_db}\")
            execute_process(COMMAND \"${PLANLINES_SQLITE3}\" \"\${_db}\" \"PRAGMA journal_mode = DELETE;\"
                            OUTPUT_VARIABLE _mode RESULT_VARIABLE _rc)
            string(STRIP \"\${_mode}\" _mode)
            if(NOT _rc EQUAL 0 OR NOT _mode STREQUAL \"delete\")
                message(FATAL_ERROR \"cannot take \${_db} out of WAL mode (\${_rc} \${_mode})\")
            endif()
            file(REMOVE \"\${_db}-wal\" \"\${_db}-shm\")
        endif()")
else()
    message(WARNING "sqlite3 not found (package sqlite3): the installed sample database stays in "
                    "WAL mode and only users who can write /usr/share/planlines can open it")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME planlines)
set(CPACK_PACKAGE_VENDOR "PlanLines")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "PlanLines maintainers <planlines@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "county planning map client on SpatiaLite")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/pkg)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)          # planlines_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_NAME planlines)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack puts it before this text.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"PlanLines keeps a county's planning layers in one SpatiaLite file, imports the
files staff receive, checks proposed project sites against permanent basic
farmland, the ecological red line, the urban development boundary and the
environmental control units, tracks the Yellow River silt-back ecological
corridor, and prints A3 map sheets. Works offline; ships the synthetic
Gaoqing sample county in /usr/share/planlines.
县级国土空间规划“一张图”客户端：选址核查、生态廊道进度与出图。")

# Shared libraries the binary links (Qt 6, GDAL, GEOS, PROJ, SpatiaLite, SQLite, zstd) come from
# dpkg-shlibdeps with their minimum versions. What is loaded at run time, and so invisible to
# it, is listed here: the Qt QML modules that the compiled-in QML module imports and those Qt's
# own QML imports in turn (completed at cpack time from the imports in qml/*.qml, followed
# through Qt's modules, by qmldepends.cmake; tests/packaging checks the result), Qt's plugins
# (platforms, SVG images and icons) and the CJK fonts the window and the map sheets need.
set(PLANLINES_DEB_RUNTIME_DEPENDS fonts-noto-cjk libqt6svg6)
if(PLANLINES_GUI)
    list(PREPEND PLANLINES_DEB_RUNTIME_DEPENDS
        qml6-module-qtqml
        qml6-module-qtquick
        qml6-module-qtquick-controls
        qml6-module-qtquick-layouts
        qml6-module-qtquick-window
        qml6-module-qtquick-templates
        qml6-module-qtqml-workerscript
        qml6-module-qtquick-dialogs
        # the non-native FileDialog's QML (QtQuick.Dialogs.quickimpl) imports it
        qml6-module-qt-labs-folderlistmodel
        qml6-module-qtcharts
        qt6-qpa-plugins)
endif()
# The libraries dpkg-shlibdeps would find, for hosts without it (no dpkg-dev).
set(PLANLINES_DEB_LINKED_DEPENDS
    libqt6core6 libqt6gui6 libqt6concurrent6 libqt6svg6
    libgdal32 libgeos-c1v5 libproj25 libspatialite7 libsqlite3-0 libzstd1 libxlsxwriter4 libpq5
    libstdc++6
    libc6)
if(PLANLINES_GUI)
    list(APPEND PLANLINES_DEB_LINKED_DEPENDS libqt6qml6 libqt6quick6 libqt6quickcontrols2-6)
    list(APPEND PLANLINES_DEB_LINKED_DEPENDS libqt6charts6 libqt6widgets6) # corridor charts
endif()

find_program(PLANLINES_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(PLANLINES_DPKG_SHLIBDEPS)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(_planlines_depends ${PLANLINES_DEB_RUNTIME_DEPENDS})
else()
    message(STATUS "dpkg-shlibdeps not found (package dpkg-dev): "
                   "the .deb lists its library dependencies without versions")
    set(_planlines_depends ${PLANLINES_DEB_RUNTIME_DEPENDS} ${PLANLINES_DEB_LINKED_DEPENDS})
    list(REMOVE_DUPLICATES _planlines_depends)
endif()
list(JOIN _planlines_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# Tools that read the same project file; the Wayland platform plugin (else Qt uses XWayland).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gdal-bin, spatialite-bin, qt6-wayland")

# For qmldepends.cmake, which cpack runs (CPACK_* variables reach it through CPackConfig.cmake).
set(CPACK_PLANLINES_GUI ${PLANLINES_GUI})
set(CPACK_PLANLINES_SOURCE_DIR ${PROJECT_SOURCE_DIR})
if(QT6_INSTALL_PREFIX AND QT6_INSTALL_QML)
    set(CPACK_PLANLINES_QML_DIR ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_QML})
else()
    set(CPACK_PLANLINES_QML_DIR /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/qt6/qml)
endif()
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/qmldepends.cmake)

include(CPack)
