#!/usr/bin/env bash
# scripts/start.sh — Quick start: install what is missing, build (Release) and start the sandbox.
# Extra arguments go to npsim, e.g.  bash scripts/start.sh --lang en --scenario scenarios/full-journey.json
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec ./build/release/app/npsim "$@"
