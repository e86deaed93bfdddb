#!/usr/bin/env bash
# scripts/test.sh — install what is missing, build and run the whole test suite:
#   1. the "ci" workflow: configure, build, ctest (sim, ui, cli, scenario and GUI-smoke tests);
#   2. the "asan" workflow: the sim tests under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. the fuzz targets, briefly, when clang's libFuzzer is available.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
echo "== ci: build and run all tests"
cmake --workflow --preset ci
echo "== asan: sim tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --workflow --preset asan
if [ -x scripts/fuzz.sh ]; then
  echo "== fuzz: scenario loader and action JSON"
  bash scripts/fuzz.sh
fi
echo "== all tests passed"
