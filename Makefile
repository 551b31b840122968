# PlanLines: the two commands are `make run` and `make test`; both set up what is missing.
BUILD     ?= build
NOGUI     ?= build-nogui
GENERATOR ?= Ninja
CMAKE_ARGS ?=

.PHONY: all deps configure build test run package bench nogui format clean

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

package: build
	cmake --build $(BUILD) --target package

bench: build
	cmake --build $(BUILD) --target bench

format:
	git ls-files '*.h' '*.cpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(NOGUI)
