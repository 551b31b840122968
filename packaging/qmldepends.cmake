# Run by cpack (CPACK_PROJECT_CONFIG_FILE) just before it builds the .deb.
# The QML module is compiled into the binary, but the Qt modules it imports (QtQuick.Controls,
# QtCharts, …) are loaded at run time from Qt's QML directory, where dpkg-shlibdeps cannot see
# them. Each `import X.Y` in qml/*.qml is resolved to the Debian package that owns
# <qml dir>/X/Y/qmldir and added to Depends, so a new import cannot be forgotten here.
if(NOT CPACK_GENERATOR STREQUAL "DEB" OR NOT CPACK_PLANLINES_GUI)
    return()
endif()

cmake_policy(SET CMP0057 NEW)   # if(IN_LIST); cpack runs this file without a project policy
find_program(_pl_dpkg dpkg)
file(GLOB_RECURSE _pl_qml_files "${CPACK_PLANLINES_SOURCE_DIR}/qml/*.qml")
set(_pl_found "")
foreach(_pl_file IN LISTS _pl_qml_files)
    file(STRINGS "${_pl_file}" _pl_imports REGEX "^[ \t]*import[ \t]+[A-Za-z]")
    foreach(_pl_line IN LISTS _pl_imports)
        string(REGEX REPLACE "^[ \t]*import[ \t]+([A-Za-z0-9_.]+).*" "\\1" _pl_uri "${_pl_line}")
        string(REPLACE "." "/" _pl_dir "${_pl_uri}")
        set(_pl_qmldir "${CPACK_PLANLINES_QML_DIR}/${_pl_dir}/qmldir")
        if(NOT EXISTS "${_pl_qmldir}" OR NOT _pl_dpkg)
            continue()          # our own module (compiled in), or not a Debian system
        endif()
        execute_process(COMMAND ${_pl_dpkg} -S "${_pl_qmldir}"
                        OUTPUT_VARIABLE _pl_owner ERROR_QUIET RESULT_VARIABLE _pl_rc)
        if(_pl_rc EQUAL 0)
            string(REGEX REPLACE "^([^:,]+).*" "\\1" _pl_pkg "${_pl_owner}")
            string(STRIP "${_pl_pkg}" _pl_pkg)
            list(APPEND _pl_found "${_pl_pkg}")
        else()
            message(WARNING "qmldepends: no Debian package owns ${_pl_qmldir} "
                            "(import ${_pl_uri} in ${_pl_file})")
        endif()
    endforeach()
endforeach()

string(REPLACE ", " ";" _pl_depends "${CPACK_DEBIAN_PACKAGE_DEPENDS}")
set(_pl_added "")
list(REMOVE_DUPLICATES _pl_found)
foreach(_pl_pkg IN LISTS _pl_found)
    if(NOT _pl_pkg IN_LIST _pl_depends)
        list(APPEND _pl_depends "${_pl_pkg}")
        list(APPEND _pl_added "${_pl_pkg}")
    endif()
endforeach()
if(_pl_added)
    list(JOIN _pl_added ", " _pl_added)
    message(STATUS "qmldepends: QML imports add ${_pl_added}")
endif()
list(JOIN _pl_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
