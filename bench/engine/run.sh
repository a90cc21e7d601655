#!/usr/bin/env bash
# Builds Release and prints the engine's figures: plan, apply, no-change re-plan and destroy of
# generated configurations (1,000 / 10,000 / 100,000 resources) with the real `formwork` binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build-util-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DFORMWORK_TESTS=ON \
      -DFORMWORK_BENCH=ON -DFORMWORK_EXCLUDE_MODULES= >/dev/null
ninja -C build-util-release formwork engine_bench >/dev/null
./build-util-release/bench/engine/engine_bench "$@"
