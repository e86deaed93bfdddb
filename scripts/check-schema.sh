#!/usr/bin/env bash
# scripts/check-schema.sh — validates the scenario library against scenarios/schema/scenario.schema.json
# with a standard JSON Schema validator (ajv, draft 2020-12, from the npm registry):
#   * every scenarios/*.json must be valid, and its "id" must equal its file name;
#   * every tests/data/broken/*.json must be REJECTED (each holds one defect on purpose).
# Exits non-zero on any mismatch and says which file and why. ajv is installed once into build/ajv.
set -euo pipefail
cd "$(dirname "$0")/.."

schema=scenarios/schema/scenario.schema.json
prefix=build/ajv
ajv="$prefix/node_modules/.bin/ajv"

if [ ! -x "$ajv" ] || [ ! -d "$prefix/node_modules/ajv-formats" ]; then
  command -v npm >/dev/null || { echo "check-schema: npm is missing (apt-get install npm)" >&2; exit 2; }
  echo "check-schema: installing ajv-cli into $prefix"
  mkdir -p "$prefix"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$prefix" ajv-cli@5 ajv-formats@2 >/dev/null
fi

# ajv's JSON error list → one line per error: "/json/pointer: message {params}" (the deepest ones first).
format_errors='
let text = require("fs").readFileSync(0, "utf8");
let start = text.indexOf("[");
let errors = [];
try { errors = JSON.parse(text.slice(start)); } catch (e) { console.log(text.trim()); process.exit(0); }
errors.sort((a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length);
for (const e of errors.slice(0, 6))
  console.log(`${e.instancePath || "/"}: ${e.message} ${JSON.stringify(e.params)}`.slice(0, 240));
if (errors.length > 6) console.log(`… and ${errors.length - 6} more`);
'

run_ajv() {  # run_ajv FILE → ajv's exit status; its errors, one per line, in $out
  local raw
  if raw=$("$ajv" validate --spec=draft2020 --strict=false --all-errors --errors=json -c ajv-formats -s "$schema" -d "$1" 2>&1); then
    out=""
    return 0
  fi
  out=$(printf '%s' "$raw" | node -e "$format_errors")
  return 1
}

# The schema itself must compile.
if ! out=$("$ajv" compile --spec=draft2020 --strict=false -c ajv-formats -s "$schema" 2>&1); then
  echo "check-schema: FAIL $schema does not compile:" >&2
  echo "$out" >&2
  exit 1
fi

failures=0
shopt -s nullglob
scenarios=(scenarios/*.json)
broken=(tests/data/broken/*.json)
if [ ${#scenarios[@]} -eq 0 ]; then echo "check-schema: no scenarios in scenarios/" >&2; exit 1; fi

for f in "${scenarios[@]}"; do
  if run_ajv "$f"; then
    name=$(basename "$f" .json)
    id=$(node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).id))' "$f")
    if [ "$id" != "$name" ]; then
      echo "FAIL $f: \"id\" is \"$id\" but the file is named $name.json"
      failures=$((failures + 1))
    else
      echo "ok   $f"
    fi
  else
    echo "FAIL $f: the schema rejects a shipped scenario:"
    echo "$out" | sed 's/^/       /'
    failures=$((failures + 1))
  fi
done

for f in "${broken[@]}"; do
  if run_ajv "$f"; then
    echo "FAIL $f: the schema accepts a broken example (it must be rejected)"
    failures=$((failures + 1))
  else
    echo "ok   $f rejected: $(echo "$out" | head -n 1)"
  fi
done

if [ ${#broken[@]} -lt 8 ]; then
  echo "FAIL tests/data/broken: ${#broken[@]} broken examples, at least 8 expected"
  failures=$((failures + 1))
fi

if [ "$failures" -ne 0 ]; then
  echo "check-schema: $failures problem(s)" >&2
  exit 1
fi
echo "check-schema: ${#scenarios[@]} scenarios valid, ${#broken[@]} broken examples rejected"
