// The plan's shape as the schema states it, for code that must follow it at run time: the key
// order of a written plan and what a draft may hold. Read from the same object the types come
// from, so a new key or value in the schema reaches every reader at once.
import type { Issue, IssuePath } from './issue.js';
import { suggest } from './schema-messages.js';
import schema from './schema-data.js';

/** The keywords of the schema that say what shape a value has (length, pattern, required are the validator's). */
export interface ShapeNode {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, ShapeNode>>;
  readonly additionalProperties?: boolean;
  readonly items?: ShapeNode;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly $ref?: string;
}

export const PLAN_SHAPE: ShapeNode = schema;

const definitions: Readonly<Record<string, ShapeNode>> = schema.definitions;

/** The node itself, or the definition its `$ref` names (the schema only refers to #/definitions). */
export function resolveRef(node: ShapeNode): ShapeNode {
  if (node.$ref === undefined) return node;
  const name = /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1];
  const target = name === undefined ? undefined : definitions[name];
  if (target === undefined) throw new Error(`plan schema: unresolved $ref ${node.$ref}`);
  return resolveRef(target);
}

/** The property names of an object node, in the schema's order (the order a plan is written in). */
export function keysOf(node: ShapeNode): string[] {
  return Object.keys(resolveRef(node).properties ?? {});
}

function types(node: ShapeNode): readonly string[] {
  if (node.type === undefined) return [];
  return typeof node.type === 'string' ? [node.type] : node.type;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return false;
  }
}

/**
 * A draft: the parts of `value` that have the shape the schema gives them, whatever is missing,
 * and a finding for every part that had to be left out. Only shape counts here (types, enums,
 * known keys): an empty list, a missing key or a too-long text is a draft still being written,
 * which the wizard's questions deal with. A key or list item left empty (null) holds nothing and
 * counts as missing.
 */
export function conformDraft(value: unknown): { value: Record<string, unknown>; dropped: Issue[] } {
  const dropped: Issue[] = [];
  const kept = conform(value, PLAN_SHAPE, [], dropped);
  if (hasType(kept, 'object')) return { value: kept as Record<string, unknown>, dropped };
  if (value !== null && value !== undefined && dropped.length === 0) dropped.push(wrongType([], PLAN_SHAPE, value));
  return { value: {}, dropped };
}

function conform(value: unknown, shape: ShapeNode, path: IssuePath, dropped: Issue[]): unknown {
  const node = resolveRef(shape);
  const allowed = types(node);
  if (value === null && !allowed.includes('null')) return undefined;
  if ('const' in node && value !== node.const) return drop(dropped, wrongType(path, node, value));
  if (node.enum !== undefined && !node.enum.includes(value)) return drop(dropped, wrongType(path, node, value));
  if (allowed.length > 0 && !allowed.some((type) => hasType(value, type)))
    return drop(dropped, wrongType(path, node, value));
  if (Array.isArray(value)) {
    const items = node.items;
    if (items === undefined) return value;
    const out: unknown[] = [];
    value.forEach((item, index) => {
      const kept = conform(item, items, [...path, index], dropped);
      if (kept !== undefined) out.push(kept);
    });
    return out;
  }
  if (hasType(value, 'object') && node.properties !== undefined) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const property = Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
      if (property === undefined) {
        if (node.additionalProperties === false) dropped.push(unknownKey([...path, key], Object.keys(node.properties)));
        continue;
      }
      const kept = conform(child, property, [...path, key], dropped);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }
  return value;
}

function drop(dropped: Issue[], issue: Issue): undefined {
  dropped.push(issue);
  return undefined;
}

function field(path: IssuePath): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

function unknownKey(path: IssuePath, known: readonly string[]): Issue {
  const key = String(path[path.length - 1]);
  const guess = suggest(key, known);
  const where = path.length > 1 ? ` ở \`${field(path.slice(0, -1))}\`` : '';
  const hint =
    guess !== undefined ? `có phải \`${guess}\`?` : `các khóa có ở đây: ${known.map((k) => `\`${k}\``).join(', ')}.`;
  return {
    rule: 'draft-unknown-key',
    severity: 'error',
    path,
    at: 'key',
    message: `khóa \`${key}\`${where} không có trong kế hoạch; ${hint}`,
  };
}

function wrongType(path: IssuePath, node: ShapeNode, value: unknown): Issue {
  const message =
    path.length === 0
      ? `bản nháp phải là một nhóm khóa (\`version: 1\`, \`kind: …\`, \`agency: …\`), không phải ${shown(value)}`
      : `\`${field(path)}\` phải là ${expected(node)}, không phải ${shown(value)}`;
  return {
    rule: 'draft-wrong-type',
    severity: 'error',
    path,
    message,
  };
}

function expected(node: ShapeNode): string {
  if ('const' in node) return `\`${String(node.const)}\``;
  if (node.enum !== undefined) return `một trong các giá trị ${node.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  const names: Record<string, string> = {
    string: 'một đoạn văn bản',
    integer: 'một số nguyên',
    number: 'một số',
    boolean: '`true` hoặc `false`',
    array: 'một danh sách (mỗi mục một dòng bắt đầu bằng «- »)',
    object: 'một nhóm khóa con',
    null: '`null`',
  };
  return types(node)
    .map((type) => names[type] ?? type)
    .join(' hoặc ');
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return 'một danh sách';
  if (value !== null && typeof value === 'object') return 'một nhóm khóa con';
  if (typeof value === 'string') return `văn bản «${value.length > 40 ? `${value.slice(0, 40)}…` : value}»`;
  if (typeof value === 'boolean') return `giá trị đúng/sai \`${String(value)}\``;
  return `\`${String(value)}\``;
}
