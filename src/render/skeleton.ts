// The parts of a package that do not depend on the plan: docx writes them once per section layout
// (portrait only, or portrait then landscape) from a document whose sections each hold one marker
// paragraph; each render then puts its own body where the markers were. `npm run build` does that
// for the layouts a plan can have and stores them in dist/render/skeleton-data.json, so a run
// reads them as data; any other layout, or a tree that was not built, asks docx at run time.
import { readFileSync } from 'node:fs';
import { packagePath } from '../io/paths.js';
import type { Section } from './model.js';
import type { DeflatedPart } from './package.js';

export const DOCUMENT_PART = 'word/document.xml';
export const CORE_PART = 'docProps/core.xml';

export interface Skeleton {
  /** document.xml cut at the markers: body i goes between pieces i and i + 1. */
  pieces: string[];
  /** Every other part, deflated once, in package order; the two names mark where each render's own parts go. */
  parts: (DeflatedPart | typeof DOCUMENT_PART | typeof CORE_PART)[];
}

/** The layouts compose.ts makes: the body, then the appendix table when there is one. */
export const PREPARED_LAYOUTS: readonly (readonly Section['orientation'][])[] = [
  ['portrait'],
  ['portrait', 'landscape'],
];

type StoredPart =
  typeof DOCUMENT_PART | typeof CORE_PART | { name: string; size: number; crc: number; deflated: string };
export type SkeletonData = Record<string, { pieces: string[]; parts: StoredPart[] }>;

const keyOf = (orientations: readonly Section['orientation'][]): string => orientations.join('+');

/** The prepared skeletons as JSON-able data (the deflated bytes in base64). */
export function skeletonData(skeletons: ReadonlyMap<string, Skeleton>): SkeletonData {
  const data: SkeletonData = {};
  for (const [key, { pieces, parts }] of skeletons) {
    data[key] = {
      pieces,
      parts: parts.map((p) =>
        typeof p === 'string' ? p : { ...p, deflated: Buffer.from(p.deflated).toString('base64') },
      ),
    };
  }
  return data;
}

export function skeletonsFromData(data: SkeletonData): Map<string, Skeleton> {
  const out = new Map<string, Skeleton>();
  for (const [key, { pieces, parts }] of Object.entries(data)) {
    out.set(key, {
      pieces,
      parts: parts.map((p) => {
        if (typeof p === 'string') return p;
        const bytes = Buffer.from(p.deflated, 'base64');
        return {
          ...p,
          deflated: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) as Uint8Array<ArrayBuffer>,
        };
      }),
    });
  }
  return out;
}

/** Where `npm run build` writes the prepared skeletons (the bundles' chunks live elsewhere in dist/). */
export const SKELETON_DATA_FILE = packagePath('dist', 'render', 'skeleton-data.json');

function readPrepared(): Map<string, Skeleton> {
  let text: string;
  try {
    text = readFileSync(SKELETON_DATA_FILE, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  return skeletonsFromData(JSON.parse(text) as SkeletonData);
}

let prepared: Map<string, Skeleton> | undefined;
const cache = new Map<string, Promise<Skeleton>>();

export function skeletonFor(orientations: readonly Section['orientation'][]): Promise<Skeleton> {
  const key = keyOf(orientations);
  let skeleton = cache.get(key);
  if (skeleton === undefined) {
    prepared ??= readPrepared();
    const ready = prepared.get(key);
    skeleton = ready ? Promise.resolve(ready) : import('./skeleton-docx.js').then((m) => m.buildSkeleton(orientations));
    cache.set(key, skeleton);
    skeleton.catch(() => cache.delete(key));
  }
  return skeleton;
}
