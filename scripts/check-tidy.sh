#!/usr/bin/env bash
# scripts/check-tidy.sh — clang-tidy 14 with the short check list in .clang-tidy over sim/, app/ and
# tools/ (tests are not checked). Exit 1 on any finding. Part of scripts/test.sh.
#
# Speed: clang-tidy spends most of its time parsing nlohmann/json, fmt and Dear ImGui, once per
# translation unit. So it reads the unity sources CMake writes (one per target, which include that
# target's .cpp files) from a configure-only tree, build/tidy, without GCC's precompiled headers
# (clang cannot read them). Findings in every included .cpp and header of ours are reported.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
if [ -z "$tidy" ]; then
    echo "check-tidy: clang-tidy is not installed (bash scripts/install-deps.sh installs it)" >&2
    exit 1
fi
mkdir -p build
cmake -S . -B build/tidy -DNPSIM_PCH=OFF -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=0 \
    -DBUILD_TESTING=OFF -DNPSIM_BUILD_BENCH=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >build/tidy.configure.log 2>&1 ||
    { cat build/tidy.configure.log; exit 1; }
mapfile -t units < <(python3 - "$root/build/tidy/compile_commands.json" <<'PY'
import json, sys
for e in json.load(open(sys.argv[1])):
    print(e["file"])
PY
)
echo "check-tidy: ${#units[@]} translation units (unity sources of sim/, app/, tools/)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
printf '%s\n' "${units[@]}" |
    xargs -P 2 -I{} "$tidy" -p build/tidy --quiet "-header-filter=^$root/(sim|app|tools)/" {} >"$log" 2>&1 || status=$?
grep -E "(warning|error):" "$log" | sort -u || true
if [ $status -ne 0 ] || grep -qE "(warning|error):" "$log"; then
    echo "check-tidy: findings above (checks and options: .clang-tidy)" >&2
    exit 1
fi
echo "check-tidy: no findings"
