// The draft: a plan with parts missing, kept in the plan's own shape so that the same validator,
// serializer and a human reader all understand it. The wizard's own progress rides in a comment
// line, so the draft carries no key that a plan file would reject.
import { type Document, type LineCounter, parseDocument } from 'yaml';
import { aliasedToJS } from '../plan/anchors.js';
import { countLines, selfAliasMessage } from '../plan/parse-yaml.js';
import { type Issue, toPointer } from '../plan/issue.js';
import { offsetOf, positionAt } from '../plan/locate.js';
import { type Problem, sortProblems } from '../plan/problem.js';
import { serializeDraft } from '../plan/serialize.js';
import { conformDraft } from '../plan/shape.js';
import type { DeepPartial, Duty, Plan, Task } from '../plan/types.js';
import { normalizeDeep } from '../text/nfc.js';

/** A plan with any part missing, at any depth: the plan's own type, made partial. */
export type DraftPlan = DeepPartial<Plan>;
export type DraftTask = DeepPartial<Task>;
export type DraftDuty = DeepPartial<Duty>;

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

/**
 * What of `input` has the plan's shape (the schema's types, values and keys), and what had to be
 * left out. The draft is NFC, as every plan text is.
 */
export function conformToDraft(input: unknown): { draft: DraftPlan; dropped: Issue[] } {
  const { value, dropped } = conformDraft(normalizeDeep(input));
  // conformDraft kept only what the schema allows, which is what DraftPlan describes.
  return { draft: value as DraftPlan, dropped };
}

/**
 * Keep what has the right shape, drop the rest: a value of the wrong type becomes an unanswered
 * question rather than a crash. For old plans (--from), whose file is never rewritten; --resume
 * refuses a draft that would lose anything (see openDraft).
 */
export function sanitizeDraft(input: unknown): DraftPlan {
  return conformToDraft(input).draft;
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

export function draftText(
  draft: DraftPlan,
  progress: Progress,
  options: { schemaPath: string; resumeCommand: string },
): string {
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
function parseYaml(source: string): { data: unknown; doc: Document.Parsed; lineCounter: LineCounter } {
  const doc = parseDocument(source, { uniqueKeys: true });
  const lineCounter = countLines(source);
  const error = doc.errors[0];
  if (error) throw new Error(error.message);
  const read = aliasedToJS(doc, 100);
  if ('value' in read) return { data: read.value, doc, lineCounter };
  const { kind, alias } = read.fault;
  const { line, col } = lineCounter.linePos(alias.range?.[0] ?? 0);
  if (kind === 'inside') throw new Error(`dòng ${line}, cột ${col}: ${selfAliasMessage(alias)}`);
  // The caller words it from the plan loader's own report of the file.
  throw new Error(`${kind} alias *${alias.source} at line ${line}`);
}

function progressIn(source: string): Progress | undefined {
  for (const line of headerComments(source)) {
    const at = line.indexOf(META);
    if (at === -1) continue;
    try {
      const raw = JSON.parse(line.slice(at + META.length)) as unknown;
      if (isObject(raw)) return readProgress(raw);
    } catch {
      // A damaged progress line only costs the "where was I": every answer is still in the data.
    }
  }
  return undefined;
}

function withProgress(draft: DraftPlan, source: string): ParsedDraft {
  const progress = progressIn(source);
  return progress === undefined ? { draft } : { draft, progress };
}

/** Lenient: what does not fit the plan's shape is left out (for --from, whose file is never rewritten). */
export function parseDraft(source: string): ParsedDraft {
  return withProgress(sanitizeDraft(parseYaml(source).data), source);
}

/**
 * For --resume, which rewrites the file after every answer: the draft, and every part of the file
 * that the draft could not keep (an unknown key, a value of the wrong type, a file that is not a
 * map), located in the file. The caller refuses the file when there is any, so that nothing the
 * clerk wrote is silently lost. Throws like parseDraft when the YAML is broken.
 */
export function openDraft(source: string): { parsed: ParsedDraft; lost: Problem[] } {
  const { data, doc, lineCounter } = parseYaml(source);
  const { draft, dropped } = conformToDraft(data);
  const lost = dropped.map((issue): Problem => ({
    rule: issue.rule,
    severity: issue.severity,
    message: issue.message,
    path: toPointer(issue.path),
    ...positionAt(lineCounter, offsetOf(doc, issue.path, issue.at ?? 'value')),
  }));
  return { parsed: withProgress(draft, source), lost: sortProblems(lost) };
}
