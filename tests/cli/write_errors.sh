#!/usr/bin/env bash
# One case of a write that fails, as npsim-cli must report it: the message names the file and the OS
# reason; a run whose session file cannot be written exits 3 (after its summary); `--session` never
# replaces a file that is not a session of the same scenario; debrief, report and --journal exit 1.
# Writes are made to fail with a missing folder or a folder in the way of the temporary file, so the
# cases hold for root too (permissions do not stop root).
#   write_errors.sh NPSIM_CLI SCENARIO_DIR CASE
set -u
cli=$1 scenarios=$2 case=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$work/out.txt
fail() { echo "FAIL ($case): $*"; [ -f "$out" ] && cat "$out"; exit 1; }
journey=$scenarios/full-journey.json
seats=$scenarios/out-of-seats.json
s=$work/session.npsim.json

# Runs the rest of the line with stdout and stderr in $out; the exit code must be $1 (so a crash, 134
# or 139, never passes).
expect_exit() {
    local want=$1
    shift
    "$@" >"$out" 2>&1
    local rc=$?
    [ "$rc" -eq "$want" ] || fail "exit $rc, expected $want: $*"
}
says() { grep -qF -- "$1" "$out" || fail "the output does not say: $1"; }

case $case in
session_missing_folder)
    expect_exit 3 "$cli" run "$journey" --solution --session "$work/no/such/folder/s.npsim.json"
    says "$work/no/such/folder/s.npsim.json: cannot create the temporary file (No such file or directory)"
    says "session NOT saved: $work/no/such/folder/s.npsim.json"
    says "score          "  # the run itself went to the end and says how it went
    ;;
session_folder_in_the_way)
    mkdir "$s.tmp"
    expect_exit 3 "$cli" run "$journey" --actions "$(dirname "$0")/../data/sessions/journey-with-instructor.actions.jsonl" --session "$s" --json
    says "$s: cannot create the temporary file (Is a directory)"
    says '"write_failed": true'
    [ ! -e "$s" ] || fail "a session file appeared"
    ;;
session_other_scenario)
    expect_exit 0 "$cli" run "$journey" --solution --session "$s"
    cp "$s" "$work/before.json"
    expect_exit 1 "$cli" run "$seats" --solution --session "$s"
    says "$s: not replaced: it holds a session of another scenario (full-journey"
    says "Choose another --session file"
    cmp -s "$s" "$work/before.json" || fail "the session of the other scenario was changed"
    # The same scenario again: an earlier run of the same command is replaced, as a tester expects.
    expect_exit 0 "$cli" run "$journey" --solution --session "$s"
    ;;
session_not_a_session)
    cp "$journey" "$work/scenario.json"
    expect_exit 1 "$cli" run "$journey" --solution --session "$work/scenario.json"
    says "$work/scenario.json: not replaced: it is not a session file (/: this is a scenario file"
    cmp -s "$journey" "$work/scenario.json" || fail "the scenario file was overwritten"
    mkdir "$work/folder.json"
    expect_exit 1 "$cli" run "$journey" --solution --session "$work/folder.json"
    says "$work/folder.json: not replaced: it is not a session file (this is a folder)"
    ;;
journal)
    expect_exit 1 "$cli" run "$journey" --solution --journal "$work/no/such/folder/j.jsonl"
    says "$work/no/such/folder/j.jsonl: cannot create the temporary file (No such file or directory)"
    ;;
bundle)
    mkdir "$work/b.json.tmp"
    expect_exit 1 "$cli" run "$journey" --solution --bundle "$work/b.json"
    says "$work/b.json: cannot create the temporary file (Is a directory)"
    ;;
debrief)
    expect_exit 0 "$cli" run "$journey" --solution --session "$s"
    expect_exit 1 "$cli" debrief "$s" --html "$work/no/such/folder/d.html"
    says "$work/no/such/folder/d.html: cannot create the temporary file (No such file or directory)"
    mkdir "$work/d.json.tmp"
    expect_exit 1 "$cli" debrief "$s" --json "$work/d.json"
    says "$work/d.json: cannot create the temporary file (Is a directory)"
    ;;
report)
    mkdir "$work/sessions"
    expect_exit 0 "$cli" run "$journey" --solution --session "$work/sessions/anna.json"
    expect_exit 1 "$cli" report "$work/sessions" --out "$work/no/such/folder/r.html"
    says "$work/no/such/folder/r.html: cannot create the temporary file (No such file or directory)"
    mkdir "$work/r.json.tmp"
    expect_exit 1 "$cli" report "$work/sessions" --out "$work/r.html" --json "$work/r.json"
    says "$work/r.json: cannot create the temporary file (Is a directory)"
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "ok: $case"
