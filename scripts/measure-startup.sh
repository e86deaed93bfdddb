#!/usr/bin/env bash
# scripts/measure-startup.sh [RUNS] — npsim's start-up beside a minimal Dear ImGui + GLFW program.
#
# Both are Release builds (the "bench" preset) and both open a 1280×800 window, draw 5 frames and exit:
# `npsim --frames 5` on its default scenario, and tests/startup/minimal_imgui.cpp. They run RUNS times
# each (default 15), interleaved, under one Xvfb server when there is no display. Prints the median
# wall and CPU (user + system) time of each, the ratio, and npsim's own breakdown of the first run
# (`--startup-profile`). Goal (issue 11): npsim at most 1.15 × the minimal program.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
cmake --preset bench >/dev/null
cmake --build build/bench -j2 --target npsim npsim_startup_minimal >/dev/null
npsim=build/bench/app/npsim
minimal=build/bench/tests/bench/npsim_startup_minimal
body=$(cat <<'SH'
set -euo pipefail
runs=$1 npsim=$2 minimal=$3
out=$(mktemp -d)
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S" -a -o "$out/minimal" "$minimal" >/dev/null 2>&1
  /usr/bin/time -f "%e %U %S" -a -o "$out/npsim" "$npsim" --frames 5 >/dev/null 2>&1
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for p in minimal npsim; do
  wall=$(awk '{print $1}' "$out/$p" | median)
  cpu=$(awk '{print $2+$3}' "$out/$p" | median)
  echo "$p $wall $cpu"
done >"$out/medians"
awk 'NR==1 {w=$2; c=$3; printf "minimal Dear ImGui + GLFW, 5 frames: wall %.3f s, CPU %.3f s (median of '"$runs"')\n", w, c}
     NR==2 {printf "npsim --frames 5:                    wall %.3f s, CPU %.3f s\n", $2, $3;
            printf "ratio:                               wall %.2f x, CPU %.2f x (goal: at most 1.15 x)\n", $2/w, $3/c}' "$out/medians"
echo "npsim's own breakdown (--startup-profile):"
"$npsim" --frames 5 --startup-profile 2>&1 >/dev/null | sed 's/^/  /'
rm -rf "$out"
SH
)
if [ -n "${DISPLAY:-}" ]; then
  bash -c "$body" _ "$runs" "$npsim" "$minimal"
else
  xvfb-run -a -s "-screen 0 1920x1080x24" bash -c "$body" _ "$runs" "$npsim" "$minimal"
fi
