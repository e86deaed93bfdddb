#!/usr/bin/env bash
# Issue 10 through the command line: one verification (debrief and replay agree on edited journals),
# secrets by declaration (no secret in any output), terminal-safe text (no raw ESC from a title).
#   hardening.sh NPSIM_CLI SCENARIO_DIR DATA_DIR CASE
set -u
cli=$1 scenarios=$2 data=$3 case=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL ($case): $*"; [ -f "$work/out.txt" ] && cat "$work/out.txt"; exit 1; }
s=$work/session.npsim.json
journey=$scenarios/full-journey.json
esc=$(printf '\033')

case $case in
debrief_edited)
    "$cli" run "$journey" --actions "$data/journey-with-instructor.actions.jsonl" --session "$s" >/dev/null 2>&1 || fail "recording failed"
    "$cli" debrief "$s" --json "$work/d.json" >"$work/out.txt" 2>&1 || fail "the unedited session must debrief with exit 0"
    grep -q "reproduced     yes" "$work/out.txt" || fail "unedited: not reproduced"
    # Four edits of the journal: an ok result's code changed, an entry removed, one added, one re-timed.
    awk '/^ "journal": \[/{j=1} /^ \]/{j=0} j && !done && /"code":"ok"/ && /"kind":"result"/ {sub(/"code":"ok"/, "\"code\":\"portal.not_approved\""); done=1} {print}' "$s" >"$work/changed.json"
    awk '/^ "journal": \[/{j=1; n=-1} /^ \]/{j=0} j && /^  \{/ {n++; if (n==3) next} {print}' "$s" >"$work/removed.json"
    awk '/^ "journal": \[/{j=1} j && /^ \]/ {print ",  " last; j=0} j && /^  \{/ {last=$0; sub(/,$/, "", last)} {print}' "$s" | \
        awk 'BEGIN{p=""} {if (p != "") print p; p=$0} END{print p}' >"$work/added.json"
    awk '/^ "journal": \[/{j=1; n=-1} /^ \]/{j=0} j && /^  \{/ {n++; if (n==5) sub(/"t":5155/, "\"t\":5156")} {print}' "$s" >"$work/retimed.json"
    for edit in changed removed added retimed; do
        f=$work/$edit.json
        cmp -s "$s" "$f" && fail "$edit: the edit did not change the file"
        "$cli" replay "$f" >"$work/replay.txt" 2>&1
        rc=$?
        if [ "$rc" -ne 1 ]; then
            # An edit that breaks the file's own structure is refused at load: fine, but not what we test.
            cp "$work/replay.txt" "$work/out.txt"; fail "$edit: replay exit $rc, expected 1"
        fi
        "$cli" debrief "$f" --html "$work/$edit.html" --json "$work/$edit.debrief.json" >"$work/out.txt" 2>&1
        rc=$?
        [ "$rc" -eq 1 ] || fail "$edit: debrief exit $rc, expected 1 (not reproduced)"
        grep -q "reproduced     NO" "$work/out.txt" || fail "$edit: debrief says reproduced"
        grep -q "^difference     journal entry" "$work/out.txt" || fail "$edit: debrief names no difference"
        grep -q '"reproduced": false' "$work/$edit.debrief.json" || fail "$edit: debrief JSON says reproduced"
        grep -q '"difference": "journal entry' "$work/$edit.debrief.json" || fail "$edit: debrief JSON names no difference"
        grep -q 'class="difference">journal entry' "$work/$edit.html" || fail "$edit: debrief HTML names no difference"
        # Replay and debrief name the same first difference.
        diff_line=$(sed -n 's/^difference     //p' "$work/out.txt")
        grep -qF -- "verdict: NOT reproduced — $diff_line" "$work/replay.txt" || { cp "$work/replay.txt" "$work/out.txt"; fail "$edit: replay names another difference than the debrief ($diff_line)"; }
    done
    # The changed ok result: both sides of the value, not "ok" twice.
    "$cli" replay "$work/changed.json" >"$work/out.txt" 2>&1
    grep -q 'differs at /body/result/code' "$work/out.txt" || fail "changed: not at /body/result/code"
    grep -qF '  value        recorded "portal.not_approved"' "$work/out.txt" || fail "changed: no recorded value"
    grep -qF '               replay   "ok"' "$work/out.txt" || fail "changed: no replay value"
    ;;
secrets)
    # The scenario's solution and the actions carry a secret under every spelling.
    sed 's/"password": "Demo-Passwort-1"/"password": "Demo-Passwort-1", "new_password": "SEKRET-new-1", "Password": "SEKRET-Cap-2", "passwd": "SEKRET-passwd-3", "adminPassword": "SEKRET-admin-4", "credentials": {"password": "SEKRET-nested-5"}, "secret": "SEKRET-secret-6", "pin": "SEKRET-pin-7"/' \
        "$journey" >"$work/scenario.json"
    sed -i 's/^{$/{\n  "instructor": {"pin": "SEKRETpin8"},/' "$work/scenario.json"
    grep -q SEKRET-nested-5 "$work/scenario.json" || fail "the scenario edit did not apply"
    grep -q SEKRETpin8 "$work/scenario.json" || fail "the PIN edit did not apply"
    "$cli" check "$work/scenario.json" >"$work/out.txt" 2>&1 || fail "the secret scenario does not load"
    cp "$data/journey-with-instructor.actions.jsonl" "$work/actions.jsonl"
    echo '{"type": "mail.mark_read", "actor": "anna@tsvmuster.onmicrosoft.com", "mail": 999, "new_password": "SEKRET-a1", "Password": "SEKRET-a2", "passwd": "SEKRET-a3", "adminPassword": "SEKRET-a4", "credentials": {"Password": "SEKRET-a5"}, "secret": "SEKRET-a6", "PIN": "SEKRET-a7", "password": "SEKRET-a8"}' >>"$work/actions.jsonl"
    mkdir -p "$work/out" "$work/sessions"
    {
        "$cli" run "$work/scenario.json" --actions "$work/actions.jsonl" --session "$work/sessions/a.npsim.json" \
            --journal "$work/out/journal.jsonl" --bundle "$work/out/bundle.json"
        "$cli" run "$work/scenario.json" --solution --session "$work/sessions/b.npsim.json" --json
        "$cli" run "$work/scenario.json" --solution
        "$cli" replay "$work/sessions/a.npsim.json"
        "$cli" replay "$work/sessions/a.npsim.json" --json
        "$cli" debrief "$work/sessions/a.npsim.json" --html "$work/out/debrief.html" --json "$work/out/debrief.json"
        "$cli" debrief "$work/sessions/b.npsim.json" --html "$work/out/debrief-b.html" --json "$work/out/debrief-b.json"
        "$cli" report "$work/sessions" --out "$work/out/report.html" --json "$work/out/report.json"
    } >"$work/out/stdout.txt" 2>"$work/out/stderr.txt"
    for f in journal.jsonl bundle.json debrief.html debrief.json debrief-b.html report.html report.json stdout.txt; do
        [ -s "$work/out/$f" ] || fail "$f was not written"
    done
    [ -s "$work/sessions/a.npsim.json" ] && [ -s "$work/sessions/b.npsim.json" ] || fail "no session files"
    if grep -rl -e SEKRET -e Demo-Passwort-1 "$work/out" "$work/sessions"; then
        grep -rho -e 'SEKRET[-a-z0-9]*' -e Demo-Passwort-1 "$work/out" "$work/sessions" | sort -u > "$work/out.txt"
        fail "a secret reached an output"
    fi
    grep -q '"password_check":"ok"' "$work/sessions/a.npsim.json" || fail "the declared password lost its policy check"
    grep -q 'verdict: reproduced' "$work/out/stdout.txt" || fail "the redacted session does not replay"
    echo "no secret in any output"
    ;;
terminal)
    # A title with ESC (colour, clear screen) and a C1 CSI; an observation label with ESC.
    sed 's/"en": "The full journey: from registration to Office on the desktop"/"en": "Evil \\u001b[31mred\\u001b[2J \\u009b title"/' "$journey" >"$work/scenario.json"
    grep -q 'u001b\[31m' "$work/scenario.json" || fail "the title edit did not apply"
    printf '%s\n' '{"observe": {"label": "bell \u0007 and \u001b]0;owned\u0007", "condition": {"portal_status": "none"}}}' >"$work/actions.jsonl"
    {
        "$cli" run "$work/scenario.json" --solution --session "$s"
        "$cli" debrief "$s"
        "$cli" report "$work"
        "$cli" run "$work/scenario.json" --actions "$work/actions.jsonl" --session "$work/obs.npsim.json"
        "$cli" replay "$work/obs.npsim.json"
    } >"$work/out.txt" 2>&1
    grep -q "$esc" "$work/out.txt" && fail "a raw ESC reached the terminal"
    grep -q "$(printf '\007')" "$work/out.txt" && fail "a raw BEL reached the terminal"
    grep -qF 'scenario       Evil \x1b[31mred\x1b[2J \u009b title (full-journey)' "$work/out.txt" || fail "the title is not shown escaped"
    grep -qF 'bell \x07 and \x1b]0;owned\x07' "$work/out.txt" || fail "the observation label is not shown escaped"
    echo "no raw control character"
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "ok: $case"
