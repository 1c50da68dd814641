// The JSON Schema is the contract editors see (titles and descriptions on hover). Its validator is
// compiled ahead of time by `npm run build` (scripts/plan-validator.mjs), so no run loads ajv or
// compiles the schema; a test keeps it equal to one compiled at run time.
import type { ValidateFunction } from 'ajv';
import schema from './schema-data.js';
import validate from './validator.generated.js';

/** schemas/plan.schema.json, as the build copied it into schema-data.ts (a test keeps them equal). */
export function planSchema(): object {
  return schema;
}

/** The compiled validator: allErrors so that every mistake is reported at once. */
export function planValidator(): ValidateFunction {
  return validate as ValidateFunction;
}
