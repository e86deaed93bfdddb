#!/usr/bin/env bash
# Issue 12, the author's commands (tools/cli_author.cpp): migrate, explain, list --cases.
#   authoring.sh NPSIM_CLI SCENARIO_DIR WORK_DIR CASE
set -euo pipefail
cli="$1"; scenarios="$2"; work="$3/authoring-$4"; case="$4"
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }

case "$case" in
migrate)
    # A version 1 file with a throttle rule: upgraded, the changes named, the result loads and plays.
    python3 - "$scenarios/out-of-seats.json" "$work/v1.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["schema_version"] = 1
d.pop("support_cases", None)
d["faults"] = [{"id": "slow-assign", "operation": "licences.assign", "first": 2, "max_fires": 1,
                "throttle": {"limit": 1, "window": "1m", "retry_after": "30s"}}]
json.dump(d, open(sys.argv[2], "w"), indent=2, ensure_ascii=False)
open(sys.argv[2], "a").write("\n")
PY
    "$cli" check "$work/v1.json" > /dev/null || fail "the version 1 file must load as it is"
    "$cli" migrate "$work/v1.json" -o "$work/v2.json" > "$work/out.txt" 2>&1 || fail "migrate failed: $(cat "$work/out.txt")"
    grep -q 'version 1 → 2' "$work/out.txt" || fail "no version line: $(cat "$work/out.txt")"
    grep -q '/faults/0: its first/nth/after/until now select' "$work/out.txt" || fail "the throttle selector change is not named"
    grep -q '/faults/0: a retry before Retry-After no longer uses up max_fires' "$work/out.txt" || fail "max_fires change not named"
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['schema_version']==2, d['schema_version']; assert list(d)[:3]==['\$schema','schema_version','id'], list(d)[:3]" "$work/v2.json" \
        || fail "the upgraded file must say version 2 and keep the key order"
    "$cli" check "$work/v2.json" > /dev/null || fail "the upgraded file must load"
    # The rest of the text is unchanged: only the version line differs.
    test "$(diff "$work/v1.json" "$work/v2.json" | grep -c '^[<>]')" -eq 2 || fail "more than the version changed: $(diff "$work/v1.json" "$work/v2.json")"
    # Already current: nothing to change, nothing written. In place: atomic rewrite.
    "$cli" migrate "$work/v2.json" | grep -q 'already version 2; nothing to change' || fail "v2 must be left alone"
    cp "$work/v1.json" "$work/inplace.json"
    "$cli" migrate --in-place "$work/inplace.json" > /dev/null
    cmp -s "$work/inplace.json" "$work/v2.json" || fail "--in-place must write what -o writes"
    # Not a scenario: a message and exit 1, nothing written.
    printf '{"schema_version": 1, "id": ' > "$work/broken.json"
    if "$cli" migrate "$work/broken.json" -o "$work/never.json" 2> "$work/err.txt"; then fail "a broken file must fail"; fi
    test ! -e "$work/never.json" || fail "nothing may be written for a broken file"
    grep -q 'broken.json:1:' "$work/err.txt" || fail "the syntax error needs its place: $(cat "$work/err.txt")"
    echo "migrate ok"
    ;;
tutorial)
    # docs/authoring.md's whole example (its ```json scenario block) loads and plays to 100/100.
    doc="$(dirname "$0")/../../docs/authoring.md"
    awk '/^```json scenario$/{on=1; next} on && /^```$/{exit} on' "$doc" > "$work/tutorial.json"
    test -s "$work/tutorial.json" || fail "no \`\`\`json scenario block in docs/authoring.md"
    "$cli" check "$work/tutorial.json" > /dev/null || fail "the tutorial's scenario does not load"
    "$cli" run "$work/tutorial.json" --solution > "$work/out.txt" 2>&1 || fail "its solution fails: $(cat "$work/out.txt")"
    grep -q '^score          100/100' "$work/out.txt" || fail "not 100/100: $(cat "$work/out.txt")"
    "$cli" explain "$work/tutorial.json" --lang de | grep -q 'Supportfälle: C11' || fail "explain does not name C11"
    echo "tutorial ok"
    ;;
round1)
    # Sessions recorded by round 1's npsim-cli (4dfb28a, version 1 scenarios) replay byte for byte, except
    # where a fault rule now behaves as version 2 defines it: then replay says so and migrate upgrades it.
    data="$(dirname "$0")/../data/sessions/round1"
    for f in "$data"/*.npsim.json; do
        name=$(basename "$f")
        if [ "$name" = chaos-workshop.npsim.json ]; then
            if "$cli" replay "$f" > "$work/out.txt" 2>&1; then fail "$name: the throttle's Retry-After changed: the state hash must differ"; fi
            grep -q 'journal        all 46 entries match' "$work/out.txt" || fail "$name: the journal must still match: $(cat "$work/out.txt")"
            grep -q "note: recorded with a version 1 scenario; \`npsim-cli migrate" "$work/out.txt" || fail "$name: no hint to migrate"
            "$cli" migrate "$f" -o "$work/$name" > "$work/m.txt" 2>&1 || fail "$name: migrate failed: $(cat "$work/m.txt")"
            grep -q '/scenario/faults/4: Retry-After now counts from the answer' "$work/m.txt" || fail "$name: the change is not named"
            grep -q '/state_hash: 55c6947574289725 → ' "$work/m.txt" || fail "$name: the hash change is not named"
            "$cli" replay "$work/$name" | grep -q '^verdict: reproduced — all 46 journal entries' || fail "$name: the upgraded session must replay"
        else
            "$cli" replay "$f" > "$work/out.txt" 2>&1 || fail "$name: a round 1 session must replay: $(tail -n 3 "$work/out.txt")"
        fi
        "$cli" debrief "$f" > /dev/null 2>&1 || [ "$name" = chaos-workshop.npsim.json ] || fail "$name: no debrief"
    done
    echo "round1 ok"
    ;;
explain)
    "$cli" explain "$scenarios/chaos-workshop.json" > "$work/en.txt"
    "$cli" explain "$scenarios/chaos-workshop.json" --lang de > "$work/de.txt"
    for section in 'Start state' 'Fault rules' 'Scheduled at the start' 'Objectives' 'Reference solution' 'Its timeline'; do
        grep -q "^$section" "$work/en.txt" || fail "en: no section $section"
    done
    for section in 'Ausgangslage' 'Störungsregeln' 'Ziele' 'Musterlösung' 'Ihr Ablauf'; do
        grep -q "^$section" "$work/de.txt" || fail "de: no section $section"
    done
    grep -q 'licence-throttle: Assign licences (licences.assign) — always: is throttled: at most 2 calls per 30s' "$work/en.txt" \
        || fail "the throttle rule in words: $(grep licence-throttle "$work/en.txt")"
    grep -q 'portal-outage: .*on the first call: fails with' "$work/en.txt" || fail "the first-call rule in words"
    grep -q 'der Portalstatus „Genehmigt“ ist' "$work/de.txt" || fail "de: the condition in words"
    grep -q 'score 100/100' "$work/en.txt" || fail "the solution's score"
    # Adaptive steps in words: retries, and a branch with its steps below it.
    "$cli" explain "$scenarios/chaos-workshop-any-seed.json" --lang de > "$work/any.txt"
    grep -q 'wiederholt bis zu 5× bei service.unavailable' "$work/any.txt" || fail "de: a retry in words"
    grep -q 'wenn das letzte Ergebnis ist: fault.custom' "$work/any.txt" || fail "de: a branch in words"
    grep -q '^     dann:' "$work/any.txt" || fail "de: the branch's steps"
    # A scenario that does not load: its errors, exit 1.
    printf '{"schema_version": 2, "id": "x"}' > "$work/bad.json"
    if "$cli" explain "$work/bad.json" > /dev/null 2> "$work/err.txt"; then fail "a bad scenario must fail"; fi
    grep -q 'missing required key "title"' "$work/err.txt" || fail "the error: $(cat "$work/err.txt")"
    echo "explain ok"
    ;;
cases)
    "$cli" list --cases > "$work/cases.txt"
    grep -q '^C12 ' "$work/cases.txt" || fail "C12 missing"
    grep -q '^C32 ' "$work/cases.txt" || fail "C32 missing"
    grep -q 'of 32 cases have a scenario' "$work/cases.txt" || fail "no coverage line"
    if grep -q 'solution FAILS' "$work/cases.txt"; then fail "a tagged scenario's solution fails: $(grep FAILS "$work/cases.txt")"; fi
    "$cli" list --cases --json > "$work/cases.json"
    python3 - "$work/cases.json" "$scenarios" <<'PY'
import json, sys, glob
rows = json.load(open(sys.argv[1]))
assert len(rows) == 32, len(rows)
tagged = {}
for f in glob.glob(sys.argv[2] + "/*.json"):
    d = json.load(open(f))
    for c in d.get("support_cases", []):
        tagged.setdefault(c, set()).add(d["id"])
for r in rows:
    got = {s["id"] for s in r["scenarios"]}
    assert got == tagged.get(r["case"], set()), (r["case"], got, tagged.get(r["case"]))
    assert all(s["solution_passes"] for s in r["scenarios"]), r
print("cases match the files:", sum(1 for r in rows if r["scenarios"]), "covered")
PY
    # An unknown case number in a scenario is refused with a did-you-mean.
    python3 - "$scenarios/out-of-seats.json" "$work/unknown-case.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["support_cases"] = ["C13", "C133"]
json.dump(d, open(sys.argv[2], "w"))
PY
    if "$cli" check "$work/unknown-case.json" 2> "$work/err.txt" > /dev/null; then fail "C133 must be refused"; fi
    grep -q '/support_cases/1: unknown support case "C133"' "$work/err.txt" || fail "the message: $(cat "$work/err.txt")"
    echo "cases ok"
    ;;
*) fail "unknown case $case" ;;
esac
