// The one context every step works on: the draft plan, the progress, the data, the prompter.
import type { Issue } from '../plan/issue.js';
import type { WizardData } from './data.js';
import type { DraftPlan, Progress } from './draft.js';
import type { Prompter } from './prompter.js';

export type Path = readonly (string | number)[];

/** validatePlan's issues for any data (a half-written draft included). */
export type Checker = (data: unknown) => readonly Issue[];

export interface Session {
  draft: DraftPlan;
  progress: Progress;
  readonly data: WizardData;
  readonly prompter: Prompter;
  readonly check: Checker;
  /** For defaults (the plan year); the checks get their own `today` through the checker. */
  readonly today: Date;
  /** Writes the draft file; called after every answer. */
  save(): Promise<void>;
}

/** Marks a value to delete in setAt (an optional answer left empty). */
export const OMIT: unique symbol = Symbol('omit');
export type Answer = unknown;

type Container = Record<string | number, unknown>;

export function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Container)[key];
  }
  return node;
}

/** Set (or with OMIT delete) the value at path, creating objects and lists on the way. */
export function setAt(root: object, path: Path, value: Answer): void {
  let node = root as Container;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = node[key];
    if (next === null || typeof next !== 'object') {
      next = typeof path[i + 1] === 'number' ? [] : {};
      node[key] = next;
    }
    node = next as Container;
  }
  const last = path[path.length - 1]!;
  if (value !== OMIT) node[last] = value;
  else if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete node[last];
}

/** A copy of the draft with one answer in place: what the checks judge before it is accepted. */
export function withAnswer(draft: DraftPlan, path: Path, value: Answer): DraftPlan {
  const copy = structuredClone(draft);
  setAt(copy, path, value);
  return copy;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

/**
 * The issues that concern this answer: those at or under one of `paths`. Everything else (above
 * all `required` for parts not asked yet) waits for the review screen.
 */
export function issuesAt(s: Session, data: DraftPlan, paths: readonly Path[]): { errors: Issue[]; warnings: Issue[] } {
  const found = s.check(data).filter((issue) => paths.some((p) => startsWith(issue.path, p)));
  return {
    errors: found.filter((i) => i.severity === 'error'),
    warnings: found.filter((i) => i.severity === 'warning'),
  };
}

export function isAnswered(s: Session, id: string): boolean {
  return s.progress.answered.includes(id);
}

export function markAnswered(s: Session, id: string): void {
  if (!isAnswered(s, id)) s.progress.answered.push(id);
}

export function forget(s: Session, ...ids: string[]): void {
  s.progress.answered = s.progress.answered.filter((id) => !ids.includes(id));
}
