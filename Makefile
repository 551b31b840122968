# PlanLines: the two commands are `make run` and `make test`; both set up what is missing.
BUILD     ?= build
NOGUI     ?= build-nogui
SANITIZE  ?= build-asan
FUZZ      ?= build-fuzz
FUZZ_SECONDS ?= 120
GENERATOR ?= Ninja
CMAKE_ARGS ?=
# Lets ccache (when CMAKE_ARGS makes it the compiler launcher) cache files built with the
# precompiled headers (cmake/precompile.cmake).
export CCACHE_SLOPPINESS ?= pch_defines,time_macros

.PHONY: all deps configure build test run package bench nogui sanitize fuzz format clean

all: build

deps:
	@packaging/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -G $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS)

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD)

# Every test, through CTest.
test: build
	ctest --test-dir $(BUILD) --output-on-failure --timeout 600 -j $(shell nproc)

# Opens the map window on the sample county.
run: build
	$(BUILD)/bin/planlines --db $(BUILD)/sample/gaoqing.sqlite

# Without the GUI: proves geodata, layers and the command line build without Qt Quick (the
# program and the libraries; the full test suite runs in `make test`).
nogui: deps
	cmake -S . -B $(NOGUI) -G $(GENERATOR) -DPLANLINES_GUI=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DPLANLINES_SAMPLE_PARCELS=5000 -DPLANLINES_PCH=OFF
	cmake --build $(NOGUI) --target planlines planlines_layers planlines_geodata

# Without the GUI, under AddressSanitizer (leaks included) and UndefinedBehaviorSanitizer: the
# libraries, the program and every test that needs no window (the unit tests of geodata and
# layers, the command-line suites that drive every reader and writer through the program, the
# fuzz regressions: target sanitize_tests), on a 5 000-parcel sample county, at -O1 without debug
# info (-g0: a finding still names the functions), all but the `slow`, the `postgis` and the
# `kill` tests (SIGKILL at many moments proves writes atomic, not memory safe; all run in `make
# test`). Any finding stops the test that made it, so it fails (CI runs this
# after `make test`). Also proves the layering as `nogui` does. SANITIZE_TESTS=cli narrows the
# run to the command-line suites.
SANITIZE_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SANITIZE_TARGETS ?= sanitize_tests
SANITIZE_TESTS ?= .
sanitize: deps
	cmake -S . -B $(SANITIZE) -G $(GENERATOR) -DPLANLINES_GUI=OFF -DCMAKE_BUILD_TYPE=Sanitize \
	    -DPLANLINES_SAMPLE_PARCELS=5000 -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -g0" \
	    -DCMAKE_CXX_FLAGS="$(SANITIZE_FLAGS)" -DCMAKE_EXE_LINKER_FLAGS="$(SANITIZE_FLAGS)" \
	    -DCMAKE_SHARED_LINKER_FLAGS="$(SANITIZE_FLAGS)" $(CMAKE_ARGS)
	cmake --build $(SANITIZE) --target $(SANITIZE_TARGETS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizer/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --test-dir $(SANITIZE) --output-on-failure --timeout 900 -L '$(SANITIZE_TESTS)' \
	    -LE 'slow|postgis|qml|kill' -j $(shell nproc)

# libFuzzer on every reader (tests/fuzz/): a separate clang build with ASan and UBSan, only the
# geodata library and the targets (-O1 and line tables only: half the compile time of -O2 -g); each target runs FUZZ_SECONDS from its seed corpus. Inputs
# that crash or take over 5 s land in $(FUZZ)/artifacts/ (commit them to
# tests/fuzz/regressions/<target>/ once fixed: `make test` replays them).
fuzz:
	@packaging/install-deps.sh --fuzz
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ) -G $(GENERATOR) -DCMAKE_BUILD_TYPE=Fuzz \
	    -DPLANLINES_GUI=OFF -DPLANLINES_FUZZ=ON -DPLANLINES_SAMPLE_PARCELS=1000 \
	    "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only -fsanitize=fuzzer-no-link,address,undefined \
	    -fno-sanitize-recover=undefined" \
	    $(CMAKE_ARGS)
	cmake --build $(FUZZ) --target fuzz_targets
	tests/fuzz/run.sh $(FUZZ) $(FUZZ_SECONDS)

package: build
	cmake --build $(BUILD) --target package

bench: build
	cmake --build $(BUILD) --target bench

format:
	git ls-files '*.h' '*.cpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(NOGUI) $(SANITIZE) $(FUZZ)
