#!/usr/bin/env bash
# kill -9 in the middle of a run, then resume: the session file is always loadable and the resumed run
# ends exactly where an uninterrupted one does (same journal and state hash).
#   kill9.sh NPSIM_CLI SCENARIO_DIR DATA_DIR [ITERATIONS]
# Even iterations play an action script (instructor faults, observations, typed passwords) on the full
# journey; odd ones the chaos workshop's reference solution (seeded random faults).
#
# No wall-clock timing: the kill point comes from the run's own progress. Each iteration picks N at
# random from 1 … (actions of the reference run − 1), starts the run with --hold-after-actions N (after
# its Nth saved action it waits until killed), polls the session file until it holds N actions and
# then kills. However slow the machine, the run cannot finish before the kill, so every iteration
# really interrupts a run, and the test asserts it (exit 137 every time).
set -u
cli=$1 scenarios=$2 data=$3 iterations=${4:-20}
work=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
field() { sed -n "s/^ \"$2\": \"\\(.*\\)\",\$/\\1/p" "$1"; }  # one top-level text field of a session file
count_actions() {  # actions saved in a session file (0 when there is none yet)
    if [ -e "$1" ]; then sed -n '/^ "actions": \[/,/^ \]/p' "$1" | grep -c '^  {"action"'; else echo 0; fi
}

mode_args() {  # the run of iteration $1
    if [ $(( $1 % 2 )) -eq 0 ]; then
        echo "$scenarios/full-journey.json --actions $data/journey-with-instructor.actions.jsonl"
    else
        echo "$scenarios/chaos-workshop.json --solution"
    fi
}

# Uninterrupted reference runs: their hashes, and how many actions a whole run saves.
declare -a ref_hash ref_actions
for m in 0 1; do
    # shellcheck disable=SC2046
    "$cli" run $(mode_args $m) --session "$work/ref$m.json" >"$work/ref$m.txt" 2>&1 || { cat "$work/ref$m.txt"; fail "reference run $m failed"; }
    ref_hash[$m]="$(field "$work/ref$m.json" journal_hash) $(field "$work/ref$m.json" state_hash)"
    ref_actions[$m]=$(count_actions "$work/ref$m.json")
    [ -n "$(field "$work/ref$m.json" state_hash)" ] || fail "reference session $m has no hashes"
    [ "${ref_actions[$m]}" -ge 2 ] || fail "reference session $m has ${ref_actions[$m]} actions: nothing to interrupt"
    "$cli" replay "$work/ref$m.json" >/dev/null || fail "reference session $m does not replay"
done

for i in $(seq 1 "$iterations"); do
    m=$(( i % 2 ))
    s=$work/s$i.npsim.json
    total=${ref_actions[$m]}
    target=$(( 1 + RANDOM % (total - 1) ))  # 1 … total-1: always inside the run
    # shellcheck disable=SC2046
    "$cli" run $(mode_args $m) --session "$s" --hold-after-actions "$target" >"$work/run$i.txt" 2>&1 &
    pid=$!
    # Wait for the run's own progress: N actions saved (the file is replaced atomically, so every read
    # sees a whole file). A run that ends on its own before that is a failure, not a skipped iteration.
    while [ "$(count_actions "$s")" -lt "$target" ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            wait "$pid"
            rc=$?
            pid=
            cat "$work/run$i.txt"
            fail "iteration $i: the run ended (exit $rc) before $target of $total actions were saved"
        fi
        sleep 0.01
    done
    kill -9 "$pid"
    wait "$pid" 2>/dev/null
    rc=$?
    pid=
    [ "$rc" -eq 137 ] || fail "iteration $i: the run was not killed by kill -9 (exit $rc, expected 137)"
    n=$(count_actions "$s")
    [ "$n" -eq "$target" ] || fail "iteration $i: $n actions saved after the kill, expected $target"
    "$cli" replay "$s" >"$work/replay.txt" 2>&1 || { cat "$work/replay.txt"; fail "iteration $i: the session left by kill -9 after $n actions does not replay"; }
    # shellcheck disable=SC2046
    "$cli" run $(mode_args $m) --session "$s" --resume >"$work/resume.txt" 2>&1 || { cat "$work/resume.txt"; fail "iteration $i: --resume after $n actions failed"; }
    grep -q "resumed after $n actions" "$work/resume.txt" || { cat "$work/resume.txt"; fail "iteration $i: the run did not resume after the $n saved actions"; }
    got="$(field "$s" journal_hash) $(field "$s" state_hash)"
    [ "$got" = "${ref_hash[$m]}" ] || fail "iteration $i (mode $m, killed with $n of $total actions saved): resumed run ends at $got, uninterrupted at ${ref_hash[$m]}"
    "$cli" replay "$s" >/dev/null || fail "iteration $i: the resumed session does not replay"
    if grep -q 'Kill9-Secret-Pw\|Kill9-Register-Pw' "$s"; then fail "iteration $i: a typed password reached the session file"; fi
    echo "iteration $i: mode $m, killed (exit 137) with $n of $total actions saved, resumed to ${got}"
done
echo "kill9: $iterations runs, every one killed mid-run and resumed to the uninterrupted hashes (reference runs ${ref_actions[0]} and ${ref_actions[1]} actions)"
