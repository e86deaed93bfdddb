#!/usr/bin/env bash
# scripts/check-schema.sh — validates the scenario library against scenarios/schema/scenario.schema.json
# with a standard JSON Schema validator (ajv, draft 2020-12, from the npm registry):
#   * every scenarios/*.json must be valid, and its "id" must equal its file name;
#   * every tests/data/broken/*.json must be REJECTED (each holds one defect on purpose);
#   * and the loader (npsim-cli check) must agree on each: the parity test of issue 12. The files of
#     tests/data/broken-references/ hold references JSON Schema cannot express (to the catalog, between parts
#     of the document): the schema accepts them, the loader refuses them. The examples of README.md and
#     docs/ in ```json scenario|condition|step|fault blocks are extracted (scripts/schema-parity.js) and
#     must be valid for both.
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
references=(tests/data/broken-references/*.json)
docs=(README.md docs/*.md docs/reference/*.md)
if [ ${#scenarios[@]} -eq 0 ]; then echo "check-schema: no scenarios in scenarios/" >&2; exit 1; fi

# The loader's verdict: npsim-cli check (the ci build's, or $NPSIM_CLI).
cli=${NPSIM_CLI:-build/ci/tools/npsim-cli}
if [ ! -x "$cli" ]; then echo "check-schema: $cli is missing: build first (cmake --workflow --preset ci)" >&2; exit 2; fi
loader_accepts() { "$cli" check "$1" > /dev/null 2>&1; }
loader_first_error() { "$cli" check "$1" 2>&1 >/dev/null | head -n 1; }

# The schema's verdict on every file, and the documentation's examples, in one node process.
examples=build/schema-examples
verdicts=$(NODE_PATH="$prefix/node_modules" node scripts/schema-parity.js "$schema" "$examples" \
  scripts/doc-example-template.json "${docs[@]}" -- "${scenarios[@]}" "${broken[@]}" "${references[@]}")
schema_verdict() { printf '%s\n' "$verdicts" | awk -F'\t' -v f="$1" '$1 == f { print $2 "\t" $3; exit }'; }

# expect FILE CLASS: valid (both accept), broken (both refuse), reference (only the loader can refuse:
# a reference between parts of a document or to the catalog, which JSON Schema cannot express).
expect() {
  local f="$1" class="$2" verdict schema_ok loader_ok why
  verdict=$(schema_verdict "$f")
  schema_ok=no; [ "${verdict%%$'\t'*}" = ok ] && schema_ok=yes
  why="${verdict#*$'\t'}"
  loader_ok=no; loader_accepts "$f" && loader_ok=yes
  case "$class" in
    valid)     want_schema=yes; want_loader=yes ;;
    broken)    want_schema=no;  want_loader=no ;;
    reference) want_schema=yes; want_loader=no ;;
  esac
  if [ "$schema_ok" = "$want_schema" ] && [ "$loader_ok" = "$want_loader" ]; then
    echo "ok   $f ($class)${why:+: schema: $why}"
    return
  fi
  failures=$((failures + 1))
  echo "FAIL $f ($class): the schema $( [ "$schema_ok" = yes ] && echo accepts || echo "refuses ($why)"), the loader $( [ "$loader_ok" = yes ] && echo accepts || echo "refuses ($(loader_first_error "$f"))")"
}

for f in "${scenarios[@]}"; do
  name=$(basename "$f" .json)
  id=$(node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).id))' "$f")
  if [ "$id" != "$name" ]; then
    echo "FAIL $f: \"id\" is \"$id\" but the file is named $name.json"
    failures=$((failures + 1))
  fi
  expect "$f" valid
done
for f in "${broken[@]}"; do expect "$f" broken; done
for f in "${references[@]}"; do expect "$f" reference; done
doc_examples=0
while IFS=$'\t' read -r f verdict why; do
  case "$f" in
    "$examples"/*)
      doc_examples=$((doc_examples + 1))
      if [ "$verdict" = unparsable ]; then echo "FAIL $why"; failures=$((failures + 1)); else expect "$f" valid; fi ;;
  esac
done <<< "$verdicts"

if [ ${#broken[@]} -lt 8 ]; then
  echo "FAIL tests/data/broken: ${#broken[@]} broken examples, at least 8 expected"
  failures=$((failures + 1))
fi

if [ "$failures" -ne 0 ]; then
  echo "check-schema: $failures problem(s)" >&2
  exit 1
fi
echo "check-schema: the schema and the loader agree on ${#scenarios[@]} scenarios (valid), ${#broken[@]} broken examples (refused), ${#references[@]} reference errors (only the loader can see them) and $doc_examples documentation examples (valid)"
