#!/usr/bin/env bash
# scripts/fuzz.sh — build the libFuzzer targets with clang and run each briefly.
#   FUZZ_SECONDS=300 bash scripts/fuzz.sh     for a longer session
# The seed corpus comes from scenarios/ and tests/data/; new inputs stay in build/fuzz/corpus-*.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-20}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_scenario fuzz_action fuzz_session npsim-cli
mkdir -p build/fuzz/corpus-scenario build/fuzz/corpus-action build/fuzz/corpus-session
cp -f scenarios/*.json build/fuzz/corpus-scenario/ 2>/dev/null || true
find tests/data -name '*.json' -exec cp -f {} build/fuzz/corpus-scenario/ \;
# Action corpus: the actions of every shipped solution, one per file.
python3 - <<'PY' || true
import json, glob, os
out = "build/fuzz/corpus-action"
n = 0
for f in sorted(glob.glob("scenarios/*.json")):
    try:
        doc = json.load(open(f, encoding="utf-8"))
    except Exception:
        continue
    for step in doc.get("solution", []):
        if "action" in step:
            n += 1
            open(os.path.join(out, f"seed-{n:04d}.jsonl"), "w", encoding="utf-8").write(json.dumps(step["action"]) + "\n")
PY
# Session corpus: the reference solution of every shipped scenario, recorded as a session file.
for f in scenarios/*.json; do
  ./build/fuzz/tools/npsim-cli run "$f" --solution --session "build/fuzz/corpus-session/$(basename "$f" .json).npsim.json" >/dev/null 2>&1 || true
done
for target in fuzz_scenario fuzz_action fuzz_session; do
  corpus="build/fuzz/corpus-${target#fuzz_}"
  echo "== $target for ${SECONDS_EACH}s"
  log="build/fuzz/$target.log"
  status=0
  ./build/fuzz/tests/fuzz/$target -max_total_time="$SECONDS_EACH" -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix=build/fuzz/ "$corpus" >"$log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::new_units_added|Done)" "$log" || true
  if [ "$status" -ne 0 ]; then
    echo "$target found a crash (exit $status); the input is in build/fuzz/, the log in $log:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
done
