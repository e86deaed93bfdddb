#!/usr/bin/env bash
# scripts/fuzz.sh — build the libFuzzer targets with clang and run each briefly.
#   FUZZ_SECONDS=300 bash scripts/fuzz.sh     for a longer session
# The seed corpus comes from scenarios/, tests/data/ and a recorded session of every shipped scenario;
# tests/fuzz/json.dict adds huge numbers, deep brackets, far dates and long durations. New inputs stay
# in build/fuzz/corpus-*.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-20}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_scenario fuzz_action fuzz_session fuzz_session_structured npsim-cli
mkdir -p build/fuzz/corpus-scenario build/fuzz/corpus-action build/fuzz/corpus-session build/fuzz/corpus-session_structured
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
# The recorded action scripts of the session tests are actions too.
cp -f tests/data/sessions/*.jsonl build/fuzz/corpus-action/
cp -f build/fuzz/corpus-session/*.npsim.json build/fuzz/corpus-session_structured/ 2>/dev/null || true
# Per target: the longest input it may build (a session of the full journey is about 15 KB).
declare -A MAX_LEN=([fuzz_scenario]=65536 [fuzz_action]=8192 [fuzz_session]=65536 [fuzz_session_structured]=131072)
for target in fuzz_scenario fuzz_action fuzz_session fuzz_session_structured; do
  corpus="build/fuzz/corpus-${target#fuzz_}"
  echo "== $target for ${SECONDS_EACH}s"
  log="build/fuzz/$target.log"
  status=0
  # -timeout: an input that runs over 10 s is a hang (a far date or a long duration), and a failure.
  ./build/fuzz/tests/fuzz/$target -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -dict=tests/fuzz/json.dict -max_len="${MAX_LEN[$target]}" -artifact_prefix=build/fuzz/ "$corpus" >"$log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::new_units_added|Done)" "$log" || true
  if [ "$status" -ne 0 ]; then
    echo "$target found a crash (exit $status); the input is in build/fuzz/, the log in $log:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
done
