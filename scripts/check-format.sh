#!/usr/bin/env bash
# scripts/check-format.sh — every tracked *.cpp/*.hpp must match the committed .clang-format
# (clang-format 14, as Debian 12 ships it). Lists the files that differ and exits 1; changes nothing.
#   bash scripts/check-format.sh            check the whole tree (git ls-files)
#   bash scripts/check-format.sh FILE...    check only these files (paths from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."

CLANG_FORMAT="${CLANG_FORMAT:-}"
if [ -z "$CLANG_FORMAT" ]; then
  for candidate in clang-format-14 clang-format; do
    if command -v "$candidate" >/dev/null 2>&1; then CLANG_FORMAT="$candidate"; break; fi
  done
fi
if [ -z "$CLANG_FORMAT" ]; then
  echo "format: clang-format not found (Debian: apt-get install clang-format)" >&2
  exit 2
fi

if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files -- '*.cpp' '*.hpp')
fi
for f in "${files[@]}"; do
  if [ ! -f "$f" ]; then echo "format: no such file: $f" >&2; exit 2; fi
done

# One clang-format for all files; --dry-run --Werror reports "FILE:LINE:COL: error: code should be
# clang-formatted" for each place that differs. Any other failure (a bad .clang-format) is shown as
# it is and exits 2.
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
rc=0
"$CLANG_FORMAT" --dry-run --Werror "${files[@]}" 2> "$report" >/dev/null || rc=$?
mapfile -t differ < <(sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' "$report" | sort -u)
if [ "$rc" -ne 0 ] && [ ${#differ[@]} -eq 0 ]; then
  cat "$report" >&2
  echo "format: $CLANG_FORMAT failed (exit $rc)" >&2
  exit 2
fi

if [ ${#differ[@]} -gt 0 ]; then
  echo "format: ${#differ[@]} of ${#files[@]} files differ from .clang-format ($("$CLANG_FORMAT" --version | head -n 1)):"
  printf '  %s\n' "${differ[@]}"
  echo "fix with:"
  if [ ${#differ[@]} -le 10 ]; then
    echo "  $CLANG_FORMAT -i ${differ[*]}"
  else
    echo "  git ls-files -- '*.cpp' '*.hpp' | xargs $CLANG_FORMAT -i"
  fi
  exit 1
fi
echo "format: ${#files[@]} files match .clang-format"
