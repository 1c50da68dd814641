// Where the draft lives and how it is written: `<out>/<plan name>.draft.yaml`, renamed as the
// answers make the name known (ke-hoach.draft.yaml → ke-hoach-quang-tri-2026.draft.yaml), or the
// file given to --resume, always written atomically.
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { schemaReference } from '../plan/schema-reference.js';
import { pathExists, writeFileAtomic } from '../io/atomic.js';
import { displayPath } from '../io/paths.js';
import { shellQuote } from '../text/shell.js';
import { slug } from './clean.js';
import { type DraftPlan, type Progress, draftText, hasProgressComment } from './draft.js';

/** `ke-hoach-quang-tri-2026`: kind, then the place (a ministry: its symbol), then the year. */
// Keeps the plan's and the draft's names (with `-NN.draft.yaml`) far inside the 255 bytes a file
// name may have, however long the place or symbol typed.
const MAX_WHO = 60;

export function planBaseName(d: DraftPlan): string {
  const who = d.agency?.sector === 'ministry' ? d.agency.short : d.agency?.place;
  const year = d.document?.year ?? (d.document?.date ? d.document.date.slice(0, 4) : undefined);
  const shortWho = slug(who).slice(0, MAX_WHO).replace(/-+$/, '');
  return slug(d.kind ?? 'ke-hoach', shortWho, year) || 'ke-hoach';
}

/**
 * A file the wizard may continue, rewrite and finally delete: named `*.draft.yaml` (the name the
 * wizard gives drafts, which `check` skips and plan names may not take) or headed by the wizard's
 * progress comment. A plan made by `init`, an example or last year's plan is neither.
 */
export function isWizardDraft(path: string, source: string): boolean {
  return /\.draft\.ya?ml$/i.test(path) || hasProgressComment(source);
}

export class DraftFile {
  /** Where the draft was last written (undefined before the first save). */
  path: string | undefined;
  private readonly fixed: boolean;

  constructor(
    private readonly outDir: string,
    private readonly cwd: string,
    fixedPath?: string,
    /** `kehoach`, or `npx kehoach` where that is how the clerk runs it (invocation.ts). */
    private readonly command: string = 'kehoach',
  ) {
    this.fixed = fixedPath !== undefined;
    this.path = fixedPath === undefined ? undefined : resolve(cwd, fixedPath);
  }

  /** The exact command that continues this draft, as the clerk would type it in cwd. */
  resumeCommand(path: string = this.path ?? join(this.outDir, 'ke-hoach.draft.yaml')): string {
    const out = dirname(path) === this.outDir ? '' : ` --out ${shellQuote(displayPath(this.outDir, this.cwd))}`;
    return `${this.command} wizard --resume ${shellQuote(displayPath(path, this.cwd))}${out}`;
  }

  private async target(draft: DraftPlan): Promise<string> {
    if (this.fixed && this.path !== undefined) return this.path;
    const base = planBaseName(draft);
    for (let n = 1; n < 100; n++) {
      const candidate = join(this.outDir, `${n === 1 ? base : `${base}-${n}`}.draft.yaml`);
      // Our own file may be rewritten; somebody else's draft never is.
      if (candidate === this.path || !(await pathExists(candidate))) return candidate;
    }
    return join(this.outDir, `${base}-${Date.now()}.draft.yaml`);
  }

  async save(draft: DraftPlan, progress: Progress): Promise<string> {
    const target = await this.target(draft);
    const text = draftText(draft, progress, {
      schemaPath: schemaReference(target),
      resumeCommand: this.resumeCommand(target),
    });
    await writeFileAtomic(target, text);
    if (this.path !== undefined && this.path !== target) await dropDraft(this.path);
    this.path = target;
    return target;
  }

  async remove(): Promise<void> {
    if (this.path !== undefined) await dropDraft(this.path);
  }
}

// Only ever the wizard's own draft: whatever else sits at the path is left alone.
async function dropDraft(path: string): Promise<void> {
  const source = await readFile(path, 'utf8').catch(() => undefined);
  if (source !== undefined && isWizardDraft(path, source)) await rm(path, { force: true });
}
