// The JSON Schema is the contract editors see (titles and descriptions on hover); it is compiled
// once per process, on first use, so that `--help` never pays for ajv.
import { Ajv, type ValidateFunction } from 'ajv';
import schema from './schema-data.js';

let validator: ValidateFunction | undefined;

/** schemas/plan.schema.json, as the build copied it into schema-data.ts (a test keeps them equal). */
export function planSchema(): object {
  return schema;
}

/** The compiled validator: allErrors so that every mistake is reported at once. */
export function planValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true }).compile(planSchema());
  return validator;
}
