# Run by cpack (CPACK_PROJECT_CONFIG_FILE) just before it builds the .deb.
# The QML module is compiled into the binary, but the Qt modules it imports (QtQuick.Controls,
# QtCharts, …) are loaded at run time from Qt's QML directory, where dpkg-shlibdeps cannot see
# them. Each `import X.Y` in qml/*.qml is resolved to the Debian package that owns
# <qml dir>/X/Y/qmldir and added to Depends, so a new import cannot be forgotten here.
# Qt's own modules import further modules at run time: QtQuick.Dialogs' FileDialog, when no
# native dialog is used, is QML in QtQuick.Dialogs.quickimpl that imports
# Qt.labs.folderlistmodel (a package of its own; without it every file chooser crashed the
# window). So the modules are followed: the `import`/`depends` lines of each module's qmldir,
# the imports of the .qml files it lists, and its implementation modules (X.impl, X.quickimpl,
# which its C++ loads without an import), until no new module turns up.
# tests/packaging/debdependstest.cpp checks the result against a list kept by hand.
if(NOT CPACK_GENERATOR STREQUAL "DEB" OR NOT CPACK_PLANLINES_GUI)
    return()
endif()

cmake_policy(SET CMP0057 NEW)   # if(IN_LIST); cpack runs this file without a project policy
find_program(_pl_dpkg dpkg)

# The module URIs a .qml file imports (quoted directory imports are not modules).
function(_pl_qml_imports file out)
    file(STRINGS "${file}" _lines REGEX "^[ \t]*import[ \t]+[A-Za-z]")
    set(_uris "")
    foreach(_line IN LISTS _lines)
        string(REGEX REPLACE "^[ \t]*import[ \t]+([A-Za-z0-9_.]+).*" "\\1" _uri "${_line}")
        list(APPEND _uris "${_uri}")
    endforeach()
    set(${out} "${_uris}" PARENT_SCOPE)
endfunction()

# _pl_queue: URIs still to visit; _pl_seen_<uri>: queued once; _pl_from_<uri>: who imports it
# (for the messages);
# _pl_optional_<uri>: only imported as `optional import` (a style that may be absent).
set(_pl_queue "")
file(GLOB_RECURSE _pl_qml_files "${CPACK_PLANLINES_SOURCE_DIR}/qml/*.qml")
foreach(_pl_file IN LISTS _pl_qml_files)
    _pl_qml_imports("${_pl_file}" _pl_uris)
    foreach(_pl_uri IN LISTS _pl_uris)
        if(NOT _pl_seen_${_pl_uri})
            set(_pl_seen_${_pl_uri} TRUE)
            set(_pl_from_${_pl_uri} "${_pl_file}")
            list(APPEND _pl_queue "${_pl_uri}")
        endif()
    endforeach()
endforeach()

set(_pl_qmldirs "")
while(_pl_queue)
    list(POP_FRONT _pl_queue _pl_uri)
    string(REPLACE "." "/" _pl_dir "${_pl_uri}")
    set(_pl_dir "${CPACK_PLANLINES_QML_DIR}/${_pl_dir}")
    if(NOT EXISTS "${_pl_dir}/qmldir")
        # Our own module (compiled in), a style Qt does not ship here, a module registered from
        # C++ by another (QtQml.Models by QtQml), or QtQuick.Shapes, which only the Basic style's
        # SelectionRectangle imports (a TableView's, not used here): nothing to depend on. A
        # module Qt's QML needs but this machine lacks is said, so that the package is not made
        # without it.
        if(NOT _pl_uri MATCHES "^(PlanLines|QtQml\\.Models|QtQuick\\.Shapes)$"
           AND NOT _pl_optional_${_pl_uri})
            message(WARNING "qmldepends: ${_pl_uri} (imported by ${_pl_from_${_pl_uri}}) is not "
                            "installed in ${CPACK_PLANLINES_QML_DIR}: the package cannot depend "
                            "on it")
        endif()
        continue()
    endif()
    list(APPEND _pl_qmldirs "${_pl_dir}/qmldir")
    # The modules this one pulls in, and the .qml files it is made of (the +Style variants too).
    file(STRINGS "${_pl_dir}/qmldir" _pl_lines)
    set(_pl_next "")
    set(_pl_next_optional "")
    foreach(_pl_line IN LISTS _pl_lines)
        if(_pl_line MATCHES "^optional[ \t]+import[ \t]+([A-Za-z0-9_.]+)")
            list(APPEND _pl_next_optional "${CMAKE_MATCH_1}")
        elseif(_pl_line MATCHES "^(import|depends)[ \t]+([A-Za-z0-9_.]+)")
            list(APPEND _pl_next "${CMAKE_MATCH_2}")
        elseif(_pl_line MATCHES "^(singleton[ \t]+|internal[ \t]+)?[A-Za-z_][A-Za-z0-9_]*[ \t]+([0-9.]+[ \t]+)?([^ \t]+\\.qml)$")
            if(EXISTS "${_pl_dir}/${CMAKE_MATCH_3}")
                set(_pl_component "${_pl_dir}/${CMAKE_MATCH_3}")
                _pl_qml_imports("${_pl_component}" _pl_uris)
                foreach(_pl_next_uri IN LISTS _pl_uris)
                    list(APPEND _pl_next "${_pl_next_uri}")
                    if(NOT DEFINED _pl_from_${_pl_next_uri})
                        set(_pl_from_${_pl_next_uri} "${_pl_component}")
                    endif()
                endforeach()
            endif()
        endif()
    endforeach()
    foreach(_pl_impl IN ITEMS impl quickimpl)
        if(EXISTS "${_pl_dir}/${_pl_impl}/qmldir")
            list(APPEND _pl_next "${_pl_uri}.${_pl_impl}")
        endif()
    endforeach()
    foreach(_pl_next_uri IN LISTS _pl_next _pl_next_optional)
        if(_pl_seen_${_pl_next_uri})
            continue()
        endif()
        set(_pl_seen_${_pl_next_uri} TRUE)
        if(NOT DEFINED _pl_from_${_pl_next_uri})
            set(_pl_from_${_pl_next_uri} "${_pl_uri}")
        endif()
        if(NOT _pl_next_uri IN_LIST _pl_next)
            set(_pl_optional_${_pl_next_uri} TRUE)
        endif()
        list(APPEND _pl_queue "${_pl_next_uri}")
    endforeach()
endwhile()

# One dpkg call for all: "package:arch: path" per line.
set(_pl_found "")
if(_pl_dpkg AND _pl_qmldirs)
    execute_process(COMMAND ${_pl_dpkg} -S ${_pl_qmldirs}
                    OUTPUT_VARIABLE _pl_owners ERROR_VARIABLE _pl_errors)
    string(REPLACE "\n" ";" _pl_owners "${_pl_owners}")
    foreach(_pl_owner IN LISTS _pl_owners)
        if(_pl_owner MATCHES "^([^:, ]+)[^/]*: (/.*)$")
            list(APPEND _pl_found "${CMAKE_MATCH_1}")
            list(REMOVE_ITEM _pl_qmldirs "${CMAKE_MATCH_2}")
        endif()
    endforeach()
    foreach(_pl_qmldir IN LISTS _pl_qmldirs)
        message(WARNING "qmldepends: no Debian package owns ${_pl_qmldir}")
    endforeach()
endif()

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
