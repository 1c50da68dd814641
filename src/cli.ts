// The command line. main() is a function of its arguments and a context, and returns the exit
// code; processContext() is the only place that reads `process`. Each command is imported when it
// runs, so that `kehoach --help` does not pay for docx, ajv or inquirer.
import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import type { CommandContext, ExitCode } from './context.js';
import { translateError, translateHelp } from './cli-messages.js';
import { type Commands, loadCommand } from './commands/load.js';
import { isUserError } from './errors.js';
import { errnoCode, ioReason } from './io/errno.js';
import { VERSION } from './version.js';

/** The context of the running process: its streams, folder, environment, clock and signals. */
const requireBuiltin = createRequire(import.meta.url);

export function processContext(): CommandContext {
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  // Once: a second Ctrl-C ends the process the usual way if a command is slow to stop.
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    cwd: process.cwd(),
    env: process.env,
    // The streams, and node:tty, only when asked for: building a stream Node does not need costs a
    // few milliseconds of a short run.
    get stdout() {
      return guardOutput(process.stdout);
    },
    get stderr() {
      return guardOutput(process.stderr);
    },
    // fd 0 asked directly: process.stdin would build a stream (and load net) only to answer this.
    get stdinIsTTY() {
      return (requireBuiltin('node:tty') as typeof import('node:tty')).isatty(0);
    },
    // Made only when the wizard reads keys from it.
    get stdin() {
      return process.stdin;
    },
    ...(process.argv[1] !== undefined ? { bin: process.argv[1] } : {}),
    signal: abort.signal,
    now: () => new Date(),
    verbose: false,
  };
}

// A stream the output goes to may go away or fail while it is written: `kehoach check … | head`
// closes the pipe after ten lines (EPIPE), and a report redirected to a full disk fails (ENOSPC).
// Node raises both as an 'error' event, which with no listener ended the process with a stack
// trace. Once the reader has gone, the rest of the output is not wanted, and the command ends with
// its own exit code; any other failure is said once, in Vietnamese, with exit code 2 (bin/kehoach.js
// keeps it over the command's).
const guarded = new WeakSet<NodeJS.WriteStream>();

function guardOutput(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (guarded.has(stream)) return stream;
  guarded.add(stream);
  let gone = false;
  stream.on('error', (error) => {
    if (gone) return;
    gone = true;
    if (errnoCode(error) === 'EPIPE') return;
    // Said on stderr, itself guarded: with its reader gone too, the exit code is still 2.
    if (stream !== process.stderr)
      guardOutput(process.stderr).write(
        `kehoach: không ghi được kết quả ra đầu ra chuẩn (stdout): ${ioReason(error, 'write')}.\n`,
      );
    process.exitCode = 2;
  });
  return stream;
}

/**
 * Run the command line `argv` (the arguments after `kehoach`) and return the exit code of the
 * README's contract. Never throws: a user error prints its Vietnamese message, anything else a
 * short internal-error line (the stack with --verbose).
 */
export async function main(argv: readonly string[], context: CommandContext): Promise<ExitCode> {
  try {
    return await parseAndRun(argv, context);
  } catch (error) {
    if (isUserError(error)) {
      context.stderr.write(`kehoach: ${error.message}\n`);
      return error.exitCode;
    }
    const verbose = argv.includes('--verbose');
    const detail = error instanceof Error ? error.message : String(error);
    context.stderr.write(
      `kehoach: lỗi nội bộ: ${detail}\n` +
        (verbose && error instanceof Error && error.stack
          ? `${error.stack}\n`
          : 'Chạy lại với --verbose để xem chi tiết, và báo lỗi này cho nhóm phát triển.\n'),
    );
    return 2;
  }
}

async function parseAndRun(argv: readonly string[], context: CommandContext): Promise<ExitCode> {
  let exitCode: ExitCode = 0;
  const program = new Command();
  // The context's getters copied as getters: a spread would call them all (and build process.stdin,
  // the std streams and node:tty for every command, which is what they are there to avoid).
  const ctx = (): CommandContext =>
    Object.defineProperties(
      {},
      {
        ...Object.getOwnPropertyDescriptors(context),
        verbose: { value: Boolean(context.verbose) || Boolean(program.opts()['verbose']), enumerable: true },
      },
    ) as CommandContext;
  const run = (fn: () => Promise<ExitCode>) => async () => {
    exitCode = await fn();
  };
  const command = async <N extends keyof Commands>(
    name: N,
    call: (module: Commands[N]) => Promise<ExitCode>,
  ): Promise<ExitCode> => {
    const loaded = await loadCommand(name, context.env);
    try {
      return await call(loaded.module);
    } finally {
      await loaded.done();
    }
  };

  program
    .name('kehoach')
    .description(
      'Soạn Kế hoạch/Chương trình triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 (Công văn 404/BNG-NGVH-UNESCO), đúng thể thức Nghị định 30/2020/NĐ-CP.',
    )
    .version(VERSION, '-V, --version', 'in phiên bản')
    .helpOption('-h, --help', 'in hướng dẫn')
    .addHelpCommand('help [lệnh]', 'in hướng dẫn của một lệnh')
    .option('--verbose', 'in thêm chi tiết khi có lỗi nội bộ')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => context.stdout.write(translateHelp(s)),
      writeErr: (s) => context.stderr.write(translateHelp(s)),
      outputError: (s, write) => write(translateError(s)),
    })
    .exitOverride();

  program
    .command('check')
    .description('kiểm tra tệp kế hoạch hoặc văn bản Word theo Nghị định 30, lược đồ và các quy tắc của Công văn 404')
    .argument('<đường-dẫn...>', 'tệp, thư mục (tìm *.yaml, *.yml, *.docx, *.doc) hoặc mẫu glob')
    .addOption(
      new Option('-f, --format <định-dạng>', 'định dạng báo cáo')
        .choices(['stylish', 'json', 'junit', 'sarif', 'github'])
        .default('stylish'),
    )
    .option('-o, --output <tệp>', 'ghi báo cáo vào tệp thay vì màn hình')
    .addOption(
      new Option('--fail-on <mức>', 'mức lỗi làm lệnh trả mã 1').choices(['error', 'warning']).default('error'),
    )
    .option('-j, --jobs <số>', 'số luồng đọc kế hoạch song song (mặc định: số lõi CPU)')
    .option('--annotate <thư-mục>', 'ghi vào thư mục này bản sao của mỗi văn bản .docx, mỗi vấn đề là một ghi chú ở lề')
    .action(async (paths: string[], opts) =>
      run(async () => command('check', (m) => m.check({ paths, ...opts }, ctx())))(),
    );

  program
    .command('build')
    .description('dựng tệp .docx đúng thể thức từ một hoặc nhiều tệp kế hoạch')
    .argument('<đường-dẫn...>', 'tệp, thư mục (tìm *.yaml, *.yml) hoặc mẫu glob')
    .option('-o, --out <thư-mục>', 'thư mục ghi kết quả (mặc định: cạnh tệp kế hoạch)')
    .option('--force', 'ghi đè tệp .docx đã có')
    .option('--templates <thư-mục>', 'thư mục mẫu Handlebars ghi đè mẫu có sẵn (theo tên tệp)')
    .option('-j, --jobs <số>', 'số luồng dựng song song (mặc định: số lõi CPU)')
    .option('--pdf', 'xuất thêm tệp PDF qua LibreOffice')
    .action(async (paths: string[], opts) =>
      run(async () => command('build', (m) => m.build({ paths, ...opts }, ctx())))(),
    );

  program
    .command('init')
    .description('tạo tệp kế hoạch mẫu có chú thích, hợp lệ ngay')
    .argument('[tệp]', 'tệp cần tạo', 'ke-hoach.yaml')
    .action(async (file: string) => run(async () => command('init', (m) => m.init({ file }, ctx())))());

  program
    .command('import')
    .description('đọc một văn bản Word (.docx) thành tệp kế hoạch YAML')
    .argument('<tệp.docx>', 'kế hoạch hoặc chương trình dạng .docx (cả khi kèm theo một Quyết định)')
    .option('-o, --out <tệp>', 'tệp kế hoạch ghi ra (mặc định: cùng tên, đuôi .yaml, cạnh tệp .docx)')
    .option('--force', 'ghi đè tệp kế hoạch đã có')
    .action(async (file: string, opts) =>
      run(async () => command('import', (m) => m.importCommand({ file, ...opts }, ctx())))(),
    );

  program
    .command('schema')
    .description('in lược đồ JSON Schema của tệp kế hoạch')
    .action(async () => run(async () => command('schema', (m) => m.schema({}, ctx())))());

  program
    .command('wizard')
    .description('soạn kế hoạch bằng cách trả lời câu hỏi, rồi dựng tệp .docx')
    .option(
      '-o, --out <thư-mục>',
      'thư mục ghi tệp kế hoạch và .docx (mặc định: thư mục hiện tại; với --resume: thư mục của bản nháp)',
    )
    .option('--resume <tệp>', 'tiếp tục bản nháp đã lưu')
    .option('--from <tệp>', 'bắt đầu từ một kế hoạch có sẵn (ví dụ kế hoạch năm trước)')
    .option(
      '--templates <thư-mục>',
      'thư mục mẫu ghi đè mẫu có sẵn; data/agencies.yaml và data/suggestions.yaml trong đó ghi đè danh sách cơ quan và nhiệm vụ gợi ý',
    )
    .action(async (opts) => run(async () => (await import('./commands/wizard.js')).wizard(opts, ctx()))());

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every usage mistake is the contract's 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return exitCode;
}
