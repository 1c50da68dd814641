// The plan file, version 1, as TypeScript sees it: every type and every list of allowed values is
// read from schemas/plan.schema.json (through the generated schema-data.ts), so the types cannot
// drift from the contract. These types describe a plan that has already passed validation; nothing
// outside src/plan may cast raw input to them.
import type { FromSchema } from 'json-schema-to-ts';
import schema from './schema-data.js';

type Schema = typeof schema;
// `appendix` has a default but may be absent from a file, and the renderer treats absent as true.
type Options = { keepDefaultedPropertiesOptional: true };
type RawPlan = FromSchema<Schema, Options>;

/** The five priority task groups of Letter 404. */
export type GroupKey = keyof RawPlan['tasks'];

/**
 * A task of any group. The pillars group's tasks may carry `pillar`, the others' may not (the
 * schema says so); readers walk the five groups alike, so they see one type whose `pillar` is
 * optional.
 */
export type Task = FromSchema<Schema['definitions']['pillarTask'], Options>;

export type Plan = Omit<RawPlan, 'tasks'> & { tasks: Record<GroupKey, Task[]> };

export type Agency = Plan['agency'];
export type DocumentInfo = Plan['document'];
export type Duty = Plan['implementation'][number];
export type Reporting = Plan['reporting'];
export type Signer = Plan['signer'];

export type Kind = Plan['kind'];
export type Sector = Agency['sector'];
export type Pillar = NonNullable<Task['pillar']>;
export type Frequency = Reporting['frequency'];
export type Capacity = Signer['capacity'];

/** Every key optional, at every depth; list items keep their own type (a partial list item is still an item). */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

const properties = schema.properties;

/** The task groups in the order the document prints them: the schema's property order. */
export const GROUP_KEYS = Object.keys(properties.tasks.properties) as readonly GroupKey[];

export const PILLARS: readonly Pillar[] = schema.definitions.pillarTask.properties.pillar.enum;
export const KINDS: readonly Kind[] = properties.kind.enum;
export const SECTORS: readonly Sector[] = properties.agency.properties.sector.enum;
export const FREQUENCIES: readonly Frequency[] = properties.reporting.properties.frequency.enum;
export const CAPACITIES: readonly Capacity[] = properties.signer.properties.capacity.enum;

/** The year a plan belongs to: `document.year`, else the year of `document.date`. */
export function planYear(plan: Plan): number {
  if (plan.document.year !== undefined) return plan.document.year;
  if (plan.document.date !== undefined) return Number(plan.document.date.slice(0, 4));
  throw new Error('plan has neither document.year nor document.date');
}
