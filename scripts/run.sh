#!/usr/bin/env bash
# Installs what is missing, builds a Release `formwork`, and runs `formwork serve` on the
# embedded store (./formwork-data unless --data-dir or FORMWORK_DATA_DIR says otherwise).
# Extra arguments go to `formwork serve` (e.g. --listen 127.0.0.1:0).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DFORMWORK_TESTS=OFF -DFORMWORK_BENCH=OFF -DFORMWORK_EXCLUDE_MODULES= >/dev/null
ninja -C build-release formwork
exec ./build-release/formwork serve "$@"
