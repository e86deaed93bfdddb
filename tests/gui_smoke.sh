#!/bin/sh
# tests/gui_smoke.sh — starts the real npsim under a virtual X server and checks its screenshots.
#
# Usage: tests/gui_smoke.sh <path-to-npsim>
# For each language, renders the shell with --screenshot and checks that a non-empty PNG appeared.
# Exits 77 (ctest SKIP_RETURN_CODE) when xvfb-run is not installed.
set -eu

npsim=${1:?usage: gui_smoke.sh <path-to-npsim>}
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "gui_smoke: xvfb-run not found (apt-get install xvfb) - skipped"
    exit 77
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

status=0
for lang in en de; do
    png="$out/shell_$lang.png"
    if ! xvfb-run -a -s "-screen 0 1280x800x24" "$npsim" --screenshot "$png" --lang "$lang"; then
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
exit $status
