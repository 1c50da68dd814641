// The JSON Schema is the contract editors see (titles and descriptions on hover); it is read and
// compiled once per process, on first use, so that `--help` never pays for ajv.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

const SCHEMA_URL = new URL('../../schemas/plan.schema.json', import.meta.url);

let schema: object | undefined;
let validator: ValidateFunction | undefined;

/** The parsed schemas/plan.schema.json (read once, cached). */
export function planSchema(): object {
  schema ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
  return schema;
}

/** The compiled validator: allErrors so that every mistake is reported at once. */
export function planValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true }).compile(planSchema());
  return validator;
}
