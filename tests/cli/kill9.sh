#!/usr/bin/env bash
# kill -9 at a random moment, then resume: the session file is always loadable and the resumed run
# ends exactly where an uninterrupted one does (same journal and state hash).
#   kill9.sh NPSIM_CLI SCENARIO_DIR DATA_DIR [ITERATIONS]
# Even iterations play an action script (instructor faults, observations, typed passwords) on the full
# journey; odd ones the chaos workshop's reference solution (seeded random faults).
set -u
cli=$1 scenarios=$2 data=$3 iterations=${4:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
field() { sed -n "s/^ \"$2\": \"\\(.*\\)\",\$/\\1/p" "$1"; }  # one top-level text field of a session file
count_actions() { sed -n '/^ "actions": \[/,/^ \]/p' "$1" | grep -c '^  {"action"'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

mode_args() {  # the run of iteration $1
    if [ $(( $1 % 2 )) -eq 0 ]; then
        echo "$scenarios/full-journey.json --actions $data/journey-with-instructor.actions.jsonl"
    else
        echo "$scenarios/chaos-workshop.json --solution"
    fi
}

# Uninterrupted reference runs, timed with the same pace so the kills land inside the run.
declare -a ref_hash ref_ms
for m in 0 1; do
    start=$(now_ms)
    # shellcheck disable=SC2046
    "$cli" run $(mode_args $m) --session "$work/ref$m.json" --pace-ms 5 >/dev/null 2>&1 || fail "reference run $m failed"
    ref_ms[$m]=$(( $(now_ms) - start ))
    ref_hash[$m]="$(field "$work/ref$m.json" journal_hash) $(field "$work/ref$m.json" state_hash)"
    [ -n "$(field "$work/ref$m.json" state_hash)" ] || fail "reference session $m has no hashes"
    "$cli" replay "$work/ref$m.json" >/dev/null || fail "reference session $m does not replay"
done

killed=0 absent=0 finished=0
for i in $(seq 1 "$iterations"); do
    m=$(( i % 2 ))
    s=$work/s$i.npsim.json
    # shellcheck disable=SC2046
    "$cli" run $(mode_args $m) --session "$s" --pace-ms 5 >/dev/null 2>&1 &
    pid=$!
    delay=$(( RANDOM % (ref_ms[$m] + 10) ))
    sleep "$(printf '%d.%03d' $(( delay / 1000 )) $(( delay % 1000 )))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    rc=$?
    if [ -e "$s" ]; then
        n=$(count_actions "$s")
        "$cli" replay "$s" >"$work/replay.txt" 2>&1 || { cat "$work/replay.txt"; fail "iteration $i: the session left by kill -9 after ${delay} ms does not replay"; }
    else
        n=0
        absent=$((absent + 1))
    fi
    if [ "$rc" -eq 137 ]; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
    # shellcheck disable=SC2046
    "$cli" run $(mode_args $m) --session "$s" --resume >"$work/resume.txt" 2>&1 || { cat "$work/resume.txt"; fail "iteration $i: --resume after $n actions failed"; }
    got="$(field "$s" journal_hash) $(field "$s" state_hash)"
    [ "$got" = "${ref_hash[$m]}" ] || fail "iteration $i (mode $m, killed after ${delay} ms with $n actions saved): resumed run ends at $got, uninterrupted at ${ref_hash[$m]}"
    "$cli" replay "$s" >/dev/null || fail "iteration $i: the resumed session does not replay"
    if grep -q 'Kill9-Secret-Pw\|Kill9-Register-Pw' "$s"; then fail "iteration $i: a typed password reached the session file"; fi
    echo "iteration $i: mode $m, kill after ${delay} ms (exit $rc), $n actions saved, resumed to ${got}"
done
echo "kill9: $iterations runs, $killed killed mid-run, $finished finished before the kill, $absent before the first save; reference runs ${ref_ms[0]} ms and ${ref_ms[1]} ms"
[ "$killed" -gt 0 ] || fail "no run was killed mid-way; the timing is off"
