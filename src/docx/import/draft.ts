// What the importer has read so far, each value with the paragraph it came from; assemble.ts turns
// it into the plan's shape and the JSON pointers of ImportResult.
import type { Capacity, Frequency, GroupKey, Kind, Pillar, Sector } from '../../plan/types.js';
import type { DocxDocument, DocxParagraph } from '../model.js';
import type { PlanPart } from '../part.js';

export interface Sourced<T> {
  value: T;
  /** Paragraph index (1-based). */
  at: number;
  guessed?: boolean;
}

export interface TaskDraft {
  at: number;
  content?: Sourced<string>;
  lead?: Sourced<string>;
  partners?: Sourced<string>[];
  period?: Sourced<string>;
  output?: Sourced<string>;
  pillar?: Sourced<Pillar>;
  /** The group was chosen by the task's wording, not by a heading. */
  groupGuessed?: boolean;
}

export interface DutyDraft {
  agency: Sourced<string>;
  duties: Sourced<string>[];
}

export interface Draft {
  kind: Sourced<Kind>;
  agency: {
    parent?: Sourced<string>;
    name?: Sourced<string>;
    short?: Sourced<string>;
    sector?: Sourced<Sector>;
    place?: Sourced<string>;
  };
  document: { number?: Sourced<number>; date?: Sourced<string>; year?: Sourced<number>; title?: Sourced<string> };
  bases: Sourced<string>[];
  purposes: Sourced<string>[];
  requirements: Sourced<string>[];
  tasks: Record<GroupKey, TaskDraft[]>;
  funding: Sourced<string>[];
  implementation: DutyDraft[];
  reporting: { frequency?: Sourced<Frequency>; due?: Sourced<string>; to?: Sourced<string>[] };
  signer: {
    capacity?: Sourced<Capacity>;
    body?: Sourced<string>;
    head?: Sourced<string>;
    title?: Sourced<string>;
    name?: Sourced<string>;
  };
  recipients: Sourced<string>[];
  archive?: Sourced<string>;
  appendix: Sourced<boolean>;
}

export interface Leftover {
  paragraph: number;
  text: string;
  why: string;
}

/** Known names (agencies.yaml and the like), to split lists and undo upper case. */
export interface KnownNames {
  names: readonly string[];
  /** Upper-case agency name → its sector. */
  sectors: ReadonlyMap<string, Sector>;
}

export interface Ctx {
  doc: DocxDocument;
  part: PlanPart;
  /** The document was built by kehoach (its styles say so): invert the renderer exactly. */
  exact: boolean;
  /** The plan's paragraphs, in order, and by index. */
  paras: DocxParagraph[];
  byIndex: ReadonlyMap<number, DocxParagraph>;
  used: Set<number>;
  leftovers: Leftover[];
  draft: Draft;
  known: KnownNames;
}

export function use(ctx: Ctx, p: DocxParagraph): void {
  ctx.used.add(p.index);
}

export function leftover(ctx: Ctx, p: DocxParagraph, why: string): void {
  ctx.used.add(p.index);
  if (p.text.trim() !== '') ctx.leftovers.push({ paragraph: p.index, text: p.text.replace(/\s+/gu, ' ').trim(), why });
}

export const at = <T>(value: T, p: DocxParagraph | number, guessed = false): Sourced<T> => ({
  value,
  at: typeof p === 'number' ? p : p.index,
  ...(guessed ? { guessed } : {}),
});

/** All runs with text bold, or a heading style: how a heading is told from a paragraph. */
export function emphasized(p: DocxParagraph): boolean {
  if (/heading|tiêu đề|muc|title/iu.test(p.styleName ?? '') && !/^normal/iu.test(p.styleName ?? '')) return true;
  const runs = p.runs.filter((r) => r.text.trim() !== '');
  return runs.length > 0 && runs.every((r) => r.bold);
}

export const blank = (p: DocxParagraph): boolean => p.text.trim() === '';
/** A drawn or typed rule under a heading: empty, or only dashes and underscores. */
export const ruleLike = (p: DocxParagraph): boolean => /^[\s\-_–—.=*]*$/u.test(p.text);
