// Every command-line case in one table: run in-process through main() (fast, always the current
// source), and, where `spawn` is set, also through the built bin, which must answer the same.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';
import { exampleText, invalidPlan } from './helpers/build.js';
import { gialaiMain, wordDocx } from './helpers/word-plan.js';
import { loadPlan, renderPlan } from '../src/index.js';

export const CHECK_FIXTURES = join(ROOT, 'test', 'fixtures', 'check');

export interface Want {
  code: number;
  stdout?: RegExp[];
  stderr?: RegExp[];
  notStdout?: RegExp[];
  /** Exactly this stdout (after paths are normalised). */
  stdoutIs?: string;
}

export interface CliCase {
  name: string;
  args: string[];
  /** A folder to run in, or files to write into a fresh temporary folder. Default: the check fixtures. */
  cwd?: string;
  files?: () => Record<string, string>;
  /** More preparation in the temporary folder (links, FIFOs). */
  setup?: (dir: string) => void;
  want: Want;
  /** Further checks on the folder after the run. */
  after?: (dir: string) => void;
  /** Also spawn the built bin and require the same exit code and output. */
  spawn?: boolean;
}

/** The line and column (1-based) where `needle` starts in a check fixture. */
export function locate(fixture: string, needle: string): { line: number; column: number } {
  const lines = readFileSync(join(CHECK_FIXTURES, fixture), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`${needle} not in ${fixture}`);
  return { line: line + 1, column: [...lines[line]!.slice(0, lines[line]!.indexOf(needle))].length + 1 };
}

const beyond2030 = locate('invalid.yaml', '2029-2031');

// .docx inputs for `import`: one kehoach built, one typed in Word (no appendix, leads missing), one that is no plan.
const BUILT_DOCX = await renderPlan(loadPlan(exampleText(0)).plan!, { created: new Date('2026-01-02T00:00:00Z') });
const WORD_DOCX = await wordDocx(gialaiMain());
const NO_PLAN_DOCX = await wordDocx(['Báo cáo tình hình tháng 6.', 'Không phải kế hoạch.']);
const docx = (name: string, bytes: Uint8Array) => (dir: string) => writeFileSync(join(dir, name), bytes);
const importedValid = (file: string) => (dir: string) => {
  const text = readFileSync(join(dir, file), 'utf8');
  expect(text).toMatch(/^# yaml-language-server: \$schema=/);
  expect(loadPlan(text).plan).toBeDefined();
};

export const CASES: CliCase[] = [
  // check
  {
    name: 'check: a valid plan passes',
    args: ['check', 'valid.yaml'],
    want: { code: 0, stdoutIs: 'Không có vấn đề nào trong 1 tệp.\n' },
    spawn: true,
  },
  {
    name: 'check: an invalid plan fails with file:line:column',
    args: ['check', 'invalid.yaml'],
    want: {
      code: 1,
      stdout: [
        /^invalid\.yaml$/m,
        new RegExp(`^ {2}${beyond2030.line}:${beyond2030.column} +lỗi `, 'm'),
        /^✖ \d+ lỗi/m,
      ],
    },
    spawn: true,
  },
  {
    name: 'check: warnings alone pass by default',
    args: ['check', 'warning-only.yaml'],
    want: { code: 0, stdout: [/cảnh báo/, /^⚠ \d+ cảnh báo trong 1 tệp\.$/m], notStdout: [/ lỗi /] },
  },
  {
    name: 'check: warnings fail under --fail-on warning',
    args: ['check', '--fail-on', 'warning', 'warning-only.yaml'],
    want: { code: 1, stdout: [/cảnh báo/] },
  },
  {
    name: 'check: broken YAML is a finding, not a crash',
    args: ['check', 'invalid-yaml-syntax.yaml'],
    want: { code: 1, stdout: [/^invalid-yaml-syntax\.yaml$/m, /^ {2}\d+:\d+ +lỗi /m] },
  },
  {
    name: 'check: a folder checks every plan in it, in a stable order',
    args: ['check', '.'],
    want: {
      code: 1,
      stdout: [
        /^invalid\.yaml$/m,
        /^invalid-yaml-syntax\.yaml$/m,
        /^warning-only\.yaml$/m,
        /\(đã kiểm tra 4 tệp\)\.$/m,
      ],
    },
  },
  {
    name: 'check: github annotations',
    args: ['check', '--format', 'github', 'invalid.yaml'],
    want: {
      code: 1,
      stdout: [
        new RegExp(`^::error file=invalid\\.yaml,line=${beyond2030.line},col=${beyond2030.column},title=[^:]+::`, 'm'),
      ],
    },
  },
  {
    name: 'check: a missing path is exit 2 with a Vietnamese message',
    args: ['check', 'khong-co.yaml'],
    want: { code: 2, stderr: [/^kehoach: không tìm thấy "khong-co\.yaml"/m] },
    spawn: true,
  },
  {
    name: 'check: a glob matching nothing is exit 2',
    args: ['check', 'khong-co/**/*.yaml'],
    want: { code: 2, stderr: [/mẫu "khong-co\/\*\*\/\*\.yaml" không khớp tệp nào/] },
  },
  {
    name: 'check: an unknown option is exit 2',
    args: ['check', '--khong-co', 'valid.yaml'],
    want: { code: 2, stderr: [/--khong-co/] },
  },
  {
    name: 'check: an unknown format is exit 2',
    args: ['check', '--format', 'xml', 'valid.yaml'],
    want: { code: 2, stderr: [/xml/] },
  },
  {
    name: 'check: --jobs out of range is exit 2',
    args: ['check', '--jobs', '65', 'valid.yaml'],
    want: { code: 2, stderr: [/--jobs phải là một số nguyên từ 1 đến 64/] },
  },
  {
    name: 'check: no path at all is exit 2',
    args: ['check'],
    want: { code: 2, stderr: [/thiếu tham số bắt buộc «đường-dẫn»/] },
  },

  // usage and help
  {
    name: 'usage: an unknown command is exit 2',
    args: ['chek'],
    want: { code: 2, stderr: [/không có lệnh «chek»/] },
    spawn: true,
  },
  {
    name: 'usage: an unknown option',
    args: ['check', '--bogus', 'x'],
    want: { code: 2, stderr: [/không có tùy chọn «--bogus»/] },
  },
  {
    name: 'usage: a value outside the choices',
    args: ['check', '-f', 'xml', 'x'],
    want: { code: 2, stderr: [/không nhận giá trị «xml»/] },
  },
  {
    name: 'usage: an extra argument',
    args: ['schema', 'extra'],
    want: { code: 2, stderr: [/thừa tham số cho lệnh «schema»/] },
  },
  {
    name: 'help: Vietnamese headings',
    args: ['build', '--help'],
    want: { code: 0, stdout: [/^Cách dùng: kehoach build \[tùy-chọn\]/, /Tùy chọn:/] },
    spawn: true,
  },
  { name: 'help: --version', args: ['--version'], want: { code: 0, stdout: [/^\d+\.\d+\.\d+\n$/] }, spawn: true },

  // schema
  { name: 'schema: prints the JSON Schema', args: ['schema'], want: { code: 0, stdout: [/"\$schema"/, /"version"/] } },

  // init
  {
    name: 'init: writes a starter and names the next commands',
    args: ['init', 'ke-hoach.yaml'],
    files: () => ({}),
    want: {
      code: 0,
      stdout: [/^Đã tạo ke-hoach\.yaml/, /kehoach check ke-hoach\.yaml/, /kehoach build ke-hoach\.yaml/],
    },
  },
  {
    name: 'init: refuses to overwrite, exit 1',
    args: ['init', 'ke-hoach.yaml'],
    files: () => ({ 'ke-hoach.yaml': 'x: 1\n' }),
    want: { code: 1, stderr: [/^kehoach: "ke-hoach\.yaml" đã có; kehoach không ghi đè/m] },
  },

  // build
  {
    name: 'build: a valid plan gives its .docx beside it',
    args: ['build', 'a.yaml'],
    files: () => ({ 'a.yaml': exampleText() }),
    want: { code: 0, stderr: [/✔ a\.yaml → a\.docx/, /^Đã dựng 1 tệp, 0 tệp lỗi, trong \d+,\d\d giây\.$/m] },
  },
  {
    name: 'build: an invalid plan is reported with line:column, exit 1',
    args: ['build', 'b.yaml'],
    files: () => ({ 'b.yaml': invalidPlan().text }),
    want: { code: 1, stderr: [/✖ b\.yaml: \d+ lỗi/, new RegExp(`^ {2}${invalidPlan().line}:\\d+ +lỗi`, 'm')] },
  },
  {
    name: 'build: an existing output is kept without --force',
    args: ['build', 'a.yaml'],
    files: () => ({ 'a.yaml': exampleText(), 'a.docx': 'old' }),
    want: { code: 1, stderr: [/a\.docx đã có, không ghi đè\. Thêm --force/] },
  },
  {
    name: 'build: --jobs 0 is exit 2',
    args: ['build', 'a.yaml', '--jobs', '0'],
    files: () => ({ 'a.yaml': exampleText() }),
    want: { code: 2, stderr: [/--jobs/] },
  },
  {
    name: 'build: a missing input is exit 2',
    args: ['build', 'khong-co.yaml'],
    files: () => ({}),
    want: { code: 2, stderr: [/không tìm thấy "khong-co\.yaml"/] },
  },

  // hostile places
  {
    name: 'build: an output that is its own input is refused, even with --force, and the plan kept',
    args: ['build', 'ke-hoach.docx', '--force'],
    files: () => ({ 'ke-hoach.docx': exampleText() }),
    want: { code: 2, stderr: [/tệp kết quả "ke-hoach\.docx" chính là tệp kế hoạch "ke-hoach\.docx"/] },
    after: (dir) => expect(readFileSync(join(dir, 'ke-hoach.docx'), 'utf8')).toBe(exampleText()),
  },
  {
    name: 'build: an output reached through a link to the input is refused too',
    args: ['build', 'a.yaml', '--force'],
    files: () => ({ 'a.yaml': exampleText() }),
    setup: (dir) => symlinkSync('a.yaml', join(dir, 'a.docx')),
    want: { code: 2, stderr: [/chính là tệp kế hoạch "a\.yaml"/] },
    after: (dir) => expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(exampleText()),
  },
  {
    name: 'check: a report --output over the file checked is refused, also through a link, and the plan kept',
    args: ['check', 'a.yaml', '--output', 'report.txt'],
    files: () => ({ 'a.yaml': exampleText() }),
    setup: (dir) => symlinkSync('a.yaml', join(dir, 'report.txt')),
    want: { code: 2, stderr: [/báo cáo --output "report\.txt" sẽ ghi đè chính tệp được kiểm tra "a\.yaml"/] },
    after: (dir) => expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(exampleText()),
  },
  {
    // x does not exist: the kernel cannot walk x/.., though path.resolve would make it a.yaml.
    name: 'build: a dangling link through a missing folder (x/../a.yaml) writes nothing, and the plan is kept',
    args: ['build', 'a.yaml', '--force'],
    files: () => ({ 'a.yaml': exampleText() }),
    setup: (dir) => symlinkSync('x/../a.yaml', join(dir, 'a.docx')),
    want: { code: 1, stderr: [/a\.yaml: không ghi được a\.docx: không tồn tại/] },
    after: (dir) => expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(exampleText()),
  },
  {
    name: 'build: --out inside /proc fails at once with exit 2',
    args: ['build', 'a.yaml', '--out', '/proc/kehoach-khong-co/x'],
    files: () => ({ 'a.yaml': exampleText() }),
    want: {
      code: 2,
      stderr: [
        /không ghi được vào thư mục --out "\/proc\/kehoach-khong-co\/x": hệ thống tệp ở đó không cho thao tác này/,
      ],
    },
  },
  {
    name: 'build: no empty --out folder is left when nothing is built',
    args: ['build', 'b.yaml', '--out', 'ra/trong'],
    files: () => ({ 'b.yaml': invalidPlan().text }),
    want: { code: 1 },
    after: (dir) => expect(existsSync(join(dir, 'ra'))).toBe(false),
  },
  {
    name: 'build: an unreadable input is exit 2, as in check, and the others are built',
    args: ['build', 'a.yaml', 'fifo.yaml'],
    files: () => ({ 'a.yaml': exampleText() }),
    setup: (dir) => execFileSync('mkfifo', [join(dir, 'fifo.yaml')]),
    want: { code: 2, stderr: [/✔ a\.yaml → a\.docx/, /không đọc được "fifo\.yaml": đây không phải tệp thường/] },
  },
  {
    name: 'build: --out through a dangling link makes the folder it names',
    args: ['build', 'a.yaml', '--out', 'ra'],
    files: () => ({ 'a.yaml': exampleText() }),
    setup: (dir) => symlinkSync('that/place', join(dir, 'ra')),
    want: { code: 0, stderr: [/✔ a\.yaml → ra\/a\.docx/] },
    after: (dir) => expect(existsSync(join(dir, 'that', 'place', 'a.docx'))).toBe(true),
  },
  {
    name: 'check: --output under a file says a part of the path is a file',
    args: ['check', 'valid.yaml', '--output', 'valid.yaml/r.txt'],
    files: () => ({ 'valid.yaml': readFileSync(join(CHECK_FIXTURES, 'valid.yaml'), 'utf8') }),
    want: {
      code: 2,
      stderr: [/không ghi được báo cáo vào "valid\.yaml\/r\.txt": một phần của đường dẫn là tệp, không phải thư mục/],
    },
  },
  {
    name: 'build: a FIFO among the template overrides is refused at once, not waited on',
    args: ['build', 'a.yaml', '--templates', 'mau'],
    files: () => ({ 'a.yaml': exampleText(), 'mau/ghi-chu.txt': 'x' }),
    setup: (dir) => execFileSync('mkfifo', [join(dir, 'mau', 'funding.hbs')]),
    want: { code: 2, stderr: [/funding\.hbs/] },
  },
  {
    name: 'check: a device is refused without reading it',
    args: ['check', '/dev/zero'],
    want: { code: 2, stderr: [/không đọc được "\/dev\/zero": đây không phải tệp thường/] },
  },
  {
    name: 'check: a FIFO is refused without waiting for a writer',
    args: ['check', 'fifo.yaml'],
    files: () => ({}),
    setup: (dir) => execFileSync('mkfifo', [join(dir, 'fifo.yaml')]),
    want: { code: 2, stderr: [/không đọc được "fifo\.yaml"/] },
  },
  {
    name: 'check: --output through a link to /dev/null writes into it and keeps the link',
    args: ['check', 'valid.yaml', '--output', 'null-link'],
    files: () => ({ 'valid.yaml': readFileSync(join(CHECK_FIXTURES, 'valid.yaml'), 'utf8') }),
    setup: (dir) => symlinkSync('/dev/null', join(dir, 'null-link')),
    want: { code: 0, stderr: [/Đã ghi báo cáo stylish vào null-link/] },
    after: (dir) => expect(lstatSync(join(dir, 'null-link')).isSymbolicLink()).toBe(true),
  },
  {
    name: 'check: --output inside /proc fails at once with exit 2',
    args: ['check', 'valid.yaml', '--output', '/proc/kehoach-khong-co/r.txt'],
    want: { code: 2, stderr: [/không ghi được báo cáo vào "\/proc\/kehoach-khong-co\/r\.txt"/] },
  },
  {
    name: 'init: inside /proc fails at once with exit 2',
    args: ['init', '/proc/kehoach-khong-co/x.yaml'],
    files: () => ({}),
    want: { code: 2, stderr: [/không tạo được/] },
  },

  // wizard
  {
    name: 'wizard: refuses to prompt without a terminal and names the way without one',
    args: ['wizard'],
    files: () => ({}),
    want: { code: 2, stderr: [/kehoach init/, /kehoach build/] },
    spawn: true,
  },

  // import
  {
    name: 'import: a plan kehoach built comes back as a valid plan file beside the .docx',
    args: ['import', 'ke-hoach.docx'],
    files: () => ({}),
    setup: docx('ke-hoach.docx', BUILT_DOCX),
    want: {
      code: 0,
      stdout: [
        /^Đã đọc ke-hoach\.docx và ghi ke-hoach\.yaml\.$/m,
        /agency\.sector \(Khối cơ quan\)/,
        /kehoach check ke-hoach\.yaml/,
      ],
    },
    after: importedValid('ke-hoach.yaml'),
    spawn: true,
  },
  {
    name: 'import: --out names the plan file, its folder made',
    args: ['import', 'ke-hoach.docx', '--out', 'moi/plan.yaml'],
    files: () => ({}),
    setup: docx('ke-hoach.docx', BUILT_DOCX),
    want: { code: 0, stdout: [/ghi moi\/plan\.yaml/] },
    after: importedValid('moi/plan.yaml'),
  },
  {
    name: 'import: an existing plan file is not overwritten without --force (exit 2)',
    args: ['import', 'ke-hoach.docx'],
    files: () => ({ 'ke-hoach.yaml': 'giữ nguyên\n' }),
    setup: docx('ke-hoach.docx', BUILT_DOCX),
    want: { code: 2, stderr: [/"ke-hoach\.yaml" đã có/, /--force/] },
    after: (dir) => expect(readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8')).toBe('giữ nguyên\n'),
  },
  {
    name: 'import: --force overwrites the plan file',
    args: ['import', 'ke-hoach.docx', '--force'],
    files: () => ({ 'ke-hoach.yaml': 'giữ nguyên\n' }),
    setup: docx('ke-hoach.docx', BUILT_DOCX),
    want: { code: 0 },
    after: importedValid('ke-hoach.yaml'),
  },
  {
    name: 'import: a Word plan with gaps is written, its errors located in the YAML (exit 1), leftovers kept as comments',
    args: ['import', 'gia-lai.docx'],
    files: () => ({}),
    setup: docx('gia-lai.docx', WORD_DOCX),
    want: {
      code: 1,
      stdout: [
        /Còn thiếu \d+ chỗ/,
        /tasks\.mobilization\[0\]\.lead \(Cơ quan chủ trì\)/,
        /^gia-lai\.yaml$/m,
        /^ {2}\d+:\d+ +lỗi /m,
        /đoạn chưa xếp được/,
      ],
    },
    after: (dir) => {
      const text = readFileSync(join(dir, 'gia-lai.yaml'), 'utf8');
      expect(text).toMatch(/^# đoạn \d+, chưa xếp được: 6\. Nhiệm vụ khác$/m);
      expect(text).toMatch(/^# đoạn \d+, chưa xếp được: \(Đã ký\)$/m);
    },
    spawn: true,
  },
  {
    name: 'import: a file that is not a .docx is exit 2 with a Vietnamese reason',
    args: ['import', 'x.docx'],
    files: () => ({ 'x.docx': 'xin chào' }),
    want: { code: 2, stderr: [/Không đọc được "x\.docx"\. Tệp không phải là văn bản \.docx/] },
    after: (dir) => expect(existsSync(join(dir, 'x.yaml'))).toBe(false),
    spawn: true,
  },
  {
    name: 'import: an empty file is exit 2',
    args: ['import', 'rong.docx'],
    files: () => ({ 'rong.docx': '' }),
    want: { code: 2, stderr: [/Tệp rỗng/] },
  },
  {
    name: 'import: a Word file that holds no plan is exit 2',
    args: ['import', 'bao-cao.docx'],
    files: () => ({}),
    setup: docx('bao-cao.docx', NO_PLAN_DOCX),
    want: { code: 2, stderr: [/không phải Kế hoạch hay Chương trình/] },
  },
  {
    name: 'import: a missing file is exit 2',
    args: ['import', 'khong-co.docx'],
    files: () => ({}),
    want: { code: 2, stderr: [/Không mở được "khong-co\.docx"/] },
  },
  {
    name: 'import: no file named is a usage error',
    args: ['import'],
    files: () => ({}),
    want: { code: 2 },
  },
];
