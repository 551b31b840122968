# PlanLines: the two commands are `make run` and `make test`; both set up what is missing.
BUILD     ?= build
NOGUI     ?= build-nogui
FUZZ      ?= build-fuzz
FUZZ_SECONDS ?= 120
GENERATOR ?= Ninja
CMAKE_ARGS ?=

.PHONY: all deps configure build test run package bench nogui fuzz format clean

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
	    -DPLANLINES_SAMPLE_PARCELS=5000
	cmake --build $(NOGUI) --target planlines planlines_layers planlines_geodata

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
	rm -rf $(BUILD) $(NOGUI) $(FUZZ)
