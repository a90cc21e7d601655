#!/usr/bin/env bash
# Builds Release and prints the RFS stack figures (1,000-resource stack; 100 concurrent stacks).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DFORMWORK_TESTS=ON \
      -DFORMWORK_BENCH=ON -DFORMWORK_EXCLUDE_MODULES= >/dev/null
ninja -C build-release formwork rfs_bench >/dev/null
./build-release/bench/rfs/rfs_bench "$@"
