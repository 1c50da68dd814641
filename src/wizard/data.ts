// The wizard's suggestions live in templates/data/*.yaml so that agency names, symbols and task
// wording can change (they did in 2025) without a release. A user folder given with --templates
// may hold data/agencies.yaml and data/suggestions.yaml; they are merged over the shipped ones.
import { errnoCode, ioReason } from '../io/errno.js';
import { readLimited } from '../io/read.js';
import { MAX_PLAN_BYTES, tooLargeProblem } from '../plan/decode.js';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { aliasedToJS } from '../plan/anchors.js';
import { countLines, selfAliasMessage } from '../plan/parse-yaml.js';
import { UserError, isUserError } from '../errors.js';
import { sortProblems } from '../plan/problem.js';
import { yamlProblems } from '../plan/yaml-problems.js';
import { packagePath } from '../io/paths.js';
import {
  CAPACITIES,
  FREQUENCIES,
  GROUP_KEYS,
  PILLARS,
  SECTORS,
  type Capacity,
  type Frequency,
  type GroupKey,
  type Pillar,
  type Sector,
  type Signer,
  type Task,
} from '../plan/types.js';
import { normalizeDeep } from '../text/nfc.js';

export interface AgencyEntry {
  name: string;
  short: string;
  place: string;
  /** The territory as running text names it ("tỉnh Quảng Trị"); a ministry's own name. */
  area: string;
  /** How the locality calls itself ("tỉnh", "thành phố"). */
  level: string;
  party: string;
  /** How a ministry calls itself ("Bộ", "Ngân hàng Nhà nước"). */
  self: string;
  border: boolean;
  units: Record<string, string>;
  signer: Partial<Signer>;
  reportTo?: string[];
  /** Provinces merged into this one in 2025 ("tỉnh Quảng Bình"): clerks still search by them. */
  former?: string[];
}

export interface SectorDefaults {
  signer: Signer;
  archive: string;
  units: Record<string, string>;
}

export interface TaskSuggestion extends Task {
  /** Offered only to provinces with an international border. */
  when?: 'border';
}

export interface DutySuggestions {
  units: Record<string, string[]>;
  other: string[];
  all: { agency: string; duties: string[] };
}

export interface WizardData {
  sectors: Record<Sector, SectorDefaults>;
  agencies: Record<Sector, AgencyEntry[]>;
  bases: string[];
  title: Record<Sector, string>;
  purposes: Record<Sector, string[]>;
  requirements: Record<Sector, string[]>;
  groups: Record<GroupKey, { guidance: string; tasks: Record<Sector, TaskSuggestion[]> }>;
  funding: Record<Sector, string[]>;
  duties: Record<Sector, DutySuggestions>;
  /** `to`: where reports go by default; `also`: other real recipients offered, never preset. */
  reporting: Record<Sector, { frequency: Frequency; due: string; to: string[]; also: string[] }>;
  recipients: Record<Sector, string[]>;
}

/** Placeholders every text may use besides the unit names. */
export const FIXED_PLACEHOLDERS = [
  'agency',
  'short',
  'place',
  'area',
  'level',
  'party',
  'self',
  'kind',
  'year',
  'head',
  'deputy',
  'lead',
  'report',
];

type Json = Record<string, unknown>;

class Reader {
  constructor(private readonly file: string) {}

  fail(where: string, what: string): never {
    throw new UserError(`${this.file}: ${where} ${what}. Sửa tệp này (hoặc bỏ tệp ghi đè) rồi chạy lại.`, 2);
  }
  object(value: unknown, where: string): Json {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      this.fail(where, 'phải là một bảng khóa: giá trị');
    return value as Json;
  }
  text(value: unknown, where: string): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(where, 'phải là một đoạn chữ không rỗng');
    return value.trim();
  }
  optionalText(value: unknown, where: string): string | undefined {
    return value === undefined || value === null ? undefined : this.text(value, where);
  }
  texts(value: unknown, where: string): string[] {
    if (!Array.isArray(value) || value.length === 0) this.fail(where, 'phải là một danh sách không rỗng');
    return value.map((item, i) => this.text(item, `${where}[${i}]`));
  }
  oneOf<T extends string>(value: unknown, allowed: readonly string[], where: string): T {
    if (typeof value !== 'string' || !allowed.includes(value))
      this.fail(where, `phải là một trong: ${allowed.join(', ')}`);
    return value as T;
  }
  textMap(value: unknown, where: string): Record<string, string> {
    if (value === undefined || value === null) return {};
    const map = this.object(value, where);
    return Object.fromEntries(Object.entries(map).map(([key, item]) => [key, this.text(item, `${where}.${key}`)]));
  }
  bySector<T>(value: unknown, where: string, read: (item: unknown, where: string) => T): Record<Sector, T> {
    const map = this.object(value, where);
    return {
      locality: read(map['locality'], `${where}.locality`),
      ministry: read(map['ministry'], `${where}.ministry`),
    };
  }
}

function readSigner(r: Reader, value: unknown, where: string): Partial<Signer> {
  if (value === undefined || value === null) return {};
  const map = r.object(value, where);
  const signer: Partial<Signer> = {};
  if (map['capacity'] !== undefined)
    signer.capacity = r.oneOf<Capacity>(map['capacity'], CAPACITIES, `${where}.capacity`);
  for (const key of ['body', 'head', 'title', 'name'] as const) {
    const text = r.optionalText(map[key], `${where}.${key}`);
    if (text !== undefined) signer[key] = text;
  }
  return signer;
}

function readAgency(r: Reader, value: unknown, where: string, sector: Sector): AgencyEntry {
  const map = r.object(value, where);
  const name = r.text(map['name'], `${where}.name`);
  const level = r.optionalText(map['level'], `${where}.level`) ?? 'tỉnh';
  const reportTo = map['report_to'] === undefined ? undefined : r.texts(map['report_to'], `${where}.report_to`);
  const former = map['former'] === undefined ? undefined : r.texts(map['former'], `${where}.former`);
  return {
    name,
    short: r.text(map['short'], `${where}.short`),
    place: r.text(map['place'], `${where}.place`),
    area: r.optionalText(map['area'], `${where}.area`) ?? name,
    level,
    party: r.optionalText(map['party'], `${where}.party`) ?? (level === 'tỉnh' ? 'Tỉnh ủy' : 'Thành ủy'),
    self: r.optionalText(map['self'], `${where}.self`) ?? (sector === 'ministry' ? 'Bộ' : name),
    border: map['border'] === true,
    units: r.textMap(map['units'], `${where}.units`),
    signer: readSigner(r, map['signer'], `${where}.signer`),
    ...(reportTo ? { reportTo } : {}),
    ...(former ? { former } : {}),
  };
}

function readTask(r: Reader, value: unknown, where: string, group: GroupKey): TaskSuggestion {
  const map = r.object(value, where);
  const task: TaskSuggestion = {
    content: r.text(map['content'], `${where}.content`),
    lead: r.text(map['lead'], `${where}.lead`),
  };
  if (map['partners'] !== undefined) task.partners = r.texts(map['partners'], `${where}.partners`);
  const period = r.optionalText(map['period'], `${where}.period`);
  if (period !== undefined) task.period = period;
  const output = r.optionalText(map['output'], `${where}.output`);
  if (output !== undefined) task.output = output;
  if (group === 'pillars') task.pillar = r.oneOf<Pillar>(map['pillar'], PILLARS, `${where}.pillar`);
  if (map['when'] !== undefined) task.when = r.oneOf<'border'>(map['when'], ['border'], `${where}.when`);
  return task;
}

/** Objects merge key by key; lists and texts replace; agencies merge by name. */
function merge(base: unknown, over: unknown, path: string): unknown {
  if (over === undefined) return base;
  if ((path === 'localities' || path === 'ministries') && Array.isArray(base) && Array.isArray(over)) {
    const out = [...base] as Json[];
    for (const entry of over as Json[]) {
      const at = out.findIndex((e) => e?.['name'] === entry?.['name']);
      if (at === -1) out.push(entry);
      else out[at] = entry;
    }
    return out;
  }
  if (
    base &&
    over &&
    typeof base === 'object' &&
    typeof over === 'object' &&
    !Array.isArray(base) &&
    !Array.isArray(over)
  ) {
    const out: Json = { ...(base as Json) };
    for (const [key, value] of Object.entries(over as Json))
      out[key] = merge(out[key], value, path === '' ? key : `${path}.${key}`);
    return out;
  }
  return over;
}

async function readYaml(file: string, optional: boolean): Promise<unknown> {
  let text: string;
  try {
    const read = await readLimited(file, MAX_PLAN_BYTES);
    if ('tooLarge' in read) throw new UserError(`Không đọc được ${file}: ${tooLargeProblem(read.tooLarge).message}`, 2);
    text = Buffer.from(read.bytes).toString('utf8');
  } catch (error) {
    if (isUserError(error)) throw error;
    if (optional && errnoCode(error) === 'ENOENT') return undefined;
    throw new UserError(`Không đọc được ${file}: ${ioReason(error)}.`, 2);
  }
  return normalizeDeep(parseData(file, text));
}

/** The data file's YAML, or a UserError in Vietnamese at the file:line:column of its first mistake. */
export function parseData(file: string, text: string): unknown {
  // logLevel 'error': otherwise yaml prints its warnings to the terminal itself, in English.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const lineCounter = countLines(text);
  const fix = 'Sửa tệp này (hoặc bỏ tệp ghi đè) rồi chạy lại.';
  if (doc.errors.length > 0) {
    // The plan loader's wording and placement (an indentation slip is named at the line out of step).
    const at = (offset: number): { line: number; column: number } => {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    };
    const first = sortProblems(yamlProblems([doc], text, at).filter((p) => p.severity === 'error'))[0];
    if (first !== undefined) throw new UserError(`${file}:${first.line}:${first.column}: ${first.message} ${fix}`, 2);
  }
  let read: ReturnType<typeof aliasedToJS> | undefined;
  try {
    read = aliasedToJS(doc, 100);
  } catch {
    // Nested deeper than the call stack.
  }
  if (read !== undefined && 'value' in read) return read.value;
  if (read?.fault.kind === 'inside') {
    const { alias } = read.fault;
    const { line, col } = lineCounter.linePos(alias.range?.[0] ?? 0);
    throw new UserError(`${file}:${line}:${col}: ${selfAliasMessage(alias)} ${fix}`, 2);
  }
  throw new UserError(
    `${file}: tệp dùng bí danh YAML (\`*tên\`) quá nhiều lần hoặc chưa định nghĩa; hãy viết nội dung trực tiếp. ${fix}`,
    2,
  );
}

async function readData(name: string, overrideDir: string | undefined): Promise<{ data: unknown; file: string }> {
  const shipped = packagePath('templates', 'data', name);
  const base = await readYaml(shipped, false);
  if (overrideDir === undefined) return { data: base, file: shipped };
  const overrideFile = join(overrideDir, 'data', name);
  const over = await readYaml(overrideFile, true);
  return over === undefined ? { data: base, file: shipped } : { data: merge(base, over, ''), file: overrideFile };
}

export async function loadWizardData(overrideDir?: string): Promise<WizardData> {
  const agencies = await readData('agencies.yaml', overrideDir);
  const suggestions = await readData('suggestions.yaml', overrideDir);
  const a: Reader = new Reader(agencies.file);
  const am = a.object(agencies.data, 'tệp');
  const sectors = a.bySector(am['sectors'], 'sectors', (value, where) => {
    const map = a.object(value, where);
    const signer = readSigner(a, map['signer'], `${where}.signer`);
    if (!signer.capacity || !signer.title) a.fail(`${where}.signer`, 'phải có capacity và title');
    return {
      signer: signer as Signer,
      archive: a.text(map['archive'], `${where}.archive`),
      units: a.textMap(map['units'], `${where}.units`),
    };
  });
  const list = (key: string, sector: Sector): AgencyEntry[] => {
    const value = am[key];
    if (!Array.isArray(value) || value.length === 0) a.fail(key, 'phải là một danh sách cơ quan không rỗng');
    return value.map((item, i) => readAgency(a, item, `${key}[${i}]`, sector));
  };

  const s: Reader = new Reader(suggestions.file);
  const sm = s.object(suggestions.data, 'tệp');
  const groupsMap = s.object(sm['groups'], 'groups');
  const groups = Object.fromEntries(
    GROUP_KEYS.map((key) => {
      const g = s.object(groupsMap[key], `groups.${key}`);
      const tasks = s.bySector(g, `groups.${key}`, (items, where) => {
        if (!Array.isArray(items) || items.length === 0) s.fail(where, 'phải là một danh sách nhiệm vụ không rỗng');
        return items.map((item, i) => readTask(s, item, `${where}[${i}]`, key));
      });
      return [key, { guidance: s.text(g['guidance'], `groups.${key}.guidance`), tasks }];
    }),
  ) as WizardData['groups'];

  const data: WizardData = {
    sectors,
    agencies: { locality: list('localities', 'locality'), ministry: list('ministries', 'ministry') },
    bases: s.texts(sm['bases'], 'bases'),
    title: s.bySector(sm['title'], 'title', (v, w) => s.text(v, w)),
    purposes: s.bySector(sm['purposes'], 'purposes', (v, w) => s.texts(v, w)),
    requirements: s.bySector(sm['requirements'], 'requirements', (v, w) => s.texts(v, w)),
    groups,
    funding: s.bySector(sm['funding'], 'funding', (v, w) => s.texts(v, w)),
    duties: s.bySector(sm['duties'], 'duties', (value, where) => {
      const map = s.object(value, where);
      const units = s.object(map['units'] ?? {}, `${where}.units`);
      const all = s.object(map['all'], `${where}.all`);
      return {
        units: Object.fromEntries(Object.entries(units).map(([k, v]) => [k, s.texts(v, `${where}.units.${k}`)])),
        other: s.texts(map['other'], `${where}.other`),
        all: {
          agency: s.text(all['agency'], `${where}.all.agency`),
          duties: s.texts(all['duties'], `${where}.all.duties`),
        },
      };
    }),
    reporting: s.bySector(sm['reporting'], 'reporting', (value, where) => {
      const map = s.object(value, where);
      return {
        frequency: s.oneOf<Frequency>(map['frequency'], FREQUENCIES, `${where}.frequency`),
        due: s.text(String(map['due'] ?? ''), `${where}.due`),
        to: s.texts(map['to'], `${where}.to`),
        also: map['also'] === undefined || map['also'] === null ? [] : s.texts(map['also'], `${where}.also`),
      };
    }),
    recipients: s.bySector(sm['recipients'], 'recipients', (v, w) => s.texts(v, w)),
  };
  checkPlaceholders(data, suggestions.file, agencies.file);
  return data;
}

// A typo such as {foriegn} would otherwise reach the printed document.
function checkPlaceholders(data: WizardData, suggestionsFile: string, agenciesFile: string): void {
  for (const sector of SECTORS) {
    const known = new Set([...FIXED_PLACEHOLDERS, ...Object.keys(data.sectors[sector].units)]);
    const scan = (text: string, file: string, where: string): void => {
      for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
        if (!known.has(match[1] ?? '')) {
          throw new UserError(
            `${file}: ${where} dùng chỗ trống {${match[1]}} không có trong danh sách (${[...known].join(', ')}). Sửa lại tên chỗ trống.`,
            2,
          );
        }
      }
    };
    const walk = (value: unknown, file: string, where: string): void => {
      if (typeof value === 'string') scan(value, file, where);
      else if (Array.isArray(value)) value.forEach((item, i) => walk(item, file, `${where}[${i}]`));
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, file, `${where}.${k}`);
    };
    walk(data.sectors[sector], agenciesFile, `sectors.${sector}`);
    walk(data.agencies[sector], agenciesFile, sector === 'locality' ? 'localities' : 'ministries');
    walk(data.title[sector], suggestionsFile, `title.${sector}`);
    for (const key of ['purposes', 'requirements', 'funding', 'recipients', 'duties', 'reporting'] as const) {
      walk(data[key][sector], suggestionsFile, `${key}.${sector}`);
    }
    for (const key of GROUP_KEYS) walk(data.groups[key].tasks[sector], suggestionsFile, `groups.${key}.${sector}`);
  }
}
