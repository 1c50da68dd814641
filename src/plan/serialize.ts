// A plan as the YAML a clerk will read and edit: keys in the order of the spec, one blank line
// between sections, each text on one line (never folded mid-sentence), and the schema comment
// first so that editors validate and explain the file.
import { Document, isMap, isPair, isScalar, type Pair } from 'yaml';
import { PLAN_SHAPE, type ShapeNode, resolveRef } from './shape.js';
import type { Plan } from './types.js';

/** Where the spec's own example points; callers writing elsewhere pass their own path or URL. */
export const DEFAULT_SCHEMA_PATH = '../schemas/plan.schema.json';

export interface SerializeOptions {
  /** Path or URL of plan.schema.json as seen from the written file. */
  schemaPath?: string;
  /** Further comment lines after the schema line, without the leading `#`. */
  comments?: readonly string[];
}

interface Shape {
  keys: readonly string[];
  children?: Record<string, Shape>;
  /** The value is a list whose items have this shape. */
  items?: Shape;
}

// The schema's property order is the order of the spec, and the one place it is written.
function shapeOf(node: ShapeNode): Shape {
  const resolved = resolveRef(node);
  const properties = resolved.properties ?? {};
  return {
    keys: Object.keys(properties),
    children: Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, shapeOf(child)])),
    ...(resolved.items !== undefined ? { items: shapeOf(resolved.items) } : {}),
  };
}

const PLAN: Shape = shapeOf(PLAN_SHAPE);

// Known keys first in the spec's order, unknown ones after in their own order (so that a
// draft with a typo keeps it, and `check` can point at it), undefined values dropped.
function ordered(value: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(value))
    return value.filter((item) => item !== undefined).map((item) => ordered(item, shape?.items));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const keys = [
    ...(shape?.keys ?? []).filter((key) => key in source),
    ...Object.keys(source).filter((key) => !(shape?.keys ?? []).includes(key)),
  ];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const child = source[key];
    if (child === undefined) continue;
    out[key] = ordered(child, shape?.children?.[key]);
  }
  return out;
}

function serialize(data: unknown, options: SerializeOptions): string {
  const doc = new Document(ordered(data, PLAN));
  const header = [` yaml-language-server: $schema=${options.schemaPath ?? DEFAULT_SCHEMA_PATH}`];
  for (const line of options.comments ?? []) header.push(line === '' ? '' : ` ${line}`);
  doc.commentBefore = header.join('\n');
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items as Pair[]) {
      // A blank line before each section after the short head (version, kind).
      if (isPair(item) && isScalar(item.key) && !['version', 'kind'].includes(String(item.key.value))) {
        item.key.spaceBefore = true;
      }
    }
  }
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

export function serializePlan(plan: Plan, options: SerializeOptions = {}): string {
  return serialize(plan, options);
}

/** A plan still being written (some keys missing); same layout as a finished plan. */
export function serializeDraft(draft: Readonly<Record<string, unknown>>, options: SerializeOptions = {}): string {
  return serialize(draft, options);
}
