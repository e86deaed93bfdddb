#!/usr/bin/env bash
# scripts/update-generated.sh — rewrites the files generated from the registry of operations
# (sim/domain/include/sim/registry.hpp) in one command, after an operation was added or changed:
#   * docs/operations.md                       = npsim-cli ops --markdown
#   * the action part of scenarios/schema/scenario.schema.json, spliced in from npsim-cli ops --schema:
#       $defs.action.properties.type.enum      every operation (names the registry no longer has are
#                                              removed, new ones appended; the order is free)
#       $defs.action.allOf                     one if/then per operation (same order rule)
#       $defs["action.<name>"]                 one definition per operation; owned by the registry: "type",
#                                              the set and order of "properties", each argument's JSON
#                                              "type" (and "items"), "required", "additionalProperties"
#     Written by hand and kept: every "description" (the generated ones are defaults for new operations),
#     and every other keyword ($ref, enum, pattern, minimum, …). An argument may leave out "type" when its
#     hand-written "$ref" / "anyOf" / "oneOf" / "enum" already has exactly the registry's type; when it has
#     another type the script stops and names the argument. The file keeps its style (2-space indent,
#     UTF-8, key order).
#
# Usage: bash scripts/update-generated.sh [--check] [--only docs|schema] [--cli PATH]
#   --check   change nothing; exit 1 (with a diff) when a generated file is stale (ctest cli.ops_schema)
#   --only    just docs/operations.md (docs) or just the schema (schema)
#   --cli     the npsim-cli to ask; default: build the target npsim-cli in $NPSIM_BUILD_DIR or the first
#             configured of build/debug, build/ci, build/release, and use that one
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
only=""
cli="${NPSIM_CLI:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --check) check=1 ;;
    --only) only="$2"; shift ;;
    --cli) cli="$2"; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "update-generated: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$only" in ""|docs|schema) ;; *) echo "update-generated: --only docs or --only schema" >&2; exit 2 ;; esac

if [ -z "$cli" ]; then
  build=""
  for d in "${NPSIM_BUILD_DIR:-}" build/debug build/ci build/release; do
    if [ -n "$d" ] && [ -f "$d/CMakeCache.txt" ]; then build="$d"; break; fi
  done
  if [ -z "$build" ]; then
    echo "update-generated: no configured build (cmake --preset debug), or pass --cli PATH" >&2
    exit 2
  fi
  cmake --build "$build" --target npsim-cli >&2
  cli="$build/tools/npsim-cli"
fi
[ -x "$cli" ] || { echo "update-generated: $cli is not an executable npsim-cli" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stale=0

# report_or_write GENERATED TARGET: --check compares, otherwise TARGET is replaced when it differs.
report_or_write() {
  if cmp -s "$1" "$2"; then
    echo "update-generated: $2 is up to date"
  elif [ "$check" -eq 1 ]; then
    diff -u "$2" "$1" | head -n 60 || true
    echo "update-generated: $2 is stale: run bash scripts/update-generated.sh" >&2
    stale=1
  else
    cp "$1" "$2"
    echo "update-generated: $2 rewritten"
  fi
}

if [ "$only" != schema ]; then
  "$cli" ops --markdown > "$tmp/operations.md"
  report_or_write "$tmp/operations.md" docs/operations.md
fi

if [ "$only" != docs ]; then
  "$cli" ops --schema > "$tmp/fragment.json"
  python3 - "$tmp/fragment.json" scenarios/schema/scenario.schema.json "$tmp/schema.json" <<'PY'
import json
import sys

fragment_path, schema_path, out_path = sys.argv[1:4]
with open(fragment_path, encoding="utf-8") as f:
    fragment = json.load(f)["$defs"]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
defs = schema["$defs"]
problems = []


def json_type(value):
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def types_of(node, seen=()):
    """The JSON types a hand-written subschema allows, or None when it does not say."""
    if not isinstance(node, dict):
        return None
    if "type" in node:
        t = node["type"]
        return set(t) if isinstance(t, list) else {t}
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/") and ref not in seen:
        return types_of(defs.get(ref[len("#/$defs/"):]), seen + (ref,))
    for key in ("anyOf", "oneOf"):
        if key in node:
            branches = [types_of(b, seen) for b in node[key]]
            if any(b is None for b in branches):
                return None
            return set().union(*branches)
    if "enum" in node:
        return {json_type(v) for v in node["enum"]}
    if "const" in node:
        return {json_type(node["const"])}
    return None


def merge(generated, old, where, exact=False):
    """generated's keys win, but descriptions and other hand-written keywords of old stay. exact (a
    definition's "properties"): just the generated keys, in their order."""
    if not isinstance(old, dict):
        old = {}
    if exact:
        return {k: merge(v, old.get(k), f"{where}.{k}") for k, v in generated.items()}
    out = {}
    for key, value in generated.items():  # keys the file lacks come first, in the generated order
        if key in old:
            continue
        if key == "type" and isinstance(value, str):
            narrowed = types_of(old)
            if narrowed == {value}:
                continue  # a hand-written $ref / anyOf / enum already says it
            if narrowed is not None:
                problems.append(f"{where}: the registry says {value}, the schema's hand-written "
                                f"keywords {sorted(narrowed)}: fix it by hand in {schema_path}")
        out[key] = merge(value, {}, where, key == "properties") if isinstance(value, dict) else value
    for key, value in old.items():
        if key not in generated or key == "description":
            out[key] = value
        elif isinstance(generated[key], dict):
            out[key] = merge(generated[key], value, f"{where}.{key}", key == "properties")
        else:
            out[key] = generated[key]
    return out


def keep_order(old_items, new_items, key):
    """new_items where old_items has them (items without a key stay as they are), the rest at the end."""
    by_key = {key(item): item for item in new_items}
    out = []
    for item in old_items:
        k = key(item)
        if k is None:
            out.append(item)
        elif k in by_key:
            out.append(by_key.pop(k))
    return out + [item for item in new_items if key(item) in by_key]


def dispatch_name(entry):
    try:
        return entry["if"]["properties"]["type"]["const"]
    except (KeyError, TypeError):
        return None


action = defs["action"]
enum = action["properties"]["type"]
enum["enum"] = keep_order(enum.get("enum", []), fragment["action"]["properties"]["type"]["enum"],
                          lambda n: n)
action["allOf"] = keep_order(action.get("allOf", []), fragment["action"]["allOf"], dispatch_name)

generated_defs = {k: v for k, v in fragment.items() if k.startswith("action.")}
new_defs = {}
last_action = "action"  # where a new definition goes: after the last one there is
for key, value in defs.items():
    if key.startswith("action."):
        if key in generated_defs:
            new_defs[key] = merge(generated_defs[key], value, key)
            last_action = key
        continue  # an operation the registry no longer has
    new_defs[key] = value
added = [k for k in generated_defs if k not in defs]
if added:
    ordered = {}
    for key, value in new_defs.items():
        ordered[key] = value
        if key == last_action:
            for k in added:
                ordered[k] = merge(generated_defs[k], {}, k)
    new_defs = ordered
schema["$defs"] = new_defs

if problems:
    for p in problems:
        print("update-generated: " + p, file=sys.stderr)
    sys.exit(1)
with open(out_path, "w", encoding="utf-8") as f:
    f.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
PY
  report_or_write "$tmp/schema.json" scenarios/schema/scenario.schema.json
fi

exit "$stale"
