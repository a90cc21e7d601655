#!/usr/bin/env bash
# Builds Release and prints GET-cluster-detail throughput next to nginx on the same machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/deps.sh --bench
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DFORMWORK_TESTS=ON \
      -DFORMWORK_BENCH=ON -DFORMWORK_EXCLUDE_MODULES= >/dev/null
ninja -C build-release formwork cdm_bench >/dev/null
./build-release/bench/cdm/cdm_bench "$@"
