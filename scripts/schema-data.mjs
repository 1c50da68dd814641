// Writes src/plan/schema-data.ts from schemas/plan.schema.json, the one place the plan's shape is
// written. TypeScript cannot import JSON `as const`, and FromSchema needs the literal types; so the
// build copies the schema into a module and a test fails when the copy is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('..', import.meta.url);
export const SCHEMA_FILE = fileURLToPath(new URL('schemas/plan.schema.json', ROOT));
export const DATA_FILE = fileURLToPath(new URL('src/plan/schema-data.ts', ROOT));

/** The module text for a schema's JSON text. */
export function schemaDataSource(json) {
  const schema = JSON.parse(json);
  return (
    '// Generated from schemas/plan.schema.json by scripts/schema-data.mjs (npm run build): edit the\n' +
    '// schema, never this file. `as const` keeps the literal types that FromSchema reads.\n' +
    `export default ${JSON.stringify(schema, null, 2)} as const;\n`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = schemaDataSource(readFileSync(SCHEMA_FILE, 'utf8'));
  let current;
  try {
    current = readFileSync(DATA_FILE, 'utf8');
  } catch {
    current = undefined;
  }
  // Unchanged bytes keep the file's time, so tsc --watch and editors see no change.
  if (current !== text) writeFileSync(DATA_FILE, text);
}
