// A valid plan in, the bytes of a Decree 30 .docx out. Pure: no files, no clock (the caller
// passes `created`), and the same plan with the same date gives the same bytes.
import type { Plan } from '../plan/types.js';
import { composeDocument } from './compose.js';
import { LANGUAGE } from './layout.js';
import { blocksXml } from './ooxml.js';
import { PLAN_PART_LEVEL, coreXml, deflatePart, zipParts } from './package.js';
import { CORE_PART, DOCUMENT_PART, skeletonFor } from './skeleton.js';
import type { TemplateSet } from './templates.js';

export interface RenderOptions {
  templates: TemplateSet;
  /** core.xml dates and zip entry dates; the build command passes SOURCE_DATE_EPOCH's date or now. */
  created: Date;
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(0);

// document.xml as UTF-8 in a buffer kept between plans: deflatePart reads the bytes and keeps
// only its own output, and encodeInto an existing buffer took a third of the time of encode().
// A document larger than a plan ever makes (a hostile one) is encoded apart, not kept.
const SCRATCH_LIMIT = 4 * 1024 * 1024;

function utf8Scratch(text: string): Uint8Array {
  // Three bytes per UTF-16 unit is the most UTF-8 can need.
  const needed = text.length * 3;
  if (needed > SCRATCH_LIMIT) return encoder.encode(text);
  if (scratch.length < needed) scratch = new Uint8Array(needed);
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

export async function renderPlan(plan: Plan, options: RenderOptions): Promise<Uint8Array> {
  const model = composeDocument(plan, options.templates);
  if (model.sections.slice(0, -1).some((s) => s.blocks[s.blocks.length - 1]?.type !== 'table')) {
    throw new Error('every section but the last must end with a table, as the skeleton does');
  }
  const skeleton = await skeletonFor(model.sections.map((s) => s.orientation));
  let document = skeleton.pieces[0] ?? '';
  model.sections.forEach((section, i) => {
    document += blocksXml(section.blocks) + (skeleton.pieces[i + 1] ?? '');
  });
  const core = coreXml({ ...model.properties, language: LANGUAGE }, options.created);
  const parts = skeleton.parts.map((part) => {
    if (part === DOCUMENT_PART) return deflatePart(DOCUMENT_PART, utf8Scratch(document), PLAN_PART_LEVEL);
    if (part === CORE_PART) return deflatePart(CORE_PART, encoder.encode(core), PLAN_PART_LEVEL);
    return part;
  });
  return zipParts(parts, options.created);
}
