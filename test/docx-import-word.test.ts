// Best effort on a plan typed in Word (test/helpers/word-plan.ts): what is found, what is guessed,
// and that nothing is dropped.
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../src/docx/read.js';
import { locatePlan } from '../src/docx/part.js';
import { importPlan, type ImportResult, type KnownNames } from '../src/docx/import/index.js';
import { knownFromWizardData } from '../src/docx/import/known.js';
import { loadWizardData } from '../src/wizard/data.js';
import { gialaiAppendix, gialaiMain, wordDocx, type Block } from './helpers/word-plan.js';

let known: KnownNames;
beforeAll(async () => {
  known = knownFromWizardData(await loadWizardData());
});

async function read(main: Block[], appendix: Block[] = []): Promise<ImportResult> {
  const doc = readDocx(await wordDocx(main, appendix));
  return importPlan(doc, locatePlan(doc)!, { known });
}

const decision = (): Block[] => [
  {
    rows: [
      [
        {
          paras: [
            { text: 'ỦY BAN NHÂN DÂN', bold: true },
            { text: 'TỈNH GIA LAI', bold: true },
          ],
        },
        { paras: [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true }] },
      ],
      [{ paras: ['Số: 407/QĐ-UBND'] }, { paras: [{ text: 'Gia Lai, ngày 14 tháng 6 năm 2022', italic: true }] }],
    ],
  },
  { text: 'QUYẾT ĐỊNH', bold: true, center: true },
  { text: 'Ban hành Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030', bold: true, center: true },
  'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh.',
  { text: 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.', breakAfter: true },
];

describe('a provincial plan typed in Word', () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await read(gialaiMain(), gialaiAppendix());
  });

  it('reads the letterhead, title, bases and section I', () => {
    expect(result.data).toMatchObject({
      kind: 'ke-hoach',
      agency: {
        parent: null,
        name: 'Ủy ban nhân dân tỉnh Gia Lai',
        short: 'UBND',
        sector: 'locality',
        place: 'Gia Lai',
      },
      document: {
        number: 859,
        date: '2022-06-14',
        year: 2022,
        title: 'Thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Gia Lai',
      },
    });
    const bases = result.data['bases'] as string[];
    expect(bases).toHaveLength(2);
    expect(bases[0]).toMatch(/^Quyết định số 2013\/QĐ-TTg .*đến năm 2030$/u);
    expect(result.data['purposes']).toEqual([
      'Triển khai thực hiện hiệu quả Chiến lược Ngoại giao văn hóa đến năm 2030 phù hợp với điều kiện của tỉnh',
      'Quảng bá hình ảnh, con người, văn hóa các dân tộc Tây Nguyên ra thế giới.',
    ]);
    expect(result.data['requirements']).toHaveLength(1);
  });

  it('takes the task columns from the appendix table and matches the five groups by their wording', () => {
    const tasks = result.data['tasks'] as Record<string, Record<string, unknown>[]>;
    expect(Object.fromEntries(Object.entries(tasks).map(([k, v]) => [k, v.length]))).toEqual({
      alignment: 1,
      mobilization: 1,
      development: 1,
      dissemination: 1,
      pillars: 2,
    });
    expect(tasks['alignment']![0]).toEqual({
      content: 'Lồng ghép nội dung ngoại giao văn hóa vào kế hoạch phát triển kinh tế - xã hội hằng năm của tỉnh',
      lead: 'Sở Kế hoạch và Đầu tư',
      partners: ['Sở Ngoại vụ', 'Sở Tài chính'],
      period: 'Hằng năm',
      output: 'Kế hoạch năm',
    });
    // Partners as "- …;" lines in one cell, and as "A, B" where the names hold commas of their own.
    expect(tasks['mobilization']![0]!['partners']).toEqual([
      'Liên hiệp các tổ chức hữu nghị tỉnh',
      'Hội Doanh nghiệp tỉnh',
    ]);
    expect(tasks['development']![0]!['partners']).toEqual(['Sở Ngoại vụ', 'Sở Công Thương']);
    expect(tasks['pillars']![0]!['pillar']).toBe('advocate');
    expect(result.guessed).toEqual(expect.arrayContaining(['/agency/sector', '/tasks/pillars/0/pillar']));
    // The table row's paragraph is where the lead came from.
    expect(result.sources.get('/tasks/alignment/0/lead')).toBeGreaterThan(result.sources.get('/signer/title')!);
  });

  it('reads funding, duties typed as "1. Sở …: …", and the reporting regime stated inside a duty', () => {
    expect(result.data['funding']).toHaveLength(1);
    expect((result.data['implementation'] as { agency: string }[]).map((d) => d.agency)).toEqual([
      'Sở Ngoại vụ',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Các sở, ban, ngành, địa phương',
    ]);
    expect(result.data['reporting']).toEqual({
      frequency: 'annual',
      due: '15/12',
      to: ['Ủy ban nhân dân tỉnh', 'Bộ Ngoại giao'],
    });
    expect(result.guessed).toEqual(
      expect.arrayContaining(['/reporting/frequency', '/reporting/due', '/reporting/to/0']),
    );
  });

  it('reads the signer and the recipients', () => {
    expect(result.data['signer']).toEqual({
      capacity: 'KT',
      body: 'Ủy ban nhân dân',
      head: 'Chủ tịch',
      title: 'Phó Chủ tịch',
      name: 'Nguyễn Hữu Quế',
    });
    expect(result.data['recipients']).toEqual(['Bộ Ngoại giao (b/c)', 'TT Tỉnh ủy (b/c)', 'Các sở, ban, ngành']);
    expect(result.data['archive']).toBe('VT, KGVX');
    expect(result.data['appendix']).toBe(true);
    expect(result.missing).toEqual([]);
  });

  it('drops nothing: what has no place is a leftover with its paragraph', () => {
    const texts = result.leftovers.map((l) => l.text);
    expect(texts).toEqual([
      '6. Nhiệm vụ khác',
      'Tổ chức đoàn công tác ra nước ngoài theo chương trình được duyệt.',
      expect.stringMatching(/^Trên đây là Kế hoạch/u),
      '(Đã ký)',
      'Ưu tiên',
    ]);
    for (const l of result.leftovers) expect(l.why).not.toBe('');
    expect(result.leftovers[0]!.paragraph).toBeLessThan(result.leftovers[1]!.paragraph);
  });
});

describe('the same plan attached to a Quyết định', () => {
  it('reads only the attached plan, with the same data', async () => {
    const alone = await read(gialaiMain(), gialaiAppendix());
    const attached = await read([...decision(), ...gialaiMain()], gialaiAppendix());
    expect(attached.data).toEqual(alone.data);
    expect(attached.leftovers.map((l) => l.text)).toEqual(alone.leftovers.map((l) => l.text));
    // Paragraph numbers count the whole document, the decision included.
    expect(attached.sources.get('/document/title')).toBe(alone.sources.get('/document/title')! + 9);
  });
});

describe('without an appendix table', () => {
  it('takes tasks and their fields from the body, and says what is missing', async () => {
    const result = await read(gialaiMain());
    const tasks = result.data['tasks'] as Record<string, Record<string, unknown>[]>;
    expect(tasks['alignment']).toEqual([
      {
        content: 'Lồng ghép nội dung ngoại giao văn hóa vào kế hoạch phát triển kinh tế - xã hội hằng năm của tỉnh',
        lead: 'Sở Kế hoạch và Đầu tư',
        partners: ['Sở Ngoại vụ', 'Sở Tài chính'],
        period: 'hằng năm',
      },
    ]);
    expect(result.data['appendix']).toBe(false);
    expect(result.missing).toEqual(expect.arrayContaining(['/tasks/mobilization/0/lead', '/tasks/pillars/0/lead']));
  });
});
