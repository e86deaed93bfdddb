#!/usr/bin/env bash
# scripts/install-deps.sh — installs the Debian 12 packages npsim needs, only those that are missing.
# Runs as root (or through sudo when available). Safe to run again: it does nothing when all is there.
set -euo pipefail

PACKAGES=(
  cmake g++ make ninja-build pkg-config
  libimgui-dev libglfw3-dev libgl-dev nlohmann-json3-dev libfmt-dev catch2 libcli11-dev libstb-dev
  libbenchmark-dev libidn2-dev fonts-dejavu-core fonts-inter fonts-material-design-icons-iconfont libxml2-dev
  xvfb xauth
  clang libclang-rt-14-dev clang-format clang-tidy
  python3 time
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# The schema check runs ajv (npm registry). Some images bring their own Node.js with npm inside;
# only when no npm is found at all do we ask Debian for it.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "npsim: all build dependencies are installed."
  exit 0
fi

echo "npsim: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "npsim: please run as root (or install sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
