// The draft: a plan with parts missing, kept in the plan's own shape so that the same validator,
// serializer and a human reader all understand it. The wizard's own progress rides in a comment
// line, so the draft carries no key that a plan file would reject.
import { parseDocument } from 'yaml';
import { serializeDraft } from '../plan/serialize.js';
import {
  CAPACITIES,
  FREQUENCIES,
  GROUP_KEYS,
  KINDS,
  PILLARS,
  SECTORS,
  type Capacity,
  type Frequency,
  type GroupKey,
  type Kind,
  type Pillar,
  type Sector,
} from '../plan/types.js';
import { normalizeDeep } from '../text/nfc.js';

export interface DraftTask {
  content?: string;
  lead?: string;
  partners?: string[];
  pillar?: Pillar;
  period?: string;
  output?: string;
}

export interface DraftDuty {
  agency?: string;
  duties?: string[];
}

export interface DraftPlan {
  version?: 1;
  kind?: Kind;
  agency?: { parent?: string | null; name?: string; short?: string; sector?: Sector; place?: string };
  document?: { number?: number; date?: string; year?: number; title?: string };
  bases?: string[];
  purposes?: string[];
  requirements?: string[];
  tasks?: Partial<Record<GroupKey, DraftTask[]>>;
  funding?: string[];
  implementation?: DraftDuty[];
  reporting?: { frequency?: Frequency; due?: string; to?: string[] };
  signer?: { capacity?: Capacity; body?: string; head?: string; title?: string; name?: string };
  recipients?: string[];
  archive?: string;
  appendix?: boolean;
}

export interface Progress {
  /** Ids of the steps the clerk has answered. */
  answered: string[];
  /** The foreign-affairs lead the clerk confirmed (not a plan field, but tasks are built on it). */
  focal?: string;
  /** --from: the year of last year's plan, whose mentions the review lists until they are dealt with. */
  from?: number;
  /** Mentions of that year the clerk looked at and kept: the field (a JSON pointer) and its text then. */
  kept?: Array<{ at: string; text: string }>;
}

const META = 'kehoach-wizard:';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const texts = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((item): item is string => typeof item === 'string') : undefined;
const whole = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
function oneOf<T extends string>(v: unknown, allowed: readonly string[]): T | undefined {
  return typeof v === 'string' && allowed.includes(v) ? (v as T) : undefined;
}

// Drops undefined members so that a sanitized object has only what was there.
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function sub<T extends object>(v: unknown, read: (m: Json) => T): T | undefined {
  return isObject(v) ? compact(read(v)) : undefined;
}

/**
 * Keep what has the right shape, drop the rest: a value of the wrong type becomes an unanswered
 * question rather than a crash. Used for drafts (--resume) and old plans (--from) alike.
 */
export function sanitizeDraft(input: unknown): DraftPlan {
  if (!isObject(input)) return {};
  const data = normalizeDeep(input);
  const tasks = sub(data['tasks'], (m) =>
    Object.fromEntries(
      GROUP_KEYS.map((key) => [
        key,
        Array.isArray(m[key])
          ? (m[key] as unknown[]).filter(isObject).map((t) =>
              compact<DraftTask>({
                content: text(t['content']),
                lead: text(t['lead']),
                partners: texts(t['partners']),
                pillar: oneOf<Pillar>(t['pillar'], PILLARS),
                period: text(t['period']),
                output: text(t['output']),
              }),
            )
          : undefined,
      ]),
    ),
  );
  return compact<DraftPlan>({
    version: data['version'] === 1 ? 1 : undefined,
    kind: oneOf<Kind>(data['kind'], KINDS),
    agency: sub(data['agency'], (m) => ({
      parent: m['parent'] === null ? null : text(m['parent']),
      name: text(m['name']),
      short: text(m['short']),
      sector: oneOf<Sector>(m['sector'], SECTORS),
      place: text(m['place']),
    })),
    document: sub(data['document'], (m) => ({
      number: whole(m['number']),
      date: text(m['date']),
      year: whole(m['year']),
      title: text(m['title']),
    })),
    bases: texts(data['bases']),
    purposes: texts(data['purposes']),
    requirements: texts(data['requirements']),
    tasks,
    funding: texts(data['funding']),
    implementation: Array.isArray(data['implementation'])
      ? (data['implementation'] as unknown[])
          .filter(isObject)
          .map((d) => compact<DraftDuty>({ agency: text(d['agency']), duties: texts(d['duties']) }))
      : undefined,
    reporting: sub(data['reporting'], (m) => ({
      frequency: oneOf<Frequency>(m['frequency'], FREQUENCIES),
      due: text(m['due']),
      to: texts(m['to']),
    })),
    signer: sub(data['signer'], (m) => ({
      capacity: oneOf<Capacity>(m['capacity'], CAPACITIES),
      body: text(m['body']),
      head: text(m['head']),
      title: text(m['title']),
      name: text(m['name']),
    })),
    recipients: texts(data['recipients']),
    archive: text(data['archive']),
    appendix: typeof data['appendix'] === 'boolean' ? data['appendix'] : undefined,
  });
}

function readProgress(raw: Json): Progress {
  const answered = texts(raw['answered']) ?? [];
  const focal = text(raw['focal']);
  const from = whole(raw['from']);
  const kept = Array.isArray(raw['kept'])
    ? (raw['kept'] as unknown[]).filter(isObject).flatMap((k) => {
        const at = text(k['at']);
        const value = text(k['text']);
        return at !== undefined && value !== undefined ? [{ at, text: value }] : [];
      })
    : [];
  return {
    answered,
    ...(focal !== undefined ? { focal } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(kept.length > 0 ? { kept } : {}),
  };
}

export function draftText(draft: DraftPlan, progress: Progress, options: { schemaPath: string; resumeCommand: string }): string {
  const meta: Progress = {
    answered: progress.answered,
    ...(progress.focal !== undefined ? { focal: progress.focal } : {}),
    ...(progress.from !== undefined ? { from: progress.from } : {}),
    ...(progress.kept !== undefined && progress.kept.length > 0 ? { kept: progress.kept } : {}),
  };
  return serializeDraft(draft as Json, {
    schemaPath: options.schemaPath,
    comments: [
      'Bản nháp của "kehoach wizard", chưa phải kế hoạch hoàn chỉnh.',
      `Để tiếp tục: ${options.resumeCommand}`,
      `${META} ${JSON.stringify(meta)}`,
    ],
  });
}

export interface ParsedDraft {
  draft: DraftPlan;
  /** Absent when the file is not a wizard draft (a plan, or a draft whose comment was removed). */
  progress?: Progress;
}

/** The comment lines the file opens with, where the wizard writes its progress. */
function headerComments(source: string): string[] {
  const lines: string[] = [];
  for (const line of source.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    lines.push(line);
  }
  return lines;
}

/** Written by the wizard: its progress comment heads the file (even when damaged). */
export function hasProgressComment(source: string): boolean {
  return headerComments(source).some((line) => line.includes(META));
}

/** Throws a plain Error with the parser's message when the YAML is broken (callers explain it). */
export function parseDraft(source: string): ParsedDraft {
  const doc = parseDocument(source, { uniqueKeys: true });
  const error = doc.errors[0];
  if (error) throw new Error(error.message);
  const draft = sanitizeDraft(doc.toJS({ maxAliasCount: 100 }) as unknown);
  for (const line of headerComments(source)) {
    const at = line.indexOf(META);
    if (at === -1) continue;
    try {
      const raw = JSON.parse(line.slice(at + META.length)) as unknown;
      if (isObject(raw)) return { draft, progress: readProgress(raw) };
    } catch {
      // A damaged progress line only costs the "where was I": every answer is still in the data.
    }
  }
  return { draft };
}
