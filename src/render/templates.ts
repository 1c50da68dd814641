// Loading, checking and running the Handlebars templates that hold the wording of a plan.
// Templates are compiled once per kind (a worker does it once) and checked against sample plans,
// so that a broken override fails before the first plan, naming its file and line.
import { readdir, realpath, stat } from 'node:fs/promises';
import { ioReason } from '../io/errno.js';
import { readLimited } from '../io/read.js';
import { createRequire } from 'node:module';
import * as handlebarsRuntime from 'handlebars/runtime.js';
import { join } from 'node:path';
import { UserError, isUserError } from '../errors.js';
import { packagePath } from '../io/paths.js';
import { firstInvalidUtf8 } from '../plan/decode.js';
import { GROUP_KEYS, KINDS, type GroupKey, type Kind, type Plan } from '../plan/types.js';
import { HELPERS, HELPER_NAMES } from './helpers.js';
import { MarkupError, parseMarkup, type Line } from './markup.js';
import { BARE_SAMPLE, FULL_SAMPLE } from './sample.js';
import { buildView, type View } from './view.js';

export const TEMPLATE_NAMES = [
  'title',
  'opening',
  'purposes',
  'tasks',
  'funding',
  'implementation',
  'groups',
  'appendix',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The table columns of the appendix, in the order the renderer fills them. */
export const APPENDIX_COLUMN_COUNT = 6;

interface Compiled {
  readonly path: string;
  readonly source: string;
  readonly run: (view: View) => string;
}

/** The compiled templates of one kind. */
export interface TemplateSet {
  readonly kind: Kind;
  readonly files: Readonly<Record<TemplateName, Compiled>>;
}

// handlebars is CommonJS with `export =`; without esModuleInterop only require() types it.
type HandlebarsEnv = typeof import('handlebars');
const requireHere = createRequire(import.meta.url);

/**
 * Characters one template may write for one plan (about 50 MB of text). A plan's own text is at
 * most a few MB; nested {{#each}} over whole lists multiplies it (500 × 500 × … tasks) and once
 * grew to 2.6 GB before failing. Counted at every {{#each}} level, as the output is assembled.
 */
export const MAX_TEMPLATE_OUTPUT = 50_000_000;

class OutputTooLarge extends Error {
  constructor(readonly line: number | undefined) {
    super('template output too large');
  }
}

let written = 0;

function setUp(env: HandlebarsEnv): HandlebarsEnv {
  env.unregisterHelper('log');
  for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);
  const builtinEach = env.helpers['each'] as (
    this: unknown,
    context: unknown,
    options: Handlebars.HelperOptions,
  ) => string;
  env.registerHelper('each', function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Handlebars.HelperOptions & { loc?: AstNode['loc'] };
    // Without its list, the built-in each raises its own error, which explain() words.
    if (args.length !== 2) return builtinEach.apply(this, args as [unknown, Handlebars.HelperOptions]);
    const fn = options.fn;
    const counted = Object.assign(Object.create(options) as typeof options, {
      fn: (item: unknown, itemOptions?: Handlebars.RuntimeOptions) => {
        const out = fn(item, itemOptions);
        written += out.length;
        if (written > MAX_TEMPLATE_OUTPUT) throw new OutputTooLarge(options.loc?.start.line);
        return out;
      },
    });
    return builtinEach.call(this, args[0], counted);
  });
  return env;
}

let compilerEnv: HandlebarsEnv | undefined;
let runtimeEnv: HandlebarsEnv | undefined;

/** Handlebars with its compiler: for templates not precompiled (overrides) and for error messages. */
function hbCompiler(): HandlebarsEnv {
  return (compilerEnv ??= setUp((requireHere('handlebars') as HandlebarsEnv).create()));
}

/**
 * Handlebars' runtime alone (no parser, no code generator): enough for precompiled templates.
 * Imported, so the bundle holds it; the compiler is required only when a template needs it.
 */
function hbRuntime(): HandlebarsEnv {
  // A CommonJS `export =` module: its exports are the namespace's default.
  return (runtimeEnv ??= setUp((handlebarsRuntime as unknown as { default: HandlebarsEnv }).default.create()));
}

const COMPILE_OPTIONS: CompileOptions = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: { ...Object.fromEntries(HELPER_NAMES.map((n) => [n, true])), log: false },
};

// Names that lead out of the data into JavaScript's objects. Handlebars already refuses them at
// run time (it prints nothing); refusing them at load time tells the author instead.
const FORBIDDEN = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__proto__']);
// What a list, a text or a number inherits (`bases.map`, `title.trim`): not plan fields either.
// `length` is the list's or the text's own, and stays readable.
const INHERITED = new Set(
  [Array.prototype, String.prototype, Number.prototype, Boolean.prototype]
    .flatMap((proto) => Object.getOwnPropertyNames(proto))
    .filter((name) => name !== 'length' && !FORBIDDEN.has(name)),
);
// A name reached at run time anyway (through `lookup` and a value from the plan) is refused
// without Handlebars printing its English warning to the console: an explicit default of `false`
// refuses every inherited name silently, where the implicit default logs. (Allow-lists of the
// names did the same, but Handlebars copies them at every call, ten calls a plan.)
const RUNTIME_OPTIONS: RuntimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

const BUILTIN_ROOT = packagePath('templates');

function fail(path: string, line: number | undefined, message: string): UserError {
  return new UserError(`Mẫu ${path}${line === undefined ? '' : `, dòng ${line}`}: ${message}`, 1);
}

interface AstNode {
  type?: string;
  original?: unknown;
  value?: unknown;
  loc?: { start: { line: number; column: number } };
}

function walk(node: unknown, visit: (n: AstNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (node !== null && typeof node === 'object') {
    const n = node as AstNode;
    if (typeof n.type === 'string') visit(n);
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') walk(value, visit);
  }
}

function checkAst(path: string, ast: unknown): void {
  walk(ast, (node) => {
    const line = node.loc?.start.line;
    if (node.type === 'PathExpression' && typeof node.original === 'string') {
      const parts = node.original.split(/[./]/);
      const bad = parts.find((part) => FORBIDDEN.has(part)) ?? parts.slice(1).find((part) => INHERITED.has(part));
      if (bad !== undefined) {
        throw fail(
          path,
          line,
          `không được dùng «${bad}»: mẫu chỉ đọc được các trường của kế hoạch (xem templates/README.md).`,
        );
      }
    }
    if (node.type === 'StringLiteral' && typeof node.value === 'string' && FORBIDDEN.has(node.value)) {
      throw fail(path, line, `không được dùng «${node.value}»: mẫu chỉ đọc được các trường của kế hoạch.`);
    }
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      throw fail(path, line, 'mẫu không dùng partial ({{> …}}); viết thẳng nội dung vào tệp.');
    }
  });
}

/** The full path (`a.b`) of the expression at a line and column, for a clearer message. */
function pathAt(ast: unknown, line: number, column: number): string | undefined {
  let found: string | undefined;
  walk(ast, (node) => {
    if (node.type === 'PathExpression' && node.loc?.start.line === line && node.loc.start.column === column) {
      found = typeof node.original === 'string' ? node.original : undefined;
    }
  });
  return found;
}

function explain(path: string, source: string, error: unknown, view?: View): UserError {
  if (isUserError(error)) return error;
  if (error instanceof OutputTooLarge || error instanceof RangeError) {
    const line = error instanceof OutputTooLarge ? error.line : undefined;
    return fail(
      path,
      line,
      `mẫu sinh ra quá ${formatSize(MAX_TEMPLATE_OUTPUT)} ký tự cho một kế hoạch, giới hạn để không làm treo máy: thường do các khối {{#each}} lồng nhau lặp lại cả danh sách; hãy kiểm tra các khối {{#each}} ở đây.`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  const parse = /^Parse error on line (\d+):\n([\s\S]*)$/.exec(message);
  if (parse) {
    const hint = /got 'EOF'/.test(parse[2] ?? '')
      ? 'tệp đã hết mà còn khối chưa đóng: thêm {{/…}} cho mỗi {{#…}}.'
      : 'kiểm tra dấu {{ }} và các cặp {{#…}} … {{/…}}.';
    return fail(path, Number(parse[1]), `lỗi cú pháp Handlebars, ${hint}\n${parse[2]}`);
  }
  const located = /^([\s\S]*) - (\d+):(\d+)$/.exec(message);
  const detail = located?.[1] ?? message;
  const line = located ? Number(located[2]) : undefined;
  const helper = /unknown helper (\S+)/.exec(detail);
  if (helper) {
    return fail(
      path,
      line,
      `không có hàm «${helper[1]}». Dùng được: if, unless, each, with, lookup, ${HELPER_NAMES.join(', ')}.`,
    );
  }
  const missing = /^"([^"]+)" not defined in/.exec(detail);
  if (missing && located) {
    let ast: unknown;
    try {
      ast = hbCompiler().parse(source);
    } catch {
      ast = undefined;
    }
    const name = pathAt(ast, Number(located[2]), Number(located[3])) ?? missing[1];
    return fail(path, line, `không có trường «${name}». Các trường dùng được liệt kê trong templates/README.md.`);
  }
  const mismatch = /^(\S+) doesn't match (\S+)$/.exec(detail);
  if (mismatch) {
    return fail(
      path,
      line,
      `khối {{#${mismatch[1]}}} mở ở dòng này lại được đóng bằng {{/${mismatch[2]}}}; đóng nó bằng {{/${mismatch[1]}}}.`,
    );
  }
  // Errors raised while running carry no line: find the statement that raises it on its own.
  const where = line ?? (view === undefined ? undefined : failingLine(source, view));
  return fail(path, where, runtimeMessage(detail));
}

/** Handlebars' and JavaScript's run-time messages, said in Vietnamese (never passed on in English). */
function runtimeMessage(detail: string): string {
  const notObject = /^Cannot use 'in' operator to search for '([^']*)' in /.exec(detail);
  if (notObject)
    return `«${notObject[1]}» được đọc từ một giá trị là chữ hoặc số, không phải một nhóm trường: hãy bỏ «.${notObject[1]}», hoặc xem tên trường đúng trong templates/README.md.`;
  const argument = /^#(\w+) requires exactly one argument/.exec(detail);
  if (argument)
    return `khối {{#${argument[1]}}} cần đúng một trường, ví dụ {{#${argument[1]} document.date}} … {{/${argument[1]}}}.`;
  if (/^Must pass iterator to #each/.test(detail))
    return 'khối {{#each}} cần một danh sách để lặp, ví dụ {{#each bases}} … {{/each}}.';
  if (/^Cannot read properties of (undefined|null)/.test(detail) || /is not a function/.test(detail)) {
    return 'một hàm hay khối ở đây thiếu tham số hoặc được gọi sai cách (ví dụ {{lookup}} cần một nhóm và một tên: {{lookup agency "name"}}); xem cách viết trong templates/README.md.';
  }
  // Our own helpers already speak Vietnamese.
  if (/[ăâđêôơư]/u.test(detail)) return detail;
  return 'mẫu gặp lỗi khi chạy với dữ liệu của kế hoạch; hãy kiểm tra các trường và khối ở đây theo templates/README.md.';
}

interface Statement {
  type: string;
  loc?: { start: { line: number } };
  program?: { body: Statement[] };
  inverse?: { body: Statement[] };
}

/**
 * The line of the innermost statement that fails on its own with this view: each top-level
 * statement is run alone, then, inside a failing block, each of its statements within the block.
 */
function failingLine(source: string, view: View): number | undefined {
  let ast: { body: Statement[] };
  try {
    ast = hbCompiler().parse(source) as unknown as { body: Statement[] };
  } catch {
    return undefined;
  }
  const fails = (program: unknown): boolean => {
    written = 0;
    try {
      hbCompiler().compile(program as hbs.AST.Program, COMPILE_OPTIONS)(view, RUNTIME_OPTIONS);
      return false;
    } catch {
      return true;
    }
  };
  const narrow = (body: Statement[], wrap: (body: Statement[]) => unknown): number | undefined => {
    for (const statement of body) {
      if (!fails(wrap([statement]))) continue;
      const line = statement.loc?.start.line;
      for (const branch of ['program', 'inverse'] as const) {
        const inner = statement[branch];
        if (inner === undefined) continue;
        const found = narrow(inner.body, (b) => wrap([{ ...statement, [branch]: { ...inner, body: b } }]));
        if (found !== undefined) return found;
      }
      return line;
    }
    return undefined;
  };
  return narrow(ast.body, (body) => ({ ...ast, body }));
}

function formatSize(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A template precompiled by `npm run build`: its source, to know it is still the file's. */
interface Precompiled {
  source: string;
  spec: TemplateSpecification;
}
type PrecompiledSets = Partial<Record<Kind, Partial<Record<TemplateName, Precompiled>>>>;

/** Where `npm run build` writes the built-in templates as Handlebars' precompiled code. */
export const PRECOMPILED_FILE = packagePath('dist', 'render', 'templates-data.cjs');

let precompiled: Promise<PrecompiledSets> | undefined;

// Required, as the code must be evaluated: CommonJS, so that the ES module build and the command
// bundles (dist/commands/*.cjs, which cannot import) load it alike. A tree that was not built
// compiles every template.
function loadPrecompiled(): Promise<PrecompiledSets> {
  precompiled ??= new Promise<PrecompiledSets>((resolve) => {
    try {
      resolve(requireHere(PRECOMPILED_FILE) as PrecompiledSets);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
      resolve({});
    }
  });
  return precompiled;
}

/**
 * The module text of dist/render/templates-data.cjs: every built-in template checked as an override
 * would be (syntax, forbidden names, the sample plans), then precompiled with the same options.
 */
export async function precompiledModule(): Promise<string> {
  const sets: Record<string, Record<string, string>> = {};
  for (const kind of KINDS) {
    const set = await loadSet(kind, undefined, false);
    sets[kind] = Object.fromEntries(
      TEMPLATE_NAMES.map((name) => {
        const { source } = set.files[name];
        const spec = hbCompiler().precompile(source, COMPILE_OPTIONS) as unknown as string;
        return [name, `{ source: ${JSON.stringify(source)}, spec: ${spec} }`];
      }),
    );
  }
  const body = Object.entries(sets)
    .map(
      ([kind, files]) =>
        `  ${JSON.stringify(kind)}: {\n${Object.entries(files)
          .map(([n, f]) => `    ${JSON.stringify(n)}: ${f},`)
          .join('\n')}\n  },`,
    )
    .join('\n');
  return `// Generated from templates/ by scripts/templates-data.mjs (npm run build): edit the templates.\nmodule.exports = {\n${body}\n};\n`;
}

function compile(path: string, source: string, ready?: Precompiled): Compiled {
  let template: HandlebarsTemplateDelegate;
  if (ready !== undefined && ready.source === source) {
    template = hbRuntime().template(ready.spec);
  } else {
    let ast: unknown;
    try {
      ast = hbCompiler().parse(source);
    } catch (error) {
      throw explain(path, source, error);
    }
    checkAst(path, ast);
    template = hbCompiler().compile(source, COMPILE_OPTIONS);
  }
  return {
    path,
    source,
    run: (view) => {
      written = 0;
      try {
        return template(view, RUNTIME_OPTIONS);
      } catch (error) {
        throw explain(path, source, error, view);
      }
    },
  };
}

/** The source line that produced a bad output line: the first that starts with its @style. */
function sourceLine(source: string, error: MarkupError): number | undefined {
  if (error.style === undefined) return undefined;
  const index = source.split('\n').findIndex((l) => l.trimStart().startsWith(`@${error.style}`));
  return index < 0 ? undefined : index + 1;
}

export function renderLines(set: TemplateSet, name: TemplateName, view: View): Line[] {
  const file = set.files[name];
  const output = file.run(view);
  try {
    return parseMarkup(output);
  } catch (error) {
    if (error instanceof MarkupError) throw fail(file.path, sourceLine(file.source, error), error.message);
    throw error;
  }
}

/** groups.hbs: one `key: label` line per task group. Labels stay in escaped markup form. */
export function renderGroupLabels(set: TemplateSet, view: View): Record<GroupKey, string> {
  const file = set.files.groups;
  const labels = {} as Record<GroupKey, string>;
  for (const raw of file.run(view).split('\n')) {
    if (raw.trim() === '') continue;
    const match = /^\s*([a-z]+)\s*:\s*(.*?)\s*$/.exec(raw);
    const key = match?.[1];
    if (match === null || key === undefined || !(GROUP_KEYS as readonly string[]).includes(key)) {
      throw fail(
        file.path,
        undefined,
        `dòng «${raw.trim()}» phải có dạng «nhóm: tên nhóm», với nhóm là một trong ${GROUP_KEYS.join(', ')}.`,
      );
    }
    if ((match[2] ?? '') === '') throw fail(file.path, undefined, `nhóm ${key} chưa có tên.`);
    labels[key as GroupKey] = match[2] ?? '';
  }
  const missing = GROUP_KEYS.filter((k) => labels[k] === undefined);
  if (missing.length > 0) throw fail(file.path, undefined, `thiếu tên của nhóm: ${missing.join(', ')}.`);
  return labels;
}

/** Everything a plan needs from the templates: the labels, then the lines of each part. */
export function runTemplates(set: TemplateSet, plan: Plan): { view: View; parts: Record<TemplateName, Line[]> } {
  const labels = renderGroupLabels(set, buildView(plan));
  const view = buildView(plan, labels);
  const parts = {} as Record<TemplateName, Line[]>;
  for (const name of TEMPLATE_NAMES) if (name !== 'groups') parts[name] = renderLines(set, name, view);
  parts.groups = [];
  const columns = parts.appendix.filter((l) => l.kind === 'columns');
  if (columns.length !== 1 || columns[0]?.kind !== 'columns' || columns[0].cells.length !== APPENDIX_COLUMN_COUNT) {
    throw fail(
      set.files.appendix.path,
      undefined,
      `cần đúng một dòng @columns với ${APPENDIX_COLUMN_COUNT} cột ngăn bởi | (STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | Sản phẩm).`,
    );
  }
  for (const name of TEMPLATE_NAMES) {
    if (name !== 'appendix' && parts[name].some((l) => l.kind === 'columns')) {
      throw fail(set.files[name].path, undefined, '@columns chỉ dùng được trong appendix.hbs.');
    }
  }
  return { view, parts };
}

async function listOverrides(dir: string): Promise<Map<TemplateName, string>> {
  const found = new Map<TemplateName, string>();
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.name.endsWith('.hbs')) continue;
    // A link is followed to what it points at (a shared folder of templates is often linked in);
    // a link that leads nowhere, or to a folder, is an error rather than a silent default.
    if (entry.isSymbolicLink()) {
      const target = await linkTarget(join(dir, entry.name));
      if (target !== 'file') {
        throw new UserError(
          target === 'missing'
            ? `Mẫu ${join(dir, entry.name)}: là liên kết tới một tệp không tồn tại; hãy sửa liên kết, hoặc chép tệp mẫu vào thư mục.`
            : `Mẫu ${join(dir, entry.name)}: là liên kết tới một thư mục hay thứ không phải tệp thường, không phải tệp .hbs.`,
          1,
        );
      }
    } else if (entry.isDirectory()) continue;
    else if (!entry.isFile()) {
      // A FIFO or device named like a template would hang the build or feed it garbage.
      throw new UserError(
        `Mẫu ${join(dir, entry.name)}: không phải tệp thường (là thiết bị, FIFO hay socket); hãy thay bằng một tệp .hbs.`,
        2,
      );
    }
    const name = entry.name.slice(0, -'.hbs'.length);
    if (!(TEMPLATE_NAMES as readonly string[]).includes(name)) {
      throw new UserError(
        `Mẫu ${join(dir, entry.name)}: không có mẫu nào tên «${entry.name}». Các tên mẫu: ${TEMPLATE_NAMES.map((n) => `${n}.hbs`).join(', ')}.`,
        1,
      );
    }
    found.set(name as TemplateName, join(dir, entry.name));
  }
  return found;
}

async function linkTarget(path: string): Promise<'file' | 'other' | 'missing'> {
  try {
    return (await stat(await realpath(path))).isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** A template is a page of wording; anything far larger is not one (and is not read whole). */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/**
 * Reads templates/<kind>/*.hbs from the package, then the user's overrides: `<overrideDir>/*.hbs`
 * for every kind and `<overrideDir>/<kind>/*.hbs` for this kind only (the latter wins). Throws a
 * UserError (exit 1) naming the file and line when an override is broken, exit 2 when the folder
 * cannot be read.
 */
export function loadTemplates(kind: Kind, overrideDir?: string): Promise<TemplateSet> {
  return loadSet(kind, overrideDir, true);
}

async function loadSet(kind: Kind, overrideDir: string | undefined, usePrecompiled: boolean): Promise<TemplateSet> {
  const ready = usePrecompiled ? ((await loadPrecompiled())[kind] ?? {}) : {};
  const paths = new Map<TemplateName, string>();
  for (const name of TEMPLATE_NAMES) paths.set(name, join(BUILTIN_ROOT, kind, `${name}.hbs`));
  if (overrideDir !== undefined) {
    if (!(await isDirectory(overrideDir))) {
      throw new UserError(
        `Không đọc được thư mục mẫu ${overrideDir}. Ghi đường dẫn tới một thư mục chứa các tệp .hbs.`,
        2,
      );
    }
    for (const [name, path] of await listOverrides(overrideDir)) paths.set(name, path);
    const own = join(overrideDir, kind);
    if (await isDirectory(own)) for (const [name, path] of await listOverrides(own)) paths.set(name, path);
  }
  const files = {} as Record<TemplateName, Compiled>;
  let allPrecompiled = true;
  for (const name of TEMPLATE_NAMES) {
    const path = paths.get(name) ?? '';
    let bytes: Uint8Array;
    try {
      const read = await readLimited(path, MAX_TEMPLATE_BYTES);
      if ('tooLarge' in read)
        throw new UserError(
          `Tệp mẫu ${path} nặng hơn ${MAX_TEMPLATE_BYTES / 1024} KB, quá lớn cho một mẫu lời văn. Kiểm tra lại đúng tệp .hbs chưa.`,
          2,
        );
      bytes = read.bytes;
    } catch (error) {
      if (isUserError(error)) throw error;
      throw new UserError(`Không đọc được tệp mẫu ${path}: ${ioReason(error)}.`, 2);
    }
    const source = decodeTemplate(path, bytes);
    // Only the shipped file, unchanged since the build, runs the code precompiled from it.
    const precompiledHere = path === join(BUILTIN_ROOT, kind, `${name}.hbs`) ? ready[name] : undefined;
    if (precompiledHere?.source !== source) allPrecompiled = false;
    files[name] = compile(path, source, precompiledHere);
  }
  const set: TemplateSet = { kind, files };
  // The build ran the built-in templates on the samples already (precompiledModule).
  if (!allPrecompiled) for (const sample of samplesFor(kind)) runTemplates(set, sample);
  return set;
}

/** UTF-8 only: another encoding would print U+FFFD in place of every Vietnamese letter. */
function decodeTemplate(path: string, bytes: Uint8Array): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const line = bytes.subarray(0, bad).filter((b) => b === 0x0a).length + 1;
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    throw fail(
      path,
      line,
      `tệp mẫu không phải văn bản UTF-8 (byte 0x${byte} không đọc được): hãy mở tệp và lưu lại với bảng mã UTF-8 (Unicode), rồi chạy lại.`,
    );
  }
  return new TextDecoder('utf-8').decode(bytes).normalize('NFC');
}

function samplesFor(kind: Kind): Plan[] {
  const variants: Plan[] = [
    FULL_SAMPLE,
    BARE_SAMPLE,
    {
      ...FULL_SAMPLE,
      reporting: { ...FULL_SAMPLE.reporting, frequency: 'annual' },
      appendix: false,
      signer: { capacity: 'TM', body: 'Ủy ban nhân dân', title: 'Chủ tịch' },
    },
    { ...BARE_SAMPLE, appendix: true },
  ];
  return variants.map((plan) => ({ ...plan, kind }));
}
