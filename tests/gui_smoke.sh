#!/bin/sh
# tests/gui_smoke.sh — starts the real npsim under a virtual X server and checks its screenshots.
#
# Usage: tests/gui_smoke.sh <path-to-npsim>
# For each language, renders the shell with --screenshot and checks that a non-empty PNG appeared.
# Then what must never crash or pass silently: a broken scenario makes --screenshot exit 1; a poisoned
# autosave (a number out of range, garbage, a folder) is moved to .bad, --screenshot exits 1, and the
# next start is clean. The autosave goes to a temporary $XDG_STATE_HOME, never the user's.
# Exits 77 (ctest SKIP_RETURN_CODE) when Xvfb is not installed. One Xvfb server serves every run; it
# picks a free display itself (-displayfd), so runs beside other X servers never race for a number.
set -eu

npsim=${1:?usage: gui_smoke.sh <path-to-npsim>}
if ! command -v Xvfb >/dev/null 2>&1; then
    echo "gui_smoke: Xvfb not found (apt-get install xvfb) - skipped"
    exit 77
fi

out=$(mktemp -d)
xvfb_pid=""
trap '[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$out"' EXIT
# Xvfb writes its display number to fd 3 once it accepts clients.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$out/display" 2>"$out/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 600); do
    [ -s "$out/display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
done
if [ ! -s "$out/display" ]; then
    echo "gui_smoke: Xvfb did not start:"
    cat "$out/xvfb.log"
    exit 1
fi
DISPLAY=":$(head -n 1 "$out/display")"
export DISPLAY
XDG_STATE_HOME=$out/state
export XDG_STATE_HOME
session=$XDG_STATE_HOME/npsim/session.npsim.json
here=$(cd "$(dirname "$0")" && pwd)

status=0
for lang in en de; do
    png="$out/shell_$lang.png"
    if ! "$npsim" --screenshot "$png" --lang "$lang"; then
        echo "gui_smoke: npsim --screenshot failed for --lang $lang"
        status=1
        continue
    fi
    if [ ! -s "$png" ]; then
        echo "gui_smoke: $png is missing or empty"
        status=1
        continue
    fi
    # A PNG starts with the bytes 89 50 4E 47 0D 0A 1A 0A.
    magic=$(od -An -tx1 -N8 "$png" | tr -d ' \n')
    if [ "$magic" != "89504e470d0a1a0a" ]; then
        echo "gui_smoke: $png is not a PNG (starts with $magic)"
        status=1
        continue
    fi
    if [ -e "$png.tmp" ]; then
        echo "gui_smoke: $png.tmp was left behind"
        status=1
        continue
    fi
    echo "gui_smoke: $lang ok ($(wc -c <"$png") bytes)"
done

# Runs npsim --screenshot with the rest of the line; its exit code goes to $rc (set -e stays on).
shoot() {
    rc=0
    "$npsim" --screenshot "$out/check.png" "$@" >"$out/err.txt" 2>&1 || rc=$?
}

# A scenario that does not load: the picture shows why, and the exit code says it failed.
shoot --scenario "$here/data/broken/unknown-key.json"
if [ "$rc" -ne 1 ]; then
    echo "gui_smoke: --screenshot with a broken scenario exited $rc, expected 1"
    cat "$out/err.txt"
    status=1
else
    echo "gui_smoke: broken scenario exits 1"
fi

# A poisoned autosave never makes the app crash-loop: moved to .bad, explained, exit 1; then clean.
for poison in number garbage folder; do
    rm -rf "$XDG_STATE_HOME"
    mkdir -p "$(dirname "$session")"
    case $poison in
    number) printf '{"npsim_bundle": 2, "seed": 1e400, "actions": []}' >"$session" ;;
    garbage) printf '\001\377 garbage {{{' >"$session" ;;
    folder) mkdir "$session" ;;
    esac
    for resume in "" --resume; do
        shoot $resume
        if [ "$rc" -ne 1 ] || [ -e "$session" ] || [ ! -e "$session.bad" ] || ! grep -q "kept as $session.bad" "$out/err.txt"; then
            echo "gui_smoke: poisoned autosave ($poison) $resume: exit $rc, expected 1 with the file kept as .bad"
            cat "$out/err.txt"
            status=1
        fi
        # The next start finds nothing bad: exit 0.
        shoot $resume
        if [ "$rc" -ne 0 ]; then
            echo "gui_smoke: the start after the poisoned autosave ($poison) $resume exited $rc"
            cat "$out/err.txt"
            status=1
        fi
        rm -rf "$session.bad"
        case $poison in
        number) printf '{"npsim_bundle": 2, "seed": 1e400, "actions": []}' >"$session" ;;
        garbage) printf '\001\377 garbage {{{' >"$session" ;;
        folder) mkdir "$session" ;;
        esac
    done
    echo "gui_smoke: poisoned autosave ($poison) is kept as .bad, never a crash"
done
exit $status
