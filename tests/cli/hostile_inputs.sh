#!/usr/bin/env bash
# Every hostile input from issue 10 against every command that reads it. Each case must end with
# exit 1 or 2 (a clear refusal), never a signal, a hang or a runaway: the test fails on a signal, on
# the hang guard (HANG_GUARD seconds, generous so a busy machine passes), or on a peak resident size
# over MEMORY_LIMIT_MIB (500; 0 turns the check off, as under a sanitizer). It prints a table (exit
# code, seconds, peak MiB, the first line of the message) that the issue's closing note quotes.
#   hostile_inputs.sh NPSIM_CLI SCENARIO_DIR
set -u
cli=$1 scenarios=$2
guard=${HANG_GUARD:-60}
limit_kib=$((${MEMORY_LIMIT_MIB:-500} * 1024))  # 0: not checked (a sanitizer's shadow memory counts too)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# A copy of the full journey with one edit made by Python (json module: the input stays valid JSON
# except where the case says otherwise).
variant() {  # variant OUT PYTHON-STATEMENTS (on the dict `d`)
    python3 - "$scenarios/full-journey.json" "$1" "$2" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(d, indent=1))
EOF
}

# run_case NAME EXPECTED-TEXT COMMAND…: exit 1 or 2, no signal, no hang, bounded memory, the text shown.
# With ALLOW_OK=1 (a valid file at the limit) exit 0 is fine too.
run_case() {
    local name=$1 expect=$2
    shift 2
    local out=$work/out.txt stats=$work/time.txt
    timeout -s KILL "$guard" /usr/bin/time -o "$stats" -f '%e %M' "$@" >"$out" 2>&1 </dev/null
    local rc=$?
    local secs kib
    read -r secs kib < <(tail -n 1 "$stats" 2>/dev/null || echo "? 0")
    # /usr/bin/time reports "Command terminated by signal N" / "exited with non-zero status" first.
    grep -q 'terminated by signal' "$stats" 2>/dev/null && rc=$((128 + $(sed -n 's/.*signal \([0-9]*\).*/\1/p' "$stats")))
    local first
    first=$(grep -v '^Command exited' "$out" | head -n 1 | cut -c1-150)
    printf '%-46s rc=%-3s %6ss %5s MiB  %s\n' "$name" "$rc" "$secs" "$((${kib:-0} / 1024))" "$first"
    local bad=""
    if [ "$rc" -ne 1 ] && [ "$rc" -ne 2 ] && ! { [ "${ALLOW_OK:-0}" = 1 ] && [ "$rc" -eq 0 ]; }; then
        bad="exit code $rc (want 1 or 2)"
    fi
    if [ "$limit_kib" -gt 0 ] && [ "${kib:-0}" -gt "$limit_kib" ]; then bad="$bad peak memory $((kib / 1024)) MiB"; fi
    if [ -n "$expect" ] && ! grep -qF -- "$expect" "$out"; then bad="$bad message lacks \"$expect\""; fi
    if [ -n "$bad" ]; then
        echo "  FAIL: $bad"
        sed 's/^/  | /' "$out" | head -n 5
        failures=$((failures + 1))
    fi
}

# --- the files ----------------------------------------------------------------------------------
good=$work/good.json
cp "$scenarios/full-journey.json" "$good"
"$cli" run "$good" --solution --session "$work/good.npsim.json" >/dev/null 2>&1 || { echo "FAIL: no good session"; exit 1; }

variant "$work/huge-seed.json" 'pass'
sed -i 's/"seed": [0-9]*/"seed": 1e400/' "$work/huge-seed.json"
variant "$work/negative-huge.json" 'pass'
sed -i 's/"estimated_minutes": [0-9]*/"estimated_minutes": -1e400/' "$work/negative-huge.json"
sed 's/"seed": \([0-9]*\)/"seed": 1e400/' "$work/good.npsim.json" >"$work/huge.npsim.json"
grep -q '1e400' "$work/huge.npsim.json" || { echo "FAIL: could not poison the session"; exit 1; }
variant "$work/dup-seed.json" 'pass'
sed -i '0,/"seed": \([0-9]*\),/s//"seed": \1,\n "seed": 7,/' "$work/dup-seed.json"
deep=$(python3 -c 'print("[" * 100000 + "]" * 100000)')
variant "$work/deep-solution.json" 'd["solution"][0]["action"]["deep"] = "DEEP"'
python3 - "$work/deep-solution.json" <<'EOF'
import sys
p = sys.argv[1]
s = open(p).read().replace('"DEEP"', "[" * 100000 + "]" * 100000, 1)
open(p, "w").write(s)
EOF
printf '{"t": 0, "action": {"type": "instructor.note", "text": %s}}\n' "$deep" >"$work/deep.actions.jsonl"
python3 - "$work/good.npsim.json" "$work/deep.npsim.json" <<'EOF'
import sys
s = open(sys.argv[1]).read()
s = s.replace('"npsim_bundle"', '"deep": ' + "[" * 100000 + "]" * 100000 + ',\n "npsim_bundle"', 1)
open(sys.argv[2], "w").write(s)
EOF
variant "$work/far-date.json" 'd["start_date"] = "9999-12-31"'
variant "$work/long-latency.json" 'd["faults"] = [{"id": "slow", "operation": "users.add", "latency": "10000000d"}]'
printf '{"t": 0, "action": {"type": "instructor.skip_time", "by": "10000000d"}}\n' >"$work/skip.actions.jsonl"
mkfifo "$work/fifo.json"
mkdir "$work/folder.json"
truncate -s 1G "$work/gigabyte.json"  # sparse: no disk used
python3 - "$work/big.json" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"schema_version": 1, "id": "big", "padding": "' + "x" * (50 * 1024 * 1024) + '"}')
EOF
python3 - "$work/big.npsim.json" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"npsim_bundle": 2, "padding": "' + "x" * (100 * 1024 * 1024) + '"}')
EOF
# At the limits: the largest file of each kind, made of the smallest JSON values (the most memory
# per byte) or of real actions (the most work per byte).
python3 - "$work" "$cli" "$scenarios/full-journey.json" <<'EOF'
import json, subprocess, sys
work, cli, scenario = sys.argv[1:4]
MiB = 1024 * 1024
def fill(path, head, item, tail, limit):
    n = (limit - len(head) - len(tail)) // (len(item) + 1)
    open(path, "w").write(head + ",".join([item] * n) + tail)
fill(work + "/tiny-objects.json", '{"schema_version": 1, "x": [', '{"a":1}', "]}", 4 * MiB)
fill(work + "/tiny-objects.npsim.json", '{"npsim_bundle": 2, "x": [', '{"a":1}', "]}", 12 * MiB)
note = '{"t": 0, "action": {"type": "instructor.note", "text": "x"}}\n'
open(work + "/notes.actions.jsonl", "w").write(note * ((4 * MiB) // len(note)))
subprocess.run([cli, "run", scenario, "--solution", "--journal", work + "/one.jsonl"], stdout=subprocess.DEVNULL, check=False)
lines = [json.loads(l) for l in open(work + "/one.jsonl", encoding="utf-8")]
out, offset, size = [], 0, 0
while size < 8 * MiB - 8192:
    for entry in lines:
        entry = dict(entry, t=entry["t"] + offset)
        text = json.dumps(entry, separators=(",", ":"), ensure_ascii=False)
        out.append(text)
        size += len(text.encode()) + 1
    offset = json.loads(out[-1])["t"]
open(work + "/long.journal.jsonl", "w", encoding="utf-8").write("\n".join(out) + "\n")
EOF
mkdir "$work/report"
cp "$work/good.npsim.json" "$work/report/a.npsim.json"
cp "$work/huge.npsim.json" "$work/report/b.npsim.json"
cp "$work/deep.npsim.json" "$work/report/c.npsim.json"

# --- the cases ----------------------------------------------------------------------------------
printf '%-46s %-6s %7s %9s  %s\n' "case" "exit" "time" "memory" "message"
run_case "check: seed 1e400" "outside the range" "$cli" check "$work/huge-seed.json"
run_case "run: seed 1e400" "outside the range" "$cli" run "$work/huge-seed.json" --solution
run_case "check: -1e400" "outside the range" "$cli" check "$work/negative-huge.json"
run_case "replay: session with 1e400" "outside the range" "$cli" replay "$work/huge.npsim.json"
run_case "debrief: session with 1e400" "outside the range" "$cli" debrief "$work/huge.npsim.json" --html "$work/d.html"
run_case "snapshot: session with 1e400" "outside the range" "$cli" snapshot "$work/huge.npsim.json" --at-action 1 -o "$work/s.json"
run_case "report: folder with bad sessions" "2 could not be read" "$cli" report "$work/report" --out "$work/r.html"
run_case "check: duplicate \"seed\"" "duplicate key \"seed\"" "$cli" check "$work/dup-seed.json"
run_case "check: 100000 levels in the solution" "nested deeper than" "$cli" check "$work/deep-solution.json"
run_case "run: 100000 levels in an actions file" "nested deeper than" "$cli" run "$good" --actions "$work/deep.actions.jsonl"
run_case "replay: 100000 levels in a session" "nested deeper than" "$cli" replay "$work/deep.npsim.json"
run_case "check: start_date 9999-12-31" "start_date" "$cli" check "$work/far-date.json"
run_case "run: start_date 9999-12-31" "start_date" "$cli" run "$work/far-date.json" --solution
run_case "check: fault latency 10000000d" "10000000d" "$cli" check "$work/long-latency.json"
run_case "run: instructor.skip_time 10000000d" "skip.actions.jsonl:1: /action/by: \"10000000d\" is too long" "$cli" run "$good" --actions "$work/skip.actions.jsonl"
run_case "check: a FIFO" "pipe (FIFO)" "$cli" check "$work/fifo.json"
run_case "run: a FIFO" "pipe (FIFO)" "$cli" run "$work/fifo.json" --solution
run_case "replay: a FIFO" "pipe (FIFO)" "$cli" replay "$work/fifo.json"
run_case "run --actions: a FIFO" "pipe (FIFO)" "$cli" run "$good" --actions "$work/fifo.json"
run_case "check: /dev/zero" "character device" "$cli" check /dev/zero
run_case "replay: /dev/zero" "character device" "$cli" replay /dev/zero
run_case "check: a 1 GiB file" "larger than" "$cli" check "$work/gigabyte.json"
run_case "replay: a 1 GiB file" "larger than" "$cli" replay "$work/gigabyte.json"
run_case "check: a folder" "is a folder" "$cli" check "$work/folder.json"
run_case "run: a folder" "is a folder" "$cli" run "$work/folder.json" --solution
run_case "replay: a folder" "is a folder" "$cli" replay "$work/folder.json"
run_case "check: a path through a file" "Not a directory" "$cli" check "$good/x.json"
run_case "check: a missing file" "No such file or directory" "$cli" check "$work/missing.json"
run_case "check: a 50 MiB scenario" "larger than" "$cli" check "$work/big.json"
run_case "replay: a 100 MiB session" "larger than" "$cli" replay "$work/big.npsim.json"

run_case "check: 4 MiB of tiny objects" "" "$cli" check "$work/tiny-objects.json"
run_case "replay: 12 MiB of tiny objects" "" "$cli" replay "$work/tiny-objects.npsim.json"
ALLOW_OK=1 run_case "run: 4 MiB of actions (valid)" "68759 ok" "$cli" run "$good" --actions "$work/notes.actions.jsonl"
run_case "replay: an 8 MiB journal" "reproduced" "$cli" replay "$good" "$work/long.journal.jsonl"

if [ "$failures" -ne 0 ]; then
    echo "FAIL: $failures hostile case(s) not refused cleanly"
    exit 1
fi
echo "all hostile cases refused cleanly"
