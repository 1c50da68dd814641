// kehoach as a library: the functions the command line is made of. Each is a function of its
// inputs; none reads `process`, none prints.
import { resolve } from 'node:path';
import { buildFiles as buildMany, type BuildFilesOptions, type BuildReport } from './build/build-files.js';
import { checkPlanFiles } from './check/files.js';
import { expandPaths } from './io/paths.js';
import { loadPlan as loadOne, type LoadResult } from './plan/load.js';
import type { FileResult } from './plan/problem.js';
import type { Plan } from './plan/types.js';
import { plainIssue } from './plan/issue.js';
import { validatePlan as validateOne, type Issue } from './plan/validate.js';
import { renderPlan as renderOne } from './render/index.js';
import { loadTemplates, type TemplateSet } from './render/templates.js';
import { UserError } from './errors.js';
import type { DocxDocument } from './docx/model.js';
import type { ImportResult } from './docx/import/index.js';

export { main } from './cli.js';
export { readDocx } from './docx/read.js';
export type { DocxDocument, DocxParagraph, DocxRun, DocxSection } from './docx/model.js';
export type { ImportResult } from './docx/import/index.js';
export type { CommandContext, ExitCode, OutputStream } from './context.js';
export { UserError, isUserError } from './errors.js';
export { serializePlan } from './plan/serialize.js';
export type { BuildEvents, BuildReport, BuildResult } from './build/build-files.js';
export type { FileResult, Problem, Severity } from './plan/problem.js';
export type { Issue } from './plan/validate.js';
export type { LoadResult } from './plan/load.js';
export type * from './plan/types.js';
export { GROUP_KEYS } from './plan/types.js';

/** `today` decides the "date in the future" warning; it defaults to the current date. */
export interface TodayOption {
  today?: Date;
}

/** A plan file's bytes or text in; the plan when it is valid, and every problem located at line:column. */
export function loadPlan(source: Uint8Array | string, options: TodayOption = {}): LoadResult {
  return loadOne(source, { today: options.today ?? new Date() });
}

/** Plan data (already parsed, e.g. from JSON) in; the plan when valid, and the issues by their path in the data. */
export function validatePlan(data: unknown, options: TodayOption = {}): { plan?: Plan; issues: Issue[] } {
  const { plan, issues } = validateOne(data, { today: options.today ?? new Date() });
  const plain = issues.map(plainIssue);
  return plan === undefined ? { issues: plain } : { plan, issues: plain };
}

export interface CheckFilesOptions extends TodayOption {
  /** Where relative paths and patterns start; default: the current folder. */
  cwd?: string;
  /** Threads; default: decided by the number of files. */
  jobs?: number;
  signal?: AbortSignal;
}

/**
 * Judge the plan files that `paths` name (files, folders searched for *.yaml/*.yml, glob patterns),
 * in the order given. Throws a UserError when a path yields nothing or a file cannot be read.
 */
export async function checkFiles(paths: readonly string[], options: CheckFilesOptions = {}): Promise<FileResult[]> {
  const { files } = await expandPaths([...paths], { cwd: resolve(options.cwd ?? '.') });
  return checkPlanFiles(files, {
    today: options.today ?? new Date(),
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

export interface RenderPlanOptions {
  /** A folder of Handlebars overrides (as `--templates`), or templates already loaded. */
  templates?: string | TemplateSet;
  /** The date written into the document's properties and zip entries; default: now. */
  created?: Date;
}

/** A valid plan in, the bytes of its Decree 30 .docx out. */
export async function renderPlan(plan: Plan, options: RenderPlanOptions = {}): Promise<Uint8Array> {
  const templates =
    typeof options.templates === 'object' ? options.templates : await loadTemplates(plan.kind, options.templates);
  return renderOne(plan, { templates, created: options.created ?? new Date() });
}

/**
 * A Word document read into a plan: the data in the plan file's shape, where each value came from
 * (JSON pointer → paragraph), what was guessed, what is missing, and the text that could not be
 * placed. Throws a UserError when the bytes are not a readable .docx or hold no plan.
 */
export async function importDocx(bytes: Uint8Array, options: { templates?: string } = {}): Promise<ImportResult> {
  const { DocxUnreadable, readDocx } = await import('./docx/read.js');
  const { locatePlan } = await import('./docx/part.js');
  const { importPlan } = await import('./docx/import/index.js');
  const { knownFromWizardData } = await import('./docx/import/known.js');
  const { loadWizardData } = await import('./wizard/data.js');
  const { unreadableMessage } = await import('./docx/messages.js');
  let doc: DocxDocument;
  try {
    doc = readDocx(bytes);
  } catch (error) {
    if (error instanceof DocxUnreadable) throw new UserError(unreadableMessage(error.why), 2);
    throw error;
  }
  const part = locatePlan(doc);
  if (!part)
    throw new UserError(
      'Văn bản không phải Kế hoạch hay Chương trình: không có dòng «KẾ HOẠCH» hay «CHƯƠNG TRÌNH».',
      2,
    );
  return importPlan(doc, part, { known: knownFromWizardData(await loadWizardData(options.templates)) });
}

export type BuildFilesLibraryOptions = Partial<Pick<BuildFilesOptions, 'cwd' | 'created' | 'today'>> &
  Omit<BuildFilesOptions, 'cwd' | 'created' | 'today'>;

/**
 * Build every plan that `paths` name into a .docx (and a PDF with `pdf: true`), as `kehoach build`
 * does: outputs are written atomically, an existing one only with `force`.
 */
export async function buildFiles(
  paths: readonly string[],
  options: BuildFilesLibraryOptions = {},
): Promise<BuildReport> {
  return buildMany(paths, {
    ...options,
    cwd: resolve(options.cwd ?? '.'),
    created: options.created ?? new Date(),
    today: options.today ?? new Date(),
  });
}
