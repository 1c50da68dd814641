// Turns ajv's errors into one Vietnamese message per real mistake (ajv-i18n has no Vietnamese).
// Field names come from the schema's own `title`s, so editors and messages say the same thing.
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { type Issue, type IssuePath, formatCount, sentence } from './issue.js';
import { ENUM_LABELS, GROUP_LABELS } from './labels.js';

interface PropertySchema {
  title?: string;
  type?: string | string[];
  examples?: unknown[];
  properties?: Record<string, PropertySchema>;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const DUE_PATTERN = '^[0-9]{2}/[0-9]{2}$';
const UNQUOTE_HINT = 'hãy bỏ dấu ngoặc kép';

export function schemaIssues(errors: readonly ErrorObject[], data: unknown): Issue[] {
  const issues: Issue[] = [];
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const typos = typosOfMissing(errors);
  for (const error of errors) {
    // A node of the wrong type gets one message, not one per keyword it then fails.
    if (error.keyword !== 'type' && typed.has(error.instancePath)) continue;
    // `purpose:` typed for `purposes:` is one mistake: the unknown-key message already names the fix.
    if (error.keyword === 'required' && typos.get(error.instancePath)?.has(missingOf(error)) === true) continue;
    const issue = translate(error, data);
    if (issue !== null) issues.push(issue);
  }
  return issues;
}

function translate(error: ErrorObject, data: unknown): Issue | null {
  const path = toPath(error.instancePath, data);
  const schema = (error.parentSchema ?? {}) as PropertySchema;
  if (error.keyword === 'additionalProperties') {
    return new UnknownKeyIssue(String(error.params['additionalProperty']), path, schema);
  }
  const subject = describe(path, schema.title);
  const key = lastKey(path);
  const value: unknown = error.data;
  switch (error.keyword) {
    case 'required': {
      const missing = missingOf(error);
      const property = schema.properties?.[missing] ?? {};
      const where = path.length === 0 ? 'Tệp kế hoạch' : sentence(subject);
      return issue(
        'schema-required',
        path,
        'key',
        `${where} thiếu \`${missing}\`${titled(property.title)}: hãy thêm ${howToWrite(missing, property)}.`,
      );
    }
    case 'type':
      return typeIssue(path, subject, key, String(error.params['type']), value, schema);
    case 'enum':
      return issue(
        'schema-enum',
        path,
        'value',
        enumMessage(subject, key, value, error.params['allowedValues'] as unknown[]),
      );
    case 'const':
      return issue(
        'schema-const',
        path,
        'value',
        `${sentence(subject)} phải là ${String(error.params['allowedValue'])}; đây là phiên bản định dạng duy nhất hiện có: hãy viết \`${key}: ${String(error.params['allowedValue'])}\`.`,
      );
    case 'maxLength': {
      const limit = Number(error.params['limit']);
      const length = typeof value === 'string' ? [...value].length : 0;
      return issue(
        'schema-too-long',
        path,
        'value',
        `${sentence(subject)} dài ${formatCount(length)} ký tự, vượt giới hạn ${formatCount(limit)} ký tự: hãy rút gọn, hoặc tách thành nhiều mục.`,
      );
    }
    case 'maxItems': {
      const count = Array.isArray(value) ? value.length : 0;
      return issue(
        'schema-too-many',
        path,
        'key',
        `${sentence(subject)} có ${formatCount(count)} mục, vượt giới hạn ${formatCount(Number(error.params['limit']))} mục: hãy gộp hoặc bớt các mục.`,
      );
    }
    case 'minItems':
      // An empty task group has its own rule, which names the group.
      if (path.length === 2 && path[0] === 'tasks') return null;
      return issue(
        'schema-empty-list',
        path,
        'key',
        `${sentence(subject)} chưa có mục nào: cần ít nhất một mục, mỗi mục một dòng bắt đầu bằng \`- \`.`,
      );
    case 'pattern':
      return patternIssue(path, subject, key, value, error.params['pattern'] as string);
    case 'minimum':
    case 'maximum':
      return issue(
        'schema-range',
        path,
        'value',
        `${sentence(subject)} phải từ ${schema.minimum ?? ''} đến ${schema.maximum ?? ''}; ${String(value)} nằm ngoài khoảng này.`,
      );
    default:
      return issue(
        `schema-${error.keyword}`,
        path,
        'value',
        `${sentence(subject)} không đúng định dạng kế hoạch (${error.message ?? error.keyword}).`,
      );
  }
}

// Worded when first read: a file can hold 200,000 unknown keys, and a report shows 200. A class
// with the getter on its prototype: V8 builds an object literal with its own getter slowly (0.3 to
// 0.45 s for 200,000 of them, against 0.05 s for these). Only own fields enumerate, so the
// package's validatePlan hands out plain copies (plainIssue).
class UnknownKeyIssue implements Issue {
  readonly rule = 'schema-unknown-key';
  readonly severity = 'error';
  readonly at = 'key';
  readonly path: IssuePath;
  readonly #extra: string;
  readonly #parent: IssuePath;
  readonly #schema: PropertySchema;
  #message: string | undefined;

  constructor(extra: string, parent: IssuePath, schema: PropertySchema) {
    this.path = [...parent, extra];
    this.#extra = extra;
    this.#parent = parent;
    this.#schema = schema;
  }

  get message(): string {
    return (this.#message ??= unknownKeyMessage(this.#extra, this.#parent, this.#schema));
  }
}

function issue(rule: string, path: IssuePath, at: 'key' | 'value', message: string): Issue {
  return { rule, severity: 'error', message, path, at };
}

function typeIssue(
  path: IssuePath,
  subject: string,
  key: string,
  expected: string,
  value: unknown,
  schema: PropertySchema,
): Issue {
  const head = sentence(subject);
  if (value === null) {
    const what = expected.startsWith('array')
      ? 'các mục bên dưới, mỗi mục một dòng bắt đầu bằng `- `'
      : expected.startsWith('object')
        ? 'các khóa con thụt vào bên dưới'
        : 'giá trị sau dấu hai chấm';
    return issue('schema-empty', path, 'value', `${head} chưa có giá trị: hãy viết ${what}.`);
  }
  let message: string;
  if (expected.startsWith('string')) {
    if (typeof value === 'number' && (schema.pattern === DATE_PATTERN || schema.pattern === DUE_PATTERN)) {
      // Quoting `20220315` would still not be a date: say the form to write instead.
      return patternIssue(path, subject, key, value, schema.pattern);
    } else if (typeof value === 'number' || typeof value === 'boolean')
      message = textExpectedMessage(subject, path, String(value));
    else if (Array.isArray(value))
      message = `${head} cần một đoạn văn bản, không phải một danh sách: hãy viết nội dung ngay sau dấu hai chấm, bỏ các dấu \`- \`.`;
    else
      message = `${head} cần một đoạn văn bản, không phải một nhóm khóa con: nếu nội dung có dấu hai chấm và dấu cách (\`: \`), hãy đặt cả đoạn trong dấu ngoặc kép.`;
  } else if (expected === 'integer') {
    const example = schema.examples?.[0] ?? 1;
    if (typeof value === 'string' && /^\s*\d+\s*$/u.test(value)) {
      message = `${head} cần một số nguyên, không phải văn bản: ${UNQUOTE_HINT}, viết \`${key}: ${value.trim().replace(/^0+(?=\d)/u, '')}\`.`;
    } else if (typeof value === 'number') {
      message = `${head} cần một số nguyên, không có phần thập phân: ví dụ \`${key}: ${String(example)}\`.`;
    } else {
      message = `${head} cần một số nguyên, ví dụ \`${key}: ${String(example)}\`, không phải ${describeValue(value)}.`;
    }
  } else if (expected === 'boolean') {
    message = `${head} chỉ nhận \`true\` (có) hoặc \`false\` (không), không phải ${describeValue(value)}.`;
  } else if (expected === 'array') {
    message = `${head} cần một danh sách, không phải ${describeValue(value)}: viết \`${key}:\` rồi mỗi mục trên một dòng riêng, thụt vào và bắt đầu bằng \`- \`.`;
  } else {
    const keys = Object.keys(schema.properties ?? {})
      .slice(0, 3)
      .map((k) => `\`${k}: …\``)
      .join(', ');
    message = `${head} cần các khóa con thụt vào bên dưới \`${key}:\` (${keys}), không phải ${describeValue(value)}.`;
  }
  return issue('schema-type', path, 'value', message);
}

/**
 * For a number or true/false where text is expected. `literal` is the value as the user typed it
 * (the loader passes it: `0123` reads as 123, and the advice must keep the zero).
 */
export function textExpectedMessage(subject: string, path: IssuePath, literal: string): string {
  const kind = /^(true|false)$/u.test(literal) ? 'giá trị đúng/sai' : 'số';
  const last = path[path.length - 1];
  const line = typeof last === 'number' ? `- "${literal}"` : `${String(last)}: "${literal}"`;
  return `${sentence(subject)} cần một đoạn văn bản, nhưng YAML đọc \`${literal}\` là ${kind}: hãy đặt giá trị trong dấu ngoặc kép, viết \`${line}\`.`;
}

/** A number made text by a `!!str` tag, not by quotes: the advice names the tag to remove. */
export function withStrTag(message: string, quoted: boolean): string {
  return message
    .replace(UNQUOTE_HINT, quoted ? 'hãy xóa thẻ `!!str` và bỏ dấu ngoặc kép' : 'hãy xóa thẻ `!!str`')
    .replace('không phải văn bản', 'không phải văn bản (thẻ `!!str` bắt YAML đọc nó là văn bản)');
}

/** Put the value as typed (`0123`) where a message built from the data says `123`. */
export function withLiteral(message: string, value: string, literal: string): string {
  if (literal === value || literal === '') return message;
  return message.split(`\`${value}\``).join(`\`${literal}\``).split(`"${value}"`).join(`"${literal}"`);
}

function patternIssue(path: IssuePath, subject: string, key: string, value: unknown, pattern: string): Issue {
  const text = String(value);
  if (pattern === DATE_PATTERN) {
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(text.trim());
    const compact = /^(\d{4})(\d{2})(\d{2})$/u.exec(text.trim());
    const fix = dmy
      ? `${dmy[3]}-${pad(dmy[2])}-${pad(dmy[1])}`
      : compact
        ? `${compact[1]}-${compact[2]}-${compact[3]}`
        : '2022-03-15';
    return issue(
      'schema-format',
      path,
      'value',
      `${sentence(subject)} \`${text}\` phải viết theo dạng năm-tháng-ngày (YYYY-MM-DD): \`${key}: ${fix}\`.`,
    );
  }
  if (pattern === DUE_PATTERN) {
    const dm = /^(\d{1,2})[/.-](\d{1,2})$/u.exec(text.trim()) ?? /^(\d{2})(\d{2})$/u.exec(text.trim());
    const fix = dm ? `${pad(dm[1])}/${pad(dm[2])}` : '15/11';
    return issue(
      'schema-format',
      path,
      'value',
      `${sentence(subject)} \`${text}\` phải viết theo dạng ngày/tháng, mỗi phần hai chữ số: \`${key}: ${fix}\`.`,
    );
  }
  return issue('schema-empty', path, 'value', `${sentence(subject)} đang để trống: hãy viết nội dung cho mục này.`);
}

function pad(part: string | undefined): string {
  return (part ?? '').padStart(2, '0');
}

function enumMessage(subject: string, key: string, value: unknown, allowed: unknown[]): string {
  const labels = ENUM_LABELS[key] ?? {};
  const choices = allowed
    .map((v) => `\`${String(v)}\`${labels[String(v)] ? ` (${labels[String(v)]})` : ''}`)
    .join(', ');
  const guess = typeof value === 'string' ? suggest(value, allowed.map(String)) : undefined;
  const hint = guess === undefined ? '' : ` Có phải ý bạn là \`${guess}\`?`;
  return `${sentence(subject)} không nhận giá trị \`${String(value)}\`.${hint} Hãy viết một trong: ${choices}.`;
}

function unknownKeyMessage(extra: string, parent: IssuePath, schema: PropertySchema): string {
  const group = parent[1];
  if (extra === 'pillar' && parent[0] === 'tasks' && typeof group === 'string' && group !== 'pillars') {
    return `Chỉ nhiệm vụ trong nhóm \`pillars\` (${GROUP_LABELS.pillars}) mới ghi \`pillar\`: hãy xóa dòng này, hoặc chuyển nhiệm vụ sang nhóm \`pillars\`.`;
  }
  const { known, listed } = knownKeys(schema);
  const guess = suggest(extra, known);
  if (guess !== undefined) return `Khóa \`${extra}\` không có trong định dạng kế hoạch; có phải ý bạn là \`${guess}\`?`;
  return `Khóa \`${extra}\` không có trong định dạng kế hoạch ở chỗ này: hãy xóa nó, hoặc dùng một trong các khóa ${listed}.`;
}

// Once per schema node: a file of many unknown keys asks for the same list each time.
const knownCache = new WeakMap<PropertySchema, { known: string[]; listed: string }>();

function knownKeys(schema: PropertySchema): { known: string[]; listed: string } {
  let entry = knownCache.get(schema);
  if (entry === undefined) {
    const known = Object.keys(schema.properties ?? {});
    entry = { known, listed: known.map((k) => `\`${k}\``).join(', ') };
    knownCache.set(schema, entry);
  }
  return entry;
}

/** The nearest known word, when it is near enough to be a typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  // A word much longer or shorter than every candidate is no typo of any: skip the distances.
  if (candidates.every((c) => Math.abs(c.length - lower.length) > typoLimit(c))) return undefined;
  const best = closest(lower, candidates as string[]);
  return distance(lower, best) <= typoLimit(best) ? best : undefined;
}

/** The most edits that still make a typo of `word`. */
function typoLimit(word: string): number {
  return Math.max(2, Math.floor(word.length / 3));
}

/**
 * For each object missing a required key, the missing keys that an unknown key beside them is a
 * typo of. Each unknown key is weighed once, and only against a missing key near it in length
 * (a typo within suggest's limit differs in length by no more): asking every unknown key again
 * for every missing key took a second for a file of 110,000 unknown keys and no known one.
 */
function typosOfMissing(errors: readonly ErrorObject[]): Map<string, Set<string>> {
  const missing = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== 'required') continue;
    const keys = missing.get(error.instancePath) ?? [];
    keys.push(missingOf(error));
    missing.set(error.instancePath, keys);
  }
  const typos = new Map<string, Set<string>>();
  if (missing.size === 0) return typos;
  for (const error of errors) {
    const wanted = error.keyword === 'additionalProperties' ? missing.get(error.instancePath) : undefined;
    if (wanted === undefined) continue;
    const extra = String(error.params['additionalProperty']);
    const length = extra.toLowerCase().length;
    if (!wanted.some((key) => Math.abs(key.length - length) <= typoLimit(key))) continue;
    const known = Object.keys((error.parentSchema as PropertySchema | undefined)?.properties ?? {});
    const guess = suggest(extra, known);
    if (guess === undefined || !wanted.includes(guess)) continue;
    const found = typos.get(error.instancePath) ?? new Set<string>();
    found.add(guess);
    typos.set(error.instancePath, found);
  }
  return typos;
}

function missingOf(required: ErrorObject): string {
  return String(required.params['missingProperty']);
}

function howToWrite(key: string, property: PropertySchema): string {
  const types = ([] as string[]).concat(property.type ?? []);
  if (types.includes('array')) return `\`${key}:\` rồi các mục bên dưới, mỗi mục một dòng bắt đầu bằng \`- \``;
  if (types.includes('object')) return `\`${key}:\` rồi các khóa con thụt vào bên dưới`;
  const example = property.examples?.[0];
  return `dòng \`${key}: ${example === undefined ? '…' : String(example)}\``;
}

function titled(title: string | undefined): string {
  return title === undefined ? '' : ` (${title})`;
}

/** "`title` (Trích yếu nội dung)", or "mục thứ 3 của `bases` (Căn cứ)". */
function describe(path: IssuePath, title: string | undefined): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'tệp kế hoạch';
  if (typeof last === 'number') {
    const owner = path[path.length - 2];
    return `mục thứ ${last + 1} của \`${String(owner)}\`${titled(title)}`;
  }
  return `\`${last}\`${titled(title)}`;
}

function lastKey(path: IssuePath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return '';
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'một danh sách';
  if (value !== null && typeof value === 'object') return 'một nhóm khóa con';
  if (typeof value === 'string') return `văn bản «${value.length > 40 ? `${value.slice(0, 40)}…` : value}»`;
  if (typeof value === 'boolean') return `giá trị đúng/sai \`${String(value)}\``;
  return `\`${String(value)}\``;
}

/** ajv's instancePath as keys and indexes (indexes only where the data holds an array). */
function toPath(pointer: string, data: unknown): IssuePath {
  if (pointer === '') return [];
  const path: IssuePath = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(key);
      path.push(index);
      node = node[index];
    } else {
      path.push(key);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return path;
}
