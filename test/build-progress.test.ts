import { describe, expect, it } from 'vitest';
import { createReporter, formatCount, formatSeconds, summaryText } from '../src/build/progress.js';

function sink(isTTY: boolean): {
  stream: { isTTY: boolean; columns: number; write(s: string): boolean };
  text: () => string;
} {
  let out = '';
  return {
    stream: {
      isTTY,
      columns: 80,
      write(s: string) {
        out += s;
        return true;
      },
    },
    text: () => out,
  };
}

describe('Vietnamese numbers', () => {
  it('uses a decimal comma and dot-grouped thousands', () => {
    expect(formatSeconds(1240)).toBe('1,24');
    expect(formatSeconds(65)).toBe('0,07');
    expect(formatCount(1234)).toBe('1.234');
  });
});

describe('summaryText', () => {
  it('says what was made, what failed and how long it took', () => {
    expect(summaryText({ made: 3, failed: 1, pending: 0, ms: 1240, aborted: false, pdf: false })).toBe(
      'Đã dựng 3 tệp, 1 tệp lỗi, trong 1,24 giây.',
    );
  });

  it('says the build was interrupted and how many files were left', () => {
    const text = summaryText({ made: 2, failed: 0, pending: 98, ms: 500, aborted: true, pdf: false });
    expect(text).toContain('Đã dừng');
    expect(text).toContain('98 tệp chưa dựng');
  });

  it('mentions the PDF when asked for', () => {
    expect(summaryText({ made: 1, failed: 0, pending: 0, ms: 10, aborted: false, pdf: true })).toContain('.pdf');
  });
});

describe('createReporter', () => {
  it('writes one line per file when not on a terminal', async () => {
    const { stream, text } = sink(false);
    const reporter = await createReporter(stream, false);
    reporter.phase('Dựng .docx', 2);
    reporter.started('a.yaml');
    reporter.succeeded('a.yaml → out/a.docx');
    reporter.failed('b.yaml: 3 lỗi');
    reporter.stop();
    expect(text()).toBe('✔ a.yaml → out/a.docx\n✖ b.yaml: 3 lỗi\n');
  });

  it('draws a bar on a terminal and prints the failures once it is gone', async () => {
    const { stream, text } = sink(true);
    const reporter = await createReporter(stream, false);
    reporter.phase('Dựng .docx', 2);
    reporter.started('a.yaml');
    reporter.failed('a.yaml: 3 lỗi');
    const during = text();
    expect(during).toContain('Dựng .docx');
    expect(during).not.toContain('✖ a.yaml: 3 lỗi');
    reporter.succeeded('b.yaml → b.docx');
    reporter.stop();
    const after = text().slice(during.length);
    expect(after).toContain('✖ a.yaml: 3 lỗi\n');
    expect(after).not.toContain('b.yaml → b.docx');
  });
});
