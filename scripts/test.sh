#!/usr/bin/env bash
# scripts/test.sh — install what is missing, build and run the whole test suite:
#   0. the format check: every tracked *.cpp/*.hpp matches .clang-format (scripts/check-format.sh),
#      and clang-tidy with the list in .clang-tidy over sim/, app/ and tools/ (scripts/check-tidy.sh);
#   1. the "ci" workflow: configure, build, ctest (sim, ui, cli, scenario and GUI-smoke tests);
#   2. the JSON Schema check of every scenario (ajv) and the broken examples;
#   3. the "sanitize" workflow: one clang build with AddressSanitizer + UndefinedBehaviorSanitizer (the
#      "fuzz" preset) builds the sim tests and the libFuzzer targets together and runs the sim tests;
#   4. the four libFuzzer targets, briefly, on that same build (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each phase says how long it took, so a slow step shows in the CI log.
phase_start=$SECONDS
took() { echo "   (took $((SECONDS - phase_start)) s; $SECONDS s so far)"; phase_start=$SECONDS; }
bash scripts/install-deps.sh
took
echo "== format: clang-format check"
bash scripts/check-format.sh
took
echo "== tidy: clang-tidy (.clang-tidy: bugs, needless copies, functions of at most 120 lines)"
bash scripts/check-tidy.sh
took
echo "== ci: build and run all tests"
cmake --workflow --preset ci
took
echo "== schema: scenarios against scenarios/schema/scenario.schema.json (ajv)"
bash scripts/check-schema.sh
took
echo "== sanitize: sim tests under AddressSanitizer + UndefinedBehaviorSanitizer (clang, the fuzz build)"
cmake --workflow --preset sanitize
took
echo "== fuzz: scenario loader and action JSON"
bash scripts/fuzz.sh
took
echo "== all tests passed"
