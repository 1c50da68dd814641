// The wizard session from options to exit code, with the prompter passed in: the command gives
// the inquirer one, tests give a scripted one.
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checkOutDir, creationDate } from '../build/options.js';
import { shellQuote } from '../text/shell.js';
import type { CommandContext, ExitCode } from '../context.js';
import { UserError } from '../errors.js';
import { ioReason } from '../io/errno.js';
import { displayPath } from '../io/paths.js';
import { readLimited } from '../io/read.js';
import { MAX_PLAN_BYTES, decodePlan, tooLargeProblem } from '../plan/decode.js';
import { loadPlan } from '../plan/load.js';
import type { Problem } from '../plan/problem.js';
import { validatePlan } from '../plan/validate.js';
import { normalizeDeep } from '../text/nfc.js';
import { visible } from '../text/visible.js';
import { importDocxFile } from '../docx/import/from-file.js';
import { importToYaml } from '../docx/import-yaml.js';
import { loadWizardData } from './data.js';
import { DraftFile, isWizardDraft } from './draft-file.js';
import { type DraftPlan, type Progress, openDraft, parseDraft } from './draft.js';
import { wizardFindings } from './findings.js';
import { finish, type Written } from './finish.js';
import { isPromptInterrupt, type Prompter } from './prompter.js';
import { runWizard } from './run.js';
import type { Checker, Session } from './session.js';
import { commandName } from './invocation.js';
import { prepareFrom, progressFromData } from './start.js';

export interface WizardOptions {
  out?: string;
  resume?: string;
  from?: string;
  /** Folder of template overrides, as for `build`; its data/ holds agencies.yaml, suggestions.yaml. */
  templates?: string;
}

async function readBytes(path: string, shown: string, what: string): Promise<Buffer> {
  let read;
  try {
    read = await readLimited(path, MAX_PLAN_BYTES);
  } catch (error) {
    throw new UserError(`Không mở được ${what} "${shown}": ${ioReason(error)}. Kiểm tra lại đường dẫn.`, 2);
  }
  if ('tooLarge' in read)
    throw new UserError(`Không mở được ${what} "${shown}": ${tooLargeProblem(read.tooLarge).message}`, 2);
  return Buffer.from(read.bytes);
}

/**
 * The parser's own message is English ("Flow sequence in block collection…"): say it as `check`
 * does, in Vietnamese with the line and column.
 */
function brokenYaml(text: string, what: string, today: Date, next: string): UserError {
  const located = loadPlan(text, { today })
    .problems.filter((p) => /^(yaml|file)-/.test(p.rule))
    .slice(0, 3)
    .map((p) => `  dòng ${p.line}, cột ${p.column}: ${p.message}`);
  const detail = located.length > 0 ? `:\n${located.join('\n')}\n` : ' (cú pháp YAML không đúng). ';
  return new UserError(`Không đọc được ${what}${detail}${next}`, 2);
}

function readDraft<T>(read: (text: string) => T, text: string, what: string, today: Date, next: string): T {
  try {
    return read(text);
  } catch {
    throw brokenYaml(text, what, today, next);
  }
}

/** At most this many places are listed; the clerk fixes them and runs again to see the rest. */
const MAX_LISTED = 20;

/**
 * --resume rewrites the draft after every answer, so a draft the wizard cannot read whole (bytes
 * that are not UTF-8 text, keys or values the plan has no place for) is refused before anything
 * is written: nothing the clerk typed may vanish at the first save.
 */
function refusedDraft(
  shown: string,
  problems: readonly Problem[],
  why: string,
  next: string,
  what = 'bản nháp',
): UserError {
  const lines = problems.slice(0, MAX_LISTED).map((p) => `  ${shown}:${p.line}:${p.column}: ${p.message}`);
  if (problems.length > MAX_LISTED) lines.push(`  … và ${problems.length - MAX_LISTED} chỗ khác.`);
  return new UserError(`Không mở ${what} "${shown}": ${why}\n${lines.join('\n')}\n${next}Tệp chưa bị thay đổi.`, 2);
}

async function startingPoint(
  options: WizardOptions,
  ctx: CommandContext,
  check: Checker,
): Promise<{ draft: DraftPlan; progress: Progress; intro: string }> {
  if (options.resume !== undefined) {
    const path = resolve(ctx.cwd, options.resume);
    const text = decodePlan(await readBytes(path, options.resume, 'bản nháp'));
    if (typeof text !== 'string') throw refusedDraft(options.resume, [text], 'tệp không đọc được thành văn bản.', '');
    // --resume rewrites the file after every answer and deletes it at the end: never a plan.
    if (!isWizardDraft(path, text)) {
      throw new UserError(
        `"${options.resume}" không phải bản nháp của kehoach wizard (bản nháp có tên đuôi .draft.yaml và dòng "# kehoach-wizard: …" ở đầu tệp), ` +
          'nên --resume không mở tệp này để khỏi ghi đè hay xóa nó. ' +
          `Để soạn tiếp từ kế hoạch đã có, chạy: ${commandName(ctx.env, ctx.bin)} wizard --from ${shellQuote(options.resume)} ` +
          '(tệp gốc giữ nguyên; wizard hỏi lại năm, số, ngày, người ký rồi ghi thành tệp kế hoạch mới).',
        2,
      );
    }
    const { parsed, lost } = readDraft(
      openDraft,
      text,
      `bản nháp "${options.resume}"`,
      ctx.now(),
      'Sửa tệp rồi chạy lại, hoặc bắt đầu lại bằng kehoach wizard.',
    );
    if (lost.length > 0) {
      throw refusedDraft(
        options.resume,
        lost,
        'wizard ghi lại bản nháp sau mỗi câu trả lời, và những chỗ dưới đây sẽ bị mất vì kế hoạch không có chỗ cho chúng:',
        'Sửa bản nháp (đổi tên khóa cho đúng, sửa hoặc xóa giá trị) rồi chạy lại. ',
      );
    }
    const progress = parsed.progress ?? progressFromData(parsed.draft);
    return {
      draft: { version: 1, ...parsed.draft },
      progress,
      intro: `Tiếp tục bản nháp ${options.resume}: các câu đã trả lời được giữ nguyên.`,
    };
  }
  if (options.from !== undefined && /\.docx$/iu.test(options.from)) {
    // A Word file (last year's plan as issued): read it as `kehoach import` does, then go on as from a plan file.
    const imported = await importDocxFile(resolve(ctx.cwd, options.from), options.from, options.templates);
    const parsed = parseDraft(importToYaml(imported, { source: options.from }));
    const { draft, progress } = prepareFrom(parsed.draft, check, ctx.now());
    const leftovers =
      imported.leftovers.length > 0
        ? ` ${imported.leftovers.length} đoạn chưa xếp được vào kế hoạch (chạy ${commandName(ctx.env, ctx.bin)} import ${shellQuote(options.from)} để xem).`
        : '';
    return {
      draft,
      progress,
      intro:
        `Bắt đầu từ văn bản Word ${options.from}: đã đọc thành kế hoạch; wizard hỏi năm, số, ngày, người ký và những chỗ còn thiếu hoặc kiểm tra thấy có vấn đề.${leftovers} ` +
        'Màn hình Xem lại liệt kê những chỗ còn ghi năm của kế hoạch cũ để đổi hoặc sửa.',
    };
  }
  if (options.from !== undefined) {
    const text = (await readBytes(resolve(ctx.cwd, options.from), options.from, 'kế hoạch')).toString('utf8');
    const { parsed, lost } = readDraft(
      openDraft,
      text,
      `"${options.from}"`,
      ctx.now(),
      `Sửa tệp rồi chạy lại (${commandName(ctx.env, ctx.bin)} check ${shellQuote(options.from)} cũng chỉ ra các lỗi này).`,
    );
    // A value of the wrong kind is asked again (the checks flag the place it leaves empty), but
    // what stands under a key the plan has no place for would vanish from next year's plan unseen.
    const unknown = lost.filter((p) => p.rule === 'draft-unknown-key');
    if (unknown.length > 0) {
      throw refusedDraft(
        options.from,
        unknown,
        'kế hoạch không có chỗ cho những khóa dưới đây, nên nội dung của chúng sẽ không sang được kế hoạch mới:',
        'Sửa tệp (đổi tên khóa cho đúng, hoặc xóa khóa không cần) rồi chạy lại. ',
        'kế hoạch',
      );
    }
    const { draft, progress } = prepareFrom(parsed.draft, check, ctx.now());
    return {
      draft,
      progress,
      intro:
        `Bắt đầu từ ${options.from}: giữ nguyên nội dung, chỉ hỏi năm, số, ngày, người ký và những chỗ kiểm tra thấy có vấn đề. ` +
        'Màn hình Xem lại liệt kê những chỗ còn ghi năm của kế hoạch cũ để đổi hoặc sửa.',
    };
  }
  return { draft: { version: 1 }, progress: { answered: [] }, intro: '' };
}

/** Unfinished drafts already in the folder: a clerk who forgot --resume learns how to go on. */
async function pendingDrafts(outDir: string, file: DraftFile): Promise<string> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const found = names.filter((n) => /\.draft\.ya?ml$/i.test(n)).sort();
  if (found.length === 0) return '';
  return `Thư mục này có bản nháp chưa xong: ${found.map((n) => file.resumeCommand(join(outDir, n))).join('; ')}`;
}

function written(w: Written, ctx: CommandContext, command: string): string {
  const lines = [`Đã ghi tệp kế hoạch: ${displayPath(w.plan, ctx.cwd)}`];
  if (w.docx) lines.push(`Đã dựng văn bản: ${displayPath(w.docx, ctx.cwd)}`);
  if (w.docxError) {
    lines.push(
      `Chưa dựng được .docx: ${w.docxError}`,
      `Sửa rồi chạy: ${command} build ${displayPath(w.plan, ctx.cwd)}`,
    );
  }
  lines.push(`Kiểm tra lại bất cứ lúc nào: ${command} check ${displayPath(w.plan, ctx.cwd)}`);
  return `${lines.join('\n')}\n`;
}

export async function startWizard(options: WizardOptions, ctx: CommandContext, prompter: Prompter): Promise<ExitCode> {
  if (options.resume !== undefined && options.from !== undefined) {
    throw new UserError(
      'Chỉ dùng một trong hai: --resume (tiếp tục bản nháp) hoặc --from (bắt đầu từ kế hoạch cũ).',
      2,
    );
  }
  // The draft's folder is where its plan goes unless --out says otherwise; cli.ts's default '.'
  // cannot be told from an explicit `--out .`, so '.' counts as not given when resuming.
  const outGiven = options.out !== undefined && !(options.resume !== undefined && options.out === '.');
  // A bad --out or --templates must stop us before the first question, not after the last one.
  const outDir = await checkOutDir(
    outGiven ? options.out! : options.resume !== undefined ? dirname(options.resume) : '.',
    ctx.cwd,
  );
  const templatesDir = options.templates === undefined ? undefined : resolve(ctx.cwd, options.templates);
  if (
    templatesDir !== undefined &&
    !(await stat(templatesDir).then(
      (i) => i.isDirectory(),
      () => false,
    ))
  ) {
    throw new UserError(
      `--templates "${options.templates}" không phải một thư mục đọc được. Ghi đường dẫn tới thư mục mẫu, ví dụ: --templates mau-rieng`,
      2,
    );
  }
  const created = creationDate(ctx.env, ctx.now);
  const today = ctx.now();
  const check: Checker = (data) => [...validatePlan(normalizeDeep(data), { today }).issues, ...wizardFindings(data)];
  const data = await loadWizardData(templatesDir);
  const start = await startingPoint(options, ctx, check);
  const command = commandName(ctx.env, ctx.bin);
  const file = new DraftFile(outDir, ctx.cwd, options.resume, command);

  const session: Session = {
    draft: start.draft,
    progress: start.progress,
    data,
    prompter,
    check,
    today,
    save: async () => {
      await file.save(session.draft, session.progress);
    },
  };
  const intro =
    start.intro ||
    (options.resume === undefined && options.from === undefined ? await pendingDrafts(outDir, file) : '');
  prompter.say(
    'kehoach wizard: soạn Kế hoạch/Chương trình triển khai Chiến lược Ngoại giao văn hóa đến năm 2030.\n' +
      'Bản nháp được lưu sau mỗi câu trả lời; nhấn Ctrl-C bất cứ lúc nào để tạm dừng và tiếp tục sau, Esc để quay lại câu trước.' +
      (intro ? `\n${intro}` : ''),
  );

  let result: Written | undefined;
  const savedMessage = (): string =>
    `Đã lưu bản nháp vào ${displayPath(file.path ?? '', ctx.cwd)}. Để tiếp tục: ${file.resumeCommand()}\n`;
  try {
    const outcome = await runWizard(session, async (s) => {
      result = await finish(s, {
        outDir,
        cwd: ctx.cwd,
        draftFile: file,
        ...(templatesDir ? { templatesDir } : {}),
        created,
        today,
      });
      return result !== undefined;
    });
    if (outcome === 'saved') {
      await session.save();
      ctx.stdout.write(visible(savedMessage()));
      return 0;
    }
  } catch (error) {
    if (!isPromptInterrupt(error)) throw error;
    await session.save();
    ctx.stderr.write(`\n${visible(savedMessage())}`);
    return 1;
  }
  if (result === undefined) return 1;
  // Paths are named after the plan's own text: shown, never acted on by the terminal.
  ctx.stdout.write(visible(written(result, ctx, command)));
  return result.docxError === undefined ? 0 : 1;
}
