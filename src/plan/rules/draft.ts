// Typed looks into a draft that may hold anything.
import type { IssuePath } from '../issue.js';
import { GROUP_KEYS, type GroupKey } from '../types.js';
import type { Draft } from './rule.js';

export function record(value: unknown): Draft | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Draft) : undefined;
}

export function list(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value at `path`, or undefined when any step is missing or of another type. */
export function at(plan: Draft, ...path: IssuePath): unknown {
  let node: unknown = plan;
  for (const step of path) {
    if (typeof step === 'number') node = list(node)?.[step];
    else node = record(node)?.[step];
    if (node === undefined) return undefined;
  }
  return node;
}

export interface TaskRef {
  group: GroupKey;
  index: number;
  task: Draft;
  path: IssuePath;
}

/** Every task that is an object, group by group in document order. */
export function tasks(plan: Draft): TaskRef[] {
  const found: TaskRef[] = [];
  for (const group of GROUP_KEYS) {
    list(at(plan, 'tasks', group))?.forEach((item, index) => {
      const task = record(item);
      if (task !== undefined) found.push({ group, index, task, path: ['tasks', group, index] });
    });
  }
  return found;
}

/** A string of the draft; its path is built only when a rule reports it. */
export class TextRef {
  constructor(
    readonly text: string,
    private readonly parent: Walked | null,
    private readonly key: string | number,
  ) {}

  get path(): IssuePath {
    const path: IssuePath = [this.key];
    for (let node = this.parent; node !== null; node = node.parent) if (node.key !== null) path.unshift(node.key);
    return path;
  }
}

interface Walked {
  value: unknown;
  parent: Walked | null;
  key: string | number | null;
}

// Numbers, booleans and nulls are not stacked: a file of 200,000 `key: 1` lines has only those.
function holdsText(value: unknown): boolean {
  return typeof value === 'string' || (value !== null && typeof value === 'object');
}

// Several rules read every text of the same draft: walk it once.
const textCache = new WeakMap<Draft, readonly TextRef[]>();

/** Every string value of the draft, in document order (no recursion: depth is untrusted). */
export function texts(plan: Draft): readonly TextRef[] {
  const cached = textCache.get(plan);
  if (cached !== undefined) return cached;
  const found: TextRef[] = [];
  const stack: Walked[] = [{ value: plan, parent: null, key: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      found.push(new TextRef(value, node.parent, node.key ?? ''));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        if (holdsText(value[i])) stack.push({ value: value[i], parent: node, key: i });
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const item = (value as Draft)[key];
        if (holdsText(item)) stack.push({ value: item, parent: node, key });
      }
    }
  }
  textCache.set(plan, found);
  return found;
}
