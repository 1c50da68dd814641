// Finishing: name the plan file, never overwrite without asking, write the YAML and the .docx
// beside it with the same code as `build`, then drop the draft (the plan now holds everything).
import { basename, resolve } from 'node:path';
import { schemaReference } from '../plan/schema-reference.js';
import { buildOne, type BuildSettings } from '../build/task.js';
import { TemplateCache } from '../build/template-cache.js';
import { pathExists, writeFileAtomic } from '../io/atomic.js';
import { displayPath } from '../io/paths.js';
import { serializePlan } from '../plan/serialize.js';
import { validatePlan } from '../plan/validate.js';
import { normalizeDeep } from '../text/nfc.js';
import { cleanAnswer } from './clean.js';
import { type DraftFile, planBaseName } from './draft-file.js';
import { formatIssues } from './review.js';
import type { Session } from './session.js';

export interface FinishContext {
  outDir: string;
  cwd: string;
  draftFile: DraftFile;
  templatesDir?: string;
  /** Written into the .docx (SOURCE_DATE_EPOCH or now, as `build` does). */
  created: Date;
  today: Date;
}

export interface Written {
  plan: string;
  docx?: string;
  /** Why the .docx could not be made (the plan file is written all the same). */
  docxError?: string;
}

export function checkFileName(name: string): true | string {
  if (name === '') return 'Hãy nhập tên tệp, ví dụ: ke-hoach-quang-tri-2026.yaml';
  if (/[/\\]/.test(name)) return 'Chỉ nhập tên tệp, không kèm thư mục (thư mục ghi là --out): ví dụ ke-hoach-2026.yaml';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    return 'Tên tệp chỉ nên gồm chữ không dấu, chữ số, dấu gạch ngang và dấu chấm (để gửi qua thư, mạng nội bộ không lỗi): ví dụ ke-hoach-quang-tri-2026.yaml';
  }
  if (!/\.ya?ml$/i.test(name)) return `Tệp kế hoạch có đuôi .yaml: hãy viết ${name}.yaml`;
  if (/\.draft\.ya?ml$/i.test(name))
    return 'Đuôi .draft.yaml dành cho bản nháp (kehoach check bỏ qua khi quét thư mục): hãy bỏ ".draft".';
  return true;
}

/** `base.yaml`, or `base-2.yaml`, `base-3.yaml`…: the first name whose .yaml and .docx are both free. */
export async function freePlanName(outDir: string, base: string): Promise<string> {
  for (let n = 2; n < 1000; n++) {
    const name = `${base}-${n}.yaml`;
    const target = resolve(outDir, name);
    if (!(await pathExists(target)) && !(await pathExists(target.replace(/\.yaml$/, '.docx')))) return name;
  }
  return `${base}-${Date.now()}.yaml`;
}

/** Returns undefined when the clerk turned back to the review. */
export async function finish(s: Session, fc: FinishContext): Promise<Written | undefined> {
  const { plan, issues } = validatePlan(normalizeDeep(s.draft), { today: fc.today });
  if (plan === undefined) {
    s.prompter.say(formatIssues(issues, s.draft));
    return undefined;
  }
  let target: string;
  let docx: string;
  let suggested = `${planBaseName(s.draft)}.yaml`;
  for (;;) {
    const name = cleanAnswer(
      await s.prompter.input({
        id: 'finish.name',
        message: `Tên tệp kế hoạch (ghi vào ${displayPath(fc.outDir, fc.cwd) || '.'}):`,
        default: suggested,
        validate: (typed) => checkFileName(cleanAnswer(typed)),
      }),
    );
    target = resolve(fc.outDir, name);
    docx = target.replace(/\.ya?ml$/i, '.docx');
    const existing = [];
    for (const file of [target, docx]) if (await pathExists(file)) existing.push(basename(file));
    if (existing.length === 0) break;
    const overwrite = await s.prompter.confirm({
      id: 'finish.overwrite',
      message: `${existing.join(' và ')} đã có. Ghi đè?`,
      default: false,
    });
    if (overwrite) break;
    // Offering the same name again would lead to the same question.
    suggested = await freePlanName(fc.outDir, name.replace(/\.ya?ml$/i, ''));
  }

  const text = serializePlan(plan, { schemaPath: schemaReference(target) });
  await writeFileAtomic(target, text);
  const written: Written = { plan: target };
  // The .docx is made from the file just written, by `build`'s own path: a plan the wizard writes
  // and the same plan built later give the same document.
  const settings: BuildSettings = {
    created: fc.created.getTime(),
    today: fc.today.getTime(),
    force: true,
    verbose: false,
  };
  if (fc.templatesDir !== undefined) settings.templatesDir = fc.templatesDir;
  const task = {
    source: target,
    display: displayPath(target, fc.cwd),
    output: docx,
    outputDisplay: displayPath(docx, fc.cwd),
  };
  const outcome = await buildOne(task, settings, new TemplateCache(fc.templatesDir));
  if (outcome.output !== undefined) written.docx = outcome.output;
  else written.docxError = outcome.error ?? outcome.problems.map((p) => p.message).join(' ');
  if (fc.draftFile.path !== undefined && fc.draftFile.path !== target) await fc.draftFile.remove();
  return written;
}
