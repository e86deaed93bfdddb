// scripts/schema-parity.js — the JSON Schema's verdict on every file of the parity corpus, in one node
// process (scripts/check-schema.sh compares it with the loader's, `npsim-cli check`).
//
//   node schema-parity.js SCHEMA EXAMPLE_DIR TEMPLATE DOC.md... -- FILE...
//
// 1. Extracts the documentation's examples into EXAMPLE_DIR: every fenced block whose info string is
//    `json scenario` (a whole scenario), `json condition` (an objective's condition), `json step` (a
//    reference-solution step) or `json fault` (a fault rule). Fragments are set into TEMPLATE (a small
//    scenario with people and a subscription the examples may name) at the place they belong, so the
//    loader checks them with everything else.
// 2. Validates the extracted examples and every FILE with ajv (draft 2020-12, ajv-formats) and prints one
//    line per file: "<file>\t<ok|rejected>\t<ajv's first error>".
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const args = process.argv.slice(2);
const split = args.indexOf("--");
const [schemaPath, exampleDir, templatePath, ...docs] = split < 0 ? args : args.slice(0, split);
const files = split < 0 ? [] : args.slice(split + 1);

function place(kind, fragment, template) {
  const doc = JSON.parse(JSON.stringify(template));
  if (kind === "scenario") return fragment;
  if (kind === "condition")
    doc.objectives = [{ id: "example", title: { en: "Example", de: "Beispiel" }, condition: fragment }];
  else if (kind === "step") doc.solution = [fragment];
  else if (kind === "fault") doc.faults = [fragment];
  return doc;
}

// The examples of one Markdown file: [{name, kind, text}], line numbers in the names.
function examples(doc) {
  const out = [];
  const lines = fs.readFileSync(doc, "utf8").split("\n");
  let open = null;
  for (let i = 0; i < lines.length; ++i) {
    const fence = /^\s*```\s*json\s+(scenario|condition|step|fault)\s*$/.exec(lines[i]);
    if (!open && fence) {
      open = { kind: fence[1], line: i + 1, body: [] };
    } else if (open && /^\s*```\s*$/.test(lines[i])) {
      const base = doc.replace(/[\/.]/g, "-").replace(/^-+/, "");
      out.push({ name: `${base}-line-${open.line}-${open.kind}.json`, kind: open.kind, text: open.body.join("\n") });
      open = null;
    } else if (open) {
      open.body.push(lines[i]);
    }
  }
  return out;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
const template = JSON.parse(fs.readFileSync(templatePath, "utf8"));

fs.rmSync(exampleDir, { recursive: true, force: true });
fs.mkdirSync(exampleDir, { recursive: true });
const checked = [];
for (const doc of docs) {
  for (const ex of examples(doc)) {
    const target = path.join(exampleDir, ex.name);
    let value;
    try {
      value = JSON.parse(ex.text);
    } catch (e) {
      console.log(`${target}\tunparsable\t${doc}: the example is not JSON: ${e.message}`);
      continue;
    }
    fs.writeFileSync(target, JSON.stringify(place(ex.kind, value, template), null, 2) + "\n");
    checked.push(target);
  }
}

for (const f of checked.concat(files)) {
  let value;
  try {
    value = JSON.parse(fs.readFileSync(f, "utf8"));
  } catch (e) {
    console.log(`${f}\trejected\tnot JSON: ${e.message}`);
    continue;
  }
  if (validate(value)) {
    console.log(`${f}\tok\t`);
    continue;
  }
  const errors = validate.errors.slice();
  errors.sort((a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length);
  const e = errors[0];
  console.log(`${f}\trejected\t${(e.instancePath || "/") + ": " + e.message} ${JSON.stringify(e.params)}`.slice(0, 300));
}
