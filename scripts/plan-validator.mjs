// Writes src/plan/validator.generated.ts: the plan schema's ajv validator as code (ajv
// standalone), so that a run validates without loading ajv or compiling the schema (about 100 ms
// per process and per worker). The file is not checked in; `npm run build`, `npm run typecheck` and
// the tests' global setup write it, and a test checks it against a validator compiled at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { SCHEMA_FILE } from './schema-data.mjs';

export const VALIDATOR_FILE = fileURLToPath(new URL('../src/plan/validator.generated.ts', import.meta.url));

/** The options both the generated and a runtime-compiled validator use. */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true };

// The one runtime helper the schema's maxLength needs: ajv's own (ajv/dist/runtime/ucs2length),
// written into the module instead of its require(), so the code has no import at all.
const UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';
const UCS2LENGTH_CODE = `function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}
`;

/** The module text for a schema (the parsed JSON). */
export function validatorSource(schema) {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  let code = standalone.default(ajv, ajv.compile(schema));
  const required = code.match(/require\([^)]*\)(\.default)?/g) ?? [];
  const unknown = required.filter((r) => r !== UCS2LENGTH);
  if (unknown.length)
    throw new Error(`ajv standalone needs runtime code this script does not import: ${unknown.join(', ')}`);
  code = code
    .replace(/^"use strict";/, '')
    .split(UCS2LENGTH)
    .join('ucs2length');
  return (
    '// @ts-nocheck\n' +
    '// Generated from schemas/plan.schema.json by scripts/plan-validator.mjs (npm run build): edit the\n' +
    '// schema, never this file.\n' +
    (required.length ? UCS2LENGTH_CODE : '') +
    `${code}\n`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = validatorSource(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  let current;
  try {
    current = readFileSync(VALIDATOR_FILE, 'utf8');
  } catch {
    current = undefined;
  }
  // Unchanged bytes keep the file's time, so tsc --watch and editors see no change.
  if (current !== text) writeFileSync(VALIDATOR_FILE, text);
}
