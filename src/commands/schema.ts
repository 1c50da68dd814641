import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { packagePath } from '../io/paths.js';
import type { CommandContext, ExitCode } from '../context.js';

export type SchemaOptions = Record<string, never>;

/**
 * `kehoach schema`: print the installed schemas/plan.schema.json, the very file editors point at,
 * so that what the user pipes elsewhere cannot differ from it. Loads neither yaml nor ajv.
 */
export async function schema(_options: SchemaOptions, ctx: CommandContext): Promise<ExitCode> {
  const file = packagePath('schemas', 'plan.schema.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(
      `không đọc được lược đồ đi kèm "${file}" (${reason}). Bản cài đặt kehoach bị thiếu tệp: cài lại kehoach.`,
      2,
    );
  }
  ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
