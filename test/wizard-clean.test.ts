import { describe, expect, it } from 'vitest';
import { cleanAnswer, fold, matches, slug, splitList } from '../src/wizard/clean.js';
import { planBaseName } from '../src/wizard/draft-file.js';
import { shellQuote } from '../src/text/shell.js';
import { checkFileName } from '../src/wizard/finish.js';
import { initials } from '../src/wizard/agency.js';

describe('answers as typed', () => {
  it('become NFC, trimmed, with single spaces (tabs, no-break spaces, IME leftovers)', () => {
    const nfd = 'Ủy ban nhân dân'.normalize('NFD');
    expect(cleanAnswer(`  ${nfd}\t tỉnh\u00a0\u00a0Quảng   Trị `)).toBe('Ủy ban nhân dân tỉnh Quảng Trị');
    expect(cleanAnswer(nfd)).toBe('Ủy ban nhân dân'.normalize('NFC'));
  });

  it('split lists on semicolons only, since agency names hold commas', () => {
    expect(splitList(' Sở Văn hóa, Thể thao và Du lịch ;  Sở Ngoại vụ;; ')).toEqual([
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Ngoại vụ',
    ]);
  });

  it('are searched by word starts, without tone marks', () => {
    expect(fold('Đắk Lắk')).toBe('dak lak');
    expect(matches('Ủy ban nhân dân tỉnh Hà Tĩnh', 'ha tinh')).toBe(true);
    expect(matches('Ủy ban nhân dân tỉnh Lai Châu', 'ha tinh')).toBe(false);
    expect(matches('Bộ Văn hóa, Thể thao và Du lịch', 'VĂN HOÁ')).toBe(true);
    expect(matches('Sở Công Thương', undefined)).toBe(true);
  });
});

describe('names', () => {
  it('of plans are ASCII slugs of kind, place (or a ministry symbol) and year', () => {
    expect(slug('ke-hoach', 'Thành phố Hồ Chí Minh', 2026)).toBe('ke-hoach-thanh-pho-ho-chi-minh-2026');
    expect(
      planBaseName({
        kind: 'chuong-trinh',
        agency: { sector: 'ministry', short: 'BGDĐT' },
        document: { date: '2027-01-05' },
      }),
    ).toBe('chuong-trinh-bgddt-2027');
    expect(planBaseName({})).toBe('ke-hoach');
  });

  it('of plans stay short however long the place typed, and keep the year', () => {
    const place = 'Quảng Ninh '.repeat(40);
    const name = planBaseName({ kind: 'ke-hoach', agency: { sector: 'locality', place }, document: { year: 2027 } });
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toMatch(/^ke-hoach-quang-ninh-quang-ninh.*[a-z]-2027$/);
  });

  it('of files are checked before writing', () => {
    expect(checkFileName('ke-hoach-2026.yaml')).toBe(true);
    expect(checkFileName('kế hoạch.yaml')).toMatch(/không dấu/);
    expect(checkFileName('ke-hoach')).toMatch(/ke-hoach\.yaml/);
    expect(checkFileName('a.draft.yaml')).toMatch(/bản nháp/);
    expect(checkFileName('../a.yaml')).toMatch(/thư mục/);
  });

  it('in printed commands are quoted only when a shell needs it', () => {
    expect(shellQuote('ke-hoach/quảng-trị.draft.yaml')).toBe('ke-hoach/quảng-trị.draft.yaml');
    expect(shellQuote('kế hoạch 2026/a.yaml')).toBe("'kế hoạch 2026/a.yaml'");
    expect(shellQuote("it's.yaml")).toBe("'it'\\''s.yaml'");
  });

  it('of typed agencies give a symbol from their initials', () => {
    expect(initials('Sở Văn hóa và Thể thao')).toBe('SVHTT');
  });
});
