#!/usr/bin/env bash
# Installs what is missing, builds everything, runs every test (ctest), then builds the
# libFuzzer targets with clang and runs each for a short while. Safe to run twice.
#   FORMWORK_FUZZ_SECONDS=N   seconds per fuzz target (default 20; 0 skips fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh

jobs=$(nproc)
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"

# The official Node.js SDK packages for tests/sdk. The AOS (RFS) and CDM service packages are
# not on every npm registry: each goes to its own folder, and where one is missing its test
# says so and is skipped.
(cd tests/sdk && npm ci --no-audit --no-fund --loglevel=error)
for service in aos cdm; do
  dir="tests/sdk/optional/$service"
  [ -d "$dir/node_modules/@huaweicloud/huaweicloud-sdk-$service" ] && continue
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=silent "@huaweicloud/huaweicloud-sdk-$service@3.1.209" uuid@9.0.0 \
      >/dev/null 2>&1 ||
    echo "tests/sdk: @huaweicloud/huaweicloud-sdk-$service is not on this npm registry; its test is skipped"
done

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFORMWORK_EXCLUDE_MODULES= >/dev/null
ninja -C build -j"$jobs"
(cd build && ctest -j"$jobs" --output-on-failure --timeout 600)

fuzz_seconds="${FORMWORK_FUZZ_SECONDS:-20}"
if [ "$fuzz_seconds" -gt 0 ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFORMWORK_FUZZ=ON >/dev/null
  ninja -C build-fuzz -j"$jobs"
  failed=0
  while IFS= read -r target; do
    name=$(basename "$target")
    corpus_src="fuzz/$(basename "$(dirname "$target")")/corpus"
    [ -d "$corpus_src" ] || corpus_src=""
    work=$(mktemp -d)
    echo "fuzz: $name for ${fuzz_seconds}s"
    if ! "$target" -max_total_time="$fuzz_seconds" -rss_limit_mb=2048 -timeout=10 \
         -max_len=65536 -print_final_stats=0 "$work" ${corpus_src:+"$corpus_src"} \
         >"$work.log" 2>&1; then
      echo "fuzz: $name FAILED"; tail -40 "$work.log"; failed=1
    fi
    rm -rf "$work" "$work.log"
  done < <(find build-fuzz/fuzz -type f -executable -name '*_fuzz')
  [ "$failed" -eq 0 ] || exit 1
  echo "fuzz: every target ran ${fuzz_seconds}s without a failure"
fi
