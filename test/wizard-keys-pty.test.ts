// The keyboard as a clerk uses it, through a pseudo-terminal: Esc goes back, a paste of two lines
// stays one answer (with and without bracketed paste), keys typed ahead in a burst of Enters do
// not land in the next question. Run `npx tsc -p .` first.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, tempDir } from './helpers/cli.js';

const enter = '\r';

function scenario(dir: string) {
  return {
    node: process.execPath,
    bin: BIN,
    cwd: dir,
    runs: [
      {
        args: ['wizard', '--out', 'out'],
        exit: 1,
        steps: [
          { expect: 'Esc để quay lại câu trước' },
          { expect: 'Loại văn bản:', send: enter },
          { expect: 'Cơ quan ban hành thuộc khối nào', send: enter },
          { expect: 'Cơ quan ban hành \\(gõ vài chữ', send: 'Quảng Trị' },
          { expect: 'Ký hiệu UBND • địa danh Quảng Trị', send: enter },
          { expect: 'Cơ quan tham mưu công tác đối ngoại:', send: enter },
          // Esc: the question before comes back.
          { expect: 'Cơ quan chủ quản', send: '\x1b' },
          { expect: 'Cơ quan tham mưu công tác đối ngoại:', send: enter },
          // Two lines pasted from Word, with bracketed paste: one answer, nothing submitted yet.
          { expect: 'Cơ quan chủ quản', send: '\x1b[200~Sở Ngoại vụ\r\ntỉnh Quảng Trị\r\n\x1b[201~' },
          { expect: 'Sở Ngoại vụ tỉnh Quảng Trị', send: enter },
          // The answered line keeps the question and the answer apart.
          {
            expect:
              'Cơ quan chủ quản, in phía trên tên cơ quan ban hành \\(để trống nếu không có\\) → Sở Ngoại vụ tỉnh Quảng Trị',
          },
          { expect: 'Ký hiệu của cơ quan', send: enter },
          // A burst of Enters with a year typed ahead: the place takes its default, the year is not answered.
          { expect: 'Địa danh ghi trước', send: `${enter}2027${enter}` },
          { expect: 'Năm của kế hoạch', send: `2026${enter}` },
          { expect: 'Số văn bản', send: `45${enter}` },
          { expect: 'Ngày ban hành', send: `20 tháng 3 năm 2026${enter}` },
          { expect: 'Văn bản in: Quảng Trị, ngày 20 tháng 3 năm 2026' },
          // Two lines pasted without brackets.
          { expect: 'Trích yếu', send: 'Triển khai Chiến lược Ngoại giao văn hóa\r\nnăm 2026' },
          { expect: 'Triển khai Chiến lược Ngoại giao văn hóa năm 2026', send: enter },
          { expect: 'Căn cứ \\(in ở đầu văn bản: Thực hiện …\\): chọn việc cần làm', send: '\x03' },
          { expect: 'Để tiếp tục: npx kehoach (wizard --resume [^\\n]+)', capture: 'resume' },
        ],
      },
      {
        args: ['{resume}'],
        exit: 1,
        steps: [
          { expect: 'Tiếp tục bản nháp' },
          { expect: 'Căn cứ \\(in ở đầu văn bản: Thực hiện …\\): chọn việc cần làm', send: '\x03' },
          { expect: 'Đã lưu bản nháp' },
        ],
      },
    ],
  };
}

describe('kehoach wizard at the keyboard', () => {
  it('goes back on Esc, keeps pasted lines together and drops keys typed ahead', () => {
    const dir = tempDir();
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(scenario(dir)));
    const driver = spawnSync('python3', [join(ROOT, 'test', 'helpers', 'wizard-pty.py'), file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(driver.stderr).toBe('');
    expect(driver.status).toBe(0);

    const draft = parse(readFileSync(join(dir, 'out', 'ke-hoach-quang-tri-2026.draft.yaml'), 'utf8')) as {
      agency: Record<string, unknown>;
      document: Record<string, unknown>;
    };
    expect(draft.agency).toMatchObject({ parent: 'Sở Ngoại vụ tỉnh Quảng Trị', place: 'Quảng Trị' });
    expect(draft.document).toEqual({
      year: 2026,
      number: 45,
      date: '2026-03-20',
      title: 'Triển khai Chiến lược Ngoại giao văn hóa năm 2026',
    });
  }, 180_000);
});
