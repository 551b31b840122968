# cmake -DCONFIG=<build>/CPackConfig.cmake -P printdepends.cmake: prints the .deb's Depends as
# cpack computes them (the CPack configuration, then its project config file, qmldepends.cmake),
# without building the package. Read by debdependstest.
include("${CONFIG}")
include("${CPACK_PROJECT_CONFIG_FILE}" NO_POLICY_SCOPE)
message(NOTICE "QML dir: ${CPACK_PLANLINES_QML_DIR}")
message(NOTICE "Depends: ${CPACK_DEBIAN_PACKAGE_DEPENDS}")
