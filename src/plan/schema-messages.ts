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
  const paths = new PathCache(data);
  for (const error of errors) {
    // A node of the wrong type gets one message, not one per keyword it then fails.
    if (error.keyword !== 'type' && typed.has(error.instancePath)) continue;
    // `purpose:` typed for `purposes:` is one mistake: the unknown-key message already names the fix.
    if (error.keyword === 'required' && typos.get(error.instancePath)?.has(missingOf(error)) === true) continue;
    const path = paths.of(error);
    const said = translate(error, path, false);
    if (said !== null) issues.push(new SchemaIssue(said, path, error));
  }
  return issues;
}

// Every issue is worded when its message is first read: a file can hold 200,000 problems, and a
// report shows 200. Building each message at once took half a second for a list of 90,000
// numbers where text belongs, behind an alias: the strings, and the collector after them. Each
// issue keeps only its error and path (no closures: with 200,000 issues alive, every object made
// for one is copied by the collector). A class with the getter on its prototype: V8 builds an
// object literal with its own getter slowly (0.3 to 0.45 s for 200,000 of them, against 0.05 s
// for these). Only own fields enumerate, so the package's validatePlan hands out plain copies
// (plainIssue).
class SchemaIssue implements Issue {
  readonly severity = 'error';
  readonly rule: string;
  readonly path: IssuePath;
  readonly at: 'key' | 'value';
  readonly #error: ErrorObject;
  #message: string | undefined;

  constructor(said: Said, path: IssuePath, error: ErrorObject) {
    this.rule = said.rule;
    this.at = said.at;
    this.path = path;
    this.#error = error;
  }

  get message(): string {
    return (this.#message ??= translate(this.#error, this.path, true)?.message || '');
  }
}

interface Said {
  rule: string;
  at: 'key' | 'value';
  /** Only when asked to word it. */
  message: string | false;
}

function said(rule: string, at: 'key' | 'value', message: string | false): Said {
  return { rule, at, message };
}

/**
 * The rule and place of one error, and its words when `wording`: one switch for both, so that
 * they cannot part. `path` is the issue's (an unknown key's own, below the object ajv names).
 */
function translate(error: ErrorObject, path: IssuePath, wording: boolean): Said | null {
  const schema = (error.parentSchema ?? {}) as PropertySchema;
  const subject = (): string => describe(path, schema.title);
  const value: unknown = error.data;
  switch (error.keyword) {
    case 'additionalProperties': {
      const parent = path.slice(0, -1);
      return said('schema-unknown-key', 'key', wording && unknownKeyMessage(String(path.at(-1)), parent, schema));
    }
    case 'required':
      return said('schema-required', 'key', wording && requiredMessage(path, missingOf(error), schema));
    case 'type':
      return typeIssue(path, String(error.params['type']), value, schema, wording);
    case 'enum':
      return said(
        'schema-enum',
        'value',
        wording && enumMessage(subject(), lastKey(path), value, error.params['allowedValues'] as unknown[]),
      );
    case 'const':
      return said(
        'schema-const',
        'value',
        wording &&
          `${sentence(subject())} phải là ${String(error.params['allowedValue'])}; đây là phiên bản định dạng duy nhất hiện có: hãy viết \`${lastKey(path)}: ${String(error.params['allowedValue'])}\`.`,
      );
    case 'maxLength':
      return said(
        'schema-too-long',
        'value',
        wording &&
          `${sentence(subject())} dài ${formatCount(typeof value === 'string' ? [...value].length : 0)} ký tự, vượt giới hạn ${formatCount(Number(error.params['limit']))} ký tự: hãy rút gọn, hoặc tách thành nhiều mục.`,
      );
    case 'maxItems':
      return said(
        'schema-too-many',
        'key',
        wording &&
          `${sentence(subject())} có ${formatCount(Array.isArray(value) ? value.length : 0)} mục, vượt giới hạn ${formatCount(Number(error.params['limit']))} mục: hãy gộp hoặc bớt các mục.`,
      );
    case 'minItems':
      // An empty task group has its own rule, which names the group.
      if (path.length === 2 && path[0] === 'tasks') return null;
      return said(
        'schema-empty-list',
        'key',
        wording && `${sentence(subject())} chưa có mục nào: cần ít nhất một mục, mỗi mục một dòng bắt đầu bằng \`- \`.`,
      );
    case 'pattern':
      return patternIssue(path, subject, value, error.params['pattern'] as string, wording);
    case 'minimum':
    case 'maximum':
      return said(
        'schema-range',
        'value',
        wording &&
          `${sentence(subject())} phải từ ${schema.minimum ?? ''} đến ${schema.maximum ?? ''}; ${String(value)} nằm ngoài khoảng này.`,
      );
    default:
      return said(
        `schema-${error.keyword}`,
        'value',
        wording && `${sentence(subject())} không đúng định dạng kế hoạch (${error.message ?? error.keyword}).`,
      );
  }
}

function requiredMessage(path: IssuePath, missing: string, schema: PropertySchema): string {
  const property = schema.properties?.[missing] ?? {};
  const where = path.length === 0 ? 'Tệp kế hoạch' : sentence(describe(path, schema.title));
  return `${where} thiếu \`${missing}\`${titled(property.title)}: hãy thêm ${howToWrite(missing, property)}.`;
}

function typeIssue(path: IssuePath, expected: string, value: unknown, schema: PropertySchema, wording: boolean): Said {
  const subject = (): string => describe(path, schema.title);
  if (value === null) {
    const what = expected.startsWith('array')
      ? 'các mục bên dưới, mỗi mục một dòng bắt đầu bằng `- `'
      : expected.startsWith('object')
        ? 'các khóa con thụt vào bên dưới'
        : 'giá trị sau dấu hai chấm';
    return said('schema-empty', 'value', wording && `${sentence(subject())} chưa có giá trị: hãy viết ${what}.`);
  }
  // Quoting `20220315` would still not be a date: say the form to write instead.
  if (
    expected.startsWith('string') &&
    typeof value === 'number' &&
    (schema.pattern === DATE_PATTERN || schema.pattern === DUE_PATTERN)
  ) {
    return patternIssue(path, subject, value, schema.pattern, wording);
  }
  return said('schema-type', 'value', wording && typeMessage(path, subject(), lastKey(path), expected, value, schema));
}

function typeMessage(
  path: IssuePath,
  subject: string,
  key: string,
  expected: string,
  value: unknown,
  schema: PropertySchema,
): string {
  const head = sentence(subject);
  if (expected.startsWith('string')) {
    if (typeof value === 'number' || typeof value === 'boolean')
      return textExpectedMessage(subject, path, String(value));
    if (Array.isArray(value))
      return `${head} cần một đoạn văn bản, không phải một danh sách: hãy viết nội dung ngay sau dấu hai chấm, bỏ các dấu \`- \`.`;
    return `${head} cần một đoạn văn bản, không phải một nhóm khóa con: nếu nội dung có dấu hai chấm và dấu cách (\`: \`), hãy đặt cả đoạn trong dấu ngoặc kép.`;
  }
  if (expected === 'integer') {
    const example = schema.examples?.[0] ?? 1;
    if (typeof value === 'string' && /^\s*\d+\s*$/u.test(value)) {
      return `${head} cần một số nguyên, không phải văn bản: ${UNQUOTE_HINT}, viết \`${key}: ${value.trim().replace(/^0+(?=\d)/u, '')}\`.`;
    }
    if (typeof value === 'number') {
      return `${head} cần một số nguyên, không có phần thập phân: ví dụ \`${key}: ${String(example)}\`.`;
    }
    return `${head} cần một số nguyên, ví dụ \`${key}: ${String(example)}\`, không phải ${describeValue(value)}.`;
  }
  if (expected === 'boolean') {
    return `${head} chỉ nhận \`true\` (có) hoặc \`false\` (không), không phải ${describeValue(value)}.`;
  }
  if (expected === 'array') {
    return `${head} cần một danh sách, không phải ${describeValue(value)}: viết \`${key}:\` rồi mỗi mục trên một dòng riêng, thụt vào và bắt đầu bằng \`- \`.`;
  }
  const keys = Object.keys(schema.properties ?? {})
    .slice(0, 3)
    .map((k) => `\`${k}: …\``)
    .join(', ');
  return `${head} cần các khóa con thụt vào bên dưới \`${key}:\` (${keys}), không phải ${describeValue(value)}.`;
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
export function withStrTag(message: string, quoted: boolean, tag = '!!str'): string {
  // A local tag (`!foo`), which YAML does not know, also leaves the value as it is written: text.
  const why =
    tag === '!!str' ? `thẻ \`${tag}\` bắt YAML đọc nó là văn bản` : `thẻ lạ \`${tag}\` làm YAML đọc nó là văn bản`;
  return message
    .replace(UNQUOTE_HINT, quoted ? `hãy xóa thẻ \`${tag}\` và bỏ dấu ngoặc kép` : `hãy xóa thẻ \`${tag}\``)
    .replace('không phải văn bản', `không phải văn bản (${why})`);
}

/** Put the value as typed (`0123`) where a message built from the data says `123`. */
export function withLiteral(message: string, value: string, literal: string): string {
  if (literal === value || literal === '') return message;
  return message.split(`\`${value}\``).join(`\`${literal}\``).split(`"${value}"`).join(`"${literal}"`);
}

function patternIssue(path: IssuePath, subject: () => string, value: unknown, pattern: string, wording: boolean): Said {
  if (pattern === DATE_PATTERN || pattern === DUE_PATTERN) {
    return said(
      'schema-format',
      'value',
      wording && formatMessage(sentence(subject()), lastKey(path), String(value), pattern),
    );
  }
  return said(
    'schema-empty',
    'value',
    wording && `${sentence(subject())} đang để trống: hãy viết nội dung cho mục này.`,
  );
}

function formatMessage(head: string, key: string, text: string, pattern: string): string {
  if (pattern === DATE_PATTERN) {
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(text.trim());
    const compact = /^(\d{4})(\d{2})(\d{2})$/u.exec(text.trim());
    const fix = dmy
      ? `${dmy[3]}-${pad(dmy[2])}-${pad(dmy[1])}`
      : compact
        ? `${compact[1]}-${compact[2]}-${compact[3]}`
        : '2022-03-15';
    return `${head} \`${text}\` phải viết theo dạng năm-tháng-ngày (YYYY-MM-DD): \`${key}: ${fix}\`.`;
  }
  const dm = /^(\d{1,2})[/.-](\d{1,2})$/u.exec(text.trim()) ?? /^(\d{2})(\d{2})$/u.exec(text.trim());
  const fix = dm ? `${pad(dm[1])}/${pad(dm[2])}` : '15/11';
  return `${head} \`${text}\` phải viết theo dạng ngày/tháng, mỗi phần hai chữ số: \`${key}: ${fix}\`.`;
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
  // A null key (`~: 1`, `: 1`, `? ` alone) or `"": 1`: two backticks around nothing named nothing.
  if (extra === '')
    return `Khóa không có tên (để trống, \`~\` hoặc \`null\`) không có trong định dạng kế hoạch: hãy xóa dòng này, hoặc viết trước dấu \`:\` một trong các khóa ${listed}.`;
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

/**
 * ajv's instancePaths as keys and indexes (indexes only where the data holds an array); an unknown
 * key's path goes on to the key. The path to each parent is kept: a list of 90,000 wrong items
 * has 90,000 errors under one parent.
 */
class PathCache {
  readonly #data: unknown;
  readonly #parents = new Map<string, { path: IssuePath; node: unknown }>();

  constructor(data: unknown) {
    this.#data = data;
  }

  of(error: ErrorObject): IssuePath {
    const pointer = error.instancePath;
    const extra = error.keyword === 'additionalProperties' ? String(error.params['additionalProperty']) : undefined;
    if (pointer === '') return extra === undefined ? [] : [extra];
    const slash = pointer.lastIndexOf('/');
    const parentPointer = pointer.slice(0, slash);
    let parent = this.#parents.get(parentPointer);
    if (parent === undefined) {
      parent = { path: [], node: this.#data };
      if (slash > 0) for (const raw of parentPointer.slice(1).split('/')) parent = stepInto(parent, raw);
      this.#parents.set(parentPointer, parent);
    }
    const raw = pointer.slice(slash + 1);
    const key = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    const step = Array.isArray(parent.node) ? Number(key) : key;
    return extra === undefined ? [...parent.path, step] : [...parent.path, step, extra];
  }
}

function stepInto(parent: { path: IssuePath; node: unknown }, raw: string): { path: IssuePath; node: unknown } {
  const key = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
  const { path, node } = parent;
  if (Array.isArray(node)) {
    const index = Number(key);
    return { path: [...path, index], node: node[index] };
  }
  const child = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return { path: [...path, key], node: child };
}
