#!/usr/bin/env bash
# Records a scenario's reference solution to a session file, then replays it: exit 0 only when the
# replay matches the recording (every journal entry, both hashes).
#   record_and_replay.sh NPSIM_CLI SCENARIO.json
set -u
cli=$1 scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
session=$work/session.npsim.json
"$cli" run "$scenario" --solution --session "$session" >"$work/run.txt" 2>&1
run_rc=$?
if [ ! -s "$session" ]; then
    cat "$work/run.txt"
    echo "FAIL: no session file written (run exit $run_rc)"
    exit 1
fi
"$cli" replay "$session"
