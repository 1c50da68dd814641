// The built bin: refusing without a terminal, and a whole session typed through a pseudo-terminal
// (Vietnamese answers, one Ctrl-C, --resume, finishing, then --resume refusing the finished plan).
// Run `npx tsc -p .` first.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, runCli, tempDir } from './helpers/cli.js';

describe('kehoach wizard without a terminal', () => {
  it('exits 2 at once and points to init and build', async () => {
    const dir = tempDir();
    const result = await runCli(['wizard', '--out', dir], { timeoutMs: 15_000 });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('kehoach init');
    expect(result.stderr).toContain('kehoach build');
    expect(result.stderr).toContain('terminal');
  });
});

const enter = '\r';

/** What a clerk sees and types; each `expect` is a regex waited for on the screen. */
function scenario(dir: string) {
  const menu = (title: string) => ({ expect: `${title}: chọn việc cần làm`, send: enter });
  const group = [
    { expect: 'Nhiệm vụ gợi ý', send: enter },
    { expect: 'Chọn việc cần làm:', send: enter },
  ];
  return {
    node: process.execPath,
    bin: BIN,
    cwd: dir,
    runs: [
      {
        args: ['wizard', '--out', 'ke-hoach'],
        exit: 1,
        steps: [
          { expect: 'Loại văn bản:', send: enter },
          { expect: 'Cơ quan ban hành thuộc khối nào', send: enter },
          { expect: 'Cơ quan ban hành \\(gõ vài chữ', send: 'Quảng Trị' },
          { expect: 'Ký hiệu UBND • địa danh Quảng Trị', send: enter },
          { expect: 'Cơ quan tham mưu công tác đối ngoại:', send: enter },
          { expect: 'Cơ quan chủ quản', send: enter },
          { expect: 'Ký hiệu của cơ quan', send: enter },
          { expect: 'Địa danh ghi trước', send: enter },
          { expect: 'Năm của kế hoạch', send: `2026${enter}` },
          { expect: 'Số văn bản', send: `45${enter}` },
          { expect: 'Ngày ban hành', send: enter },
          { expect: 'Trích yếu', send: enter },
          menu('Căn cứ \\(in ở đầu văn bản: Thực hiện …\\)'),
          menu('Mục đích \\(I\\.1\\)'),
          menu('Yêu cầu \\(I\\.2\\)'),
          { expect: 'Nhiệm vụ gợi ý', send: enter },
          { expect: 'Chọn việc cần làm:', send: '\x03' },
          { expect: 'Đã lưu bản nháp vào ke-hoach/ke-hoach-quang-tri-2026\\.draft\\.yaml\\.' },
          // Run from a checkout, where a bare `kehoach` is not on the PATH.
          { expect: 'Để tiếp tục: npx kehoach (wizard --resume [^\\n]+)', capture: 'resume' },
        ],
      },
      {
        args: ['{resume}'],
        exit: 0,
        steps: [
          { expect: 'Tiếp tục bản nháp' },
          { expect: 'Chọn việc cần làm:', send: enter },
          { expect: 'Nhiệm vụ gợi ý', send: enter },
          // Up from the first entry wraps to the last one: adding a task of one's own.
          { expect: 'Chọn việc cần làm:', send: '\x1b[A' },
          { expect: '[❯>] Thêm nhiệm vụ của cơ quan', send: enter },
          {
            expect: 'Nội dung nhiệm vụ \\(để trống để thôi\\)',
            send: `Tổ chức Ngày hội văn hóa các dân tộc với bạn bè quốc tế${enter}`,
          },
          { expect: '[❯>] Sở Ngoại vụ', send: enter },
          {
            expect: 'Cơ quan phối hợp',
            send: `Sở Văn hóa, Thể thao và Du lịch; Ủy ban nhân dân các xã, phường, đặc khu${enter}`,
          },
          { expect: 'Thời gian thực hiện', send: `2026-2035${enter}` },
          // The rule's own message, at the prompt; the line keeps what was typed, so fix its end.
          { expect: 'vượt quá năm 2030', send: `\x7f\x7f\x7f\x7f2030${enter}` },
          { expect: 'Sản phẩm', send: `Ngày hội văn hóa${enter}` },
          { expect: 'Chọn việc cần làm:', send: enter },
          ...group,
          ...group,
          ...group,
          menu('Kinh phí thực hiện \\(III\\)'),
          { expect: 'Giữ phân công cho', send: enter },
          { expect: 'Các cơ quan báo cáo kết quả', send: enter },
          { expect: 'Hạn gửi báo cáo', send: enter },
          menu('Báo cáo gửi \\(tổng hợp báo cáo\\)'),
          { expect: 'Thẩm quyền ký', send: enter },
          { expect: 'Tập thể in ở dòng', send: enter },
          { expect: 'Chức danh người đứng đầu', send: enter },
          { expect: 'Chức vụ của người ký', send: enter },
          { expect: 'Họ và tên người ký', send: `Hoàng Nam${enter}` },
          { expect: 'KT\\. CHỦ TỊCH' },
          menu('Nơi nhận'),
          { expect: 'Lưu \\(dòng cuối', send: enter },
          { expect: 'Kèm Phụ lục', send: enter },
          { expect: 'Xem lại xong', send: enter },
          { expect: 'Tên tệp kế hoạch', send: enter },
          { expect: 'Đã dựng văn bản: ke-hoach/ke-hoach-quang-tri-2026\\.docx' },
        ],
      },
      {
        // The finished plan is not a draft: --resume refuses it before any question, and says what to run.
        args: ['wizard', '--resume', 'ke-hoach/ke-hoach-quang-tri-2026.yaml'],
        exit: 2,
        steps: [
          { expect: 'không phải bản nháp' },
          { expect: 'kehoach wizard --from ke-hoach/ke-hoach-quang-tri-2026\\.yaml' },
        ],
      },
    ],
  };
}

describe('kehoach wizard in a terminal', () => {
  it('takes Vietnamese answers, survives Ctrl-C, resumes and writes a plan that passes check', () => {
    const dir = tempDir();
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(scenario(dir)));
    const driver = spawnSync('python3', [join(ROOT, 'test', 'helpers', 'wizard-pty.py'), file], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    // On failure the driver's stderr shows what it waited for and the last screen.
    expect(driver.stderr).toBe('');
    expect(driver.status).toBe(0);
    expect(driver.stdout).toContain('every run went as written');

    const plan = join(dir, 'ke-hoach', 'ke-hoach-quang-tri-2026.yaml');
    expect(existsSync(join(dir, 'ke-hoach', 'ke-hoach-quang-tri-2026.docx'))).toBe(true);
    expect(existsSync(join(dir, 'ke-hoach', 'ke-hoach-quang-tri-2026.draft.yaml'))).toBe(false);
    // --fail-on warning: not one warning either.
    const check = spawnSync(process.execPath, [BIN, 'check', '--fail-on', 'warning', plan], {
      encoding: 'utf8',
      cwd: dir,
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);

    const data = parse(readFileSync(plan, 'utf8')) as {
      document: Record<string, unknown>;
      tasks: Record<string, Array<Record<string, unknown>>>;
    };
    expect(data.document).toMatchObject({ number: 45, year: 2026 });
    expect(data.tasks['mobilization']?.at(-1)).toEqual({
      content: 'Tổ chức Ngày hội văn hóa các dân tộc với bạn bè quốc tế',
      lead: 'Sở Ngoại vụ',
      partners: ['Sở Văn hóa, Thể thao và Du lịch', 'Ủy ban nhân dân các xã, phường, đặc khu'],
      period: '2026-2030',
      output: 'Ngày hội văn hóa',
    });
  }, 300_000);
});
