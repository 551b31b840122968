#!/usr/bin/env bash
# Installs the Debian 12 packages PlanLines needs to build, test and run.
# Idempotent and quiet when everything is already present.
#   packaging/install-deps.sh          build + test + run dependencies
#   packaging/install-deps.sh --bench  also the peer tools the benchmarks compare against
#   packaging/install-deps.sh --fuzz   also clang and libFuzzer (`make fuzz`), ogr2ogr for seeds
set -euo pipefail

pkgs=(
  # toolchain
  build-essential cmake ninja-build pkg-config
  # LLVM's linker: links the test executables several times faster than GNU ld
  lld
  # Qt 6 (QML, Quick Controls, tests, translations, SVG)
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev qt6-charts-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtquick-dialogs qml6-module-qtqml qml6-module-qttest qml6-module-qtcharts
  # the non-native FileDialog of Qt Quick Dialogs imports Qt.labs.folderlistmodel: without it
  # every file chooser crashed the window
  qml6-module-qt-labs-folderlistmodel
  qt6-qpa-plugins libgl-dev
  # GIS stack
  libgdal-dev gdal-data libgeos-dev libproj-dev proj-data proj-bin
  libsqlite3-dev libspatialite-dev libsqlite3-mod-spatialite sqlite3
  # check records are stored zstd-compressed
  libzstd-dev
  # the PostGIS engine (libpq) and the throwaway cluster `make test` runs its tests against
  # (tests/pgcluster/pgcluster.sh: initdb, pg_ctl, psql, CREATE EXTENSION postgis)
  libpq-dev postgresql-15 postgresql-15-postgis-3
  # the attribute table's XLSX export; unzip reads the XLSX back in its tests
  libxlsxwriter-dev unzip
  # fonts and tools the tests use
  fonts-noto-cjk poppler-utils xvfb xauth
)
if [[ "${1:-}" == "--bench" ]]; then
  pkgs+=(gdal-bin spatialite-bin qgis python3-qgis hyperfine)
fi
if [[ "${1:-}" == "--fuzz" ]]; then
  pkgs+=(clang libclang-rt-14-dev gdal-bin)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
SUDO=""
[[ $(id -u) -ne 0 ]] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
