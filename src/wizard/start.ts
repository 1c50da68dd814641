// Where a session starts from: nothing, a saved draft (--resume) or last year's plan (--from).
import { GROUP_KEYS } from '../plan/types.js';
import type { DraftPlan, Progress } from './draft.js';
import { defaultYear } from './steps/header.js';
import { type Checker, getAt } from './session.js';
import { STEPS, stepFor } from './steps/index.js';

const LAST_YEAR = 2030;

/** For a draft without a progress line (a plan, or an edited draft): answered = has its data. */
export function progressFromData(draft: DraftPlan): Progress {
  const answered = STEPS.filter((step) =>
    step.id === 'agency.focal'
      ? GROUP_KEYS.some((g) => draft.tasks?.[g] !== undefined)
      : step.owns.length > 0 && step.owns.some((path) => path.length > 0 && getAt(draft, path) !== undefined),
  ).map((step) => step.id);
  return { answered, ...(draft.implementation?.[0]?.agency ? { focal: draft.implementation[0].agency } : {}) };
}

/** What must change from last year's plan, and every step the checks flag. */
export const FROM_REASKED = [
  'document.year',
  'document.number',
  'document.date',
  'signer.capacity',
  'signer.body',
  'signer.head',
  'signer.title',
  'signer.name',
];

export function prepareFrom(
  old: DraftPlan,
  check: Checker,
  today: Date,
): { draft: DraftPlan; progress: Progress; asked: string[] } {
  const draft = structuredClone(old);
  draft.version = 1;
  const oldYear = draft.document?.year ?? (draft.document?.date ? Number(draft.document.date.slice(0, 4)) : undefined);
  const year = oldYear === undefined ? defaultYear(today) : Math.min(LAST_YEAR, oldYear + 1);
  const document = { ...draft.document, year };
  delete document.number;
  delete document.date;
  const asked = new Set(FROM_REASKED);
  // The title is asked again with the year the clerk chooses (not necessarily this default) in it.
  if (oldYear !== undefined && document.title?.includes(String(oldYear))) asked.add('document.title');
  draft.document = document;
  for (const issue of check(draft)) {
    const step = stepFor(issue.path);
    if (step) asked.add(step.id);
  }
  // The old plan answered everything else; what it lacks that a plan needs, the checks flagged.
  const answered = STEPS.map((s) => s.id).filter((id) => !asked.has(id));
  const focal = draft.implementation?.[0]?.agency;
  const progress: Progress = {
    answered,
    ...(focal !== undefined ? { focal } : {}),
    ...(oldYear !== undefined ? { from: oldYear } : {}),
  };
  return { draft, progress, asked: [...asked] };
}
