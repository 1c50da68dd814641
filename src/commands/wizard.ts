// `kehoach wizard`: refuse at once without a terminal (nothing to prompt, nothing to hang on),
// then load inquirer and hand over to the wizard.
import { UserError } from '../errors.js';
import type { WizardOptions } from '../wizard/main.js';
import type { CommandContext, ExitCode } from '../context.js';

export const NO_TERMINAL_MESSAGE =
  'kehoach wizard cần một cửa sổ dòng lệnh (terminal) để hỏi đáp, nhưng đầu vào hoặc đầu ra ở đây không phải terminal ' +
  '(đang chạy trong script, CI hoặc qua ống dẫn). Hãy soạn bằng tệp: "kehoach init ke-hoach.yaml" tạo tệp kế hoạch mẫu có chú thích, ' +
  'sửa tệp đó, rồi "kehoach build ke-hoach.yaml" dựng văn bản .docx.';

export async function wizard(options: WizardOptions, ctx: CommandContext): Promise<ExitCode> {
  if (!ctx.stdinIsTTY || !ctx.stdout.isTTY) throw new UserError(NO_TERMINAL_MESSAGE, 2);
  const { createInquirerPrompter } = await import('../wizard/inquirer-prompter.js');
  const { startWizard } = await import('../wizard/main.js');
  const prompter = await createInquirerPrompter({
    stdout: ctx.stdout,
    ...(ctx.stdin ? { stdin: ctx.stdin } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  try {
    return await startWizard(options, ctx, prompter);
  } finally {
    prompter.close?.();
  }
}
