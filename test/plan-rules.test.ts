import { describe, expect, it } from 'vitest';
import { RULES } from '../src/plan/rules/index.js';
import { validatePlan } from '../src/plan/validate.js';
import { TODAY, VALID, edit, load, positionOf, single } from './plan-helpers.js';

const TASK_2023_2026 = 'pillar: advocate\n      period: 2023-2026';

describe('RULES', () => {
  it('have stable, unique ids, the expected severities and Vietnamese descriptions', () => {
    const severities = Object.fromEntries(RULES.map((r) => [r.id, r.severity]));
    expect(severities).toEqual({
      'control-characters': 'error',
      'unicode-invalid': 'error',
      'date-invalid': 'error',
      'date-out-of-range': 'error',
      'date-year-mismatch': 'error',
      'year-missing': 'error',
      'bases-missing-2013': 'error',
      'tasks-group-empty': 'error',
      'task-lead-in-partners': 'error',
      'period-before-2022': 'error',
      'period-beyond-2030': 'error',
      'signer-tm-needs-body': 'error',
      'signer-needs-head': 'error',
      'due-invalid-day': 'error',
      'legacy-encoding': 'error',
      'bases-missing-404': 'warning',
      'pillars-incomplete': 'warning',
      'recipients-missing-mofa': 'warning',
      'tone-mark-mixed': 'warning',
      'date-in-future': 'warning',
      'archive-prefix': 'warning',
      'title-repeats-kind': 'warning',
      'title-symbols': 'warning',
      'title-all-caps': 'warning',
      'ministry-speaks-province': 'warning',
      'locality-other-province': 'warning',
      'reporting-destination-mixed': 'warning',
    });
    for (const rule of RULES) {
      expect(rule.description).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/u);
      expect(rule.description).toBe(rule.description.normalize('NFC'));
    }
  });

  it('stay silent on drafts of any shape and speak at exact paths', () => {
    const drafts: unknown[] = [
      {},
      { tasks: 'x', signer: [], bases: {}, document: 5, reporting: null, recipients: [1, null] },
      { tasks: { pillars: [null, 3, 'x', { pillar: 7 }] }, signer: { capacity: 'KT' }, document: { date: 20220315 } },
    ];
    for (const draft of drafts) expect(() => validatePlan(draft, { today: TODAY })).not.toThrow();
    const { plan, issues } = validatePlan(
      { tasks: { pillars: [{ content: 'Lễ hội', lead: 'Sở Ngoại vụ', period: '2029-2031' }] } },
      { today: TODAY },
    );
    expect(plan).toBeUndefined();
    expect(issues.find((i) => i.rule === 'period-beyond-2030')?.path).toEqual(['tasks', 'pillars', 0, 'period']);
    expect(issues.filter((i) => i.rule === 'tasks-group-empty')).toEqual([]);
  });
});

describe('each rule on the valid fixture with one mistake', () => {
  it('bases-missing-2013', () => {
    const source = edit('  - Quyết định số 2013/QĐ-TTg', '  - Quyết định số 2031/QĐ-TTg');
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'bases-missing-2013',
      severity: 'error',
      path: '/bases',
      ...positionOf(source, 'bases:'),
    });
    expect(problem.message).toContain('chưa nêu Quyết định số 2013/QĐ-TTg');
    expect(problem.message).toContain('`- Quyết định số 2013/QĐ-TTg ngày 30/11/2021');
  });

  it('bases-missing-404 (warning: the plan is still valid)', () => {
    const source = edit('  - Công văn số 404/BNG-NGVH-UNESCO', '  - Công văn số 4040/NGVH');
    const result = load(source);
    expect(result.plan).toBeDefined();
    expect(single(result)).toMatchObject({
      rule: 'bases-missing-404',
      severity: 'warning',
      ...positionOf(source, 'bases:'),
    });
    expect(result.problems[0]?.message).toContain('Công văn số 404/BNG-NGVH-UNESCO');
  });

  it('tasks-group-empty names the group in Vietnamese', () => {
    const source = edit(/mobilization:\n[\s\S]*?(?= {2}development:)/u.exec(VALID)![0], 'mobilization: []\n');
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'tasks-group-empty',
      severity: 'error',
      path: '/tasks/mobilization',
      ...positionOf(source, 'mobilization:'),
    });
    expect(problem.message).toContain(
      'Nhóm nhiệm vụ «Huy động mọi chủ thể và nguồn lực» (`mobilization`) chưa có nhiệm vụ nào',
    );
  });

  it('task-lead-in-partners points at the partner', () => {
    const source = edit(
      'partners: [Sở Ngoại vụ]\n      period: Hằng năm',
      'partners: [Sở Ngoại vụ, sở kế hoạch  và đầu tư]\n      period: Hằng năm',
    );
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'task-lead-in-partners',
      severity: 'error',
      path: '/tasks/alignment/0/partners/1',
      ...positionOf(source, 'sở kế hoạch'),
    });
    expect(problem.message).toContain('vừa là cơ quan chủ trì (`lead`) vừa là cơ quan phối hợp');
  });

  it('period-beyond-2030', () => {
    const source = edit(TASK_2023_2026, 'pillar: advocate\n      period: Quý IV/2031');
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'period-beyond-2030',
      path: '/tasks/pillars/1/period',
      ...positionOf(source, 'Quý IV/2031'),
    });
    expect(problem.message).toContain('có năm 2031, vượt quá năm 2030');
  });

  it('period-before-2022, while other numbers are no years', () => {
    const source = edit(TASK_2023_2026, 'pillar: advocate\n      period: 2021-2025, 1000 ngày');
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'period-before-2022',
      path: '/tasks/pillars/1/period',
      ...positionOf(source, '2021-2025'),
    });
    expect(problem.message).toContain('có năm 2021, trước năm 2022');
  });

  it.each([
    ['2022-02-30', 'tháng 2 năm 2022 chỉ có 28 ngày', '2022-02-28'],
    ['2024-02-30', 'tháng 2 năm 2024 chỉ có 29 ngày', '2024-02-29'],
    ['2022-13-05', 'năm chỉ có 12 tháng', '2022-12-05'],
    ['2022-04-00', 'ngày trong tháng bắt đầu từ 01', '2022-04-01'],
  ])('date-invalid: %s suggests the nearest real date', (date, why, fix) => {
    const source = edit('date: 2022-03-15', `date: ${date}`).replace('year: 2022', `year: ${date.slice(0, 4)}`);
    const problem = single(load(source));
    expect(problem).toMatchObject({ rule: 'date-invalid', path: '/document/date', ...positionOf(source, date) });
    expect(problem.message).toContain(why);
    expect(problem.message).toContain(`\`date: ${fix}\``);
  });

  it('date-out-of-range', () => {
    const source = edit('date: 2022-03-15\n  year: 2022', 'date: 2022-02-09');
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'date-out-of-range',
      path: '/document/date',
      ...positionOf(source, '2022-02-09'),
    });
    expect(problem.message).toContain('09/02/2022 nằm ngoài khoảng cho phép');
  });

  it('date-year-mismatch points at the year', () => {
    const source = edit('year: 2022', 'year: 2023');
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'date-year-mismatch',
      path: '/document/year',
      ...positionOf(source, '2023\n'),
    });
    expect(problem.message).toContain('`year: 2022`');
  });

  it('year-missing points at document', () => {
    const source = edit('  date: 2022-03-15\n  year: 2022\n', '');
    const problem = single(load(source));
    expect(problem).toMatchObject({ rule: 'year-missing', path: '/document', ...positionOf(source, 'document:') });
    expect(problem.message).toContain('`year: 2022`');
  });

  it('date-in-future uses the given today', () => {
    const source = edit('date: 2022-03-15\n  year: 2022', 'date: 2026-06-02\n  year: 2026');
    const problem = single(load(source, new Date(2026, 5, 1)));
    expect(problem).toMatchObject({
      rule: 'date-in-future',
      severity: 'warning',
      path: '/document/date',
      ...positionOf(source, '2026-06-02'),
    });
    expect(problem.message).toContain('02/06/2026 nằm sau hôm nay');
    expect(load(source, new Date(2026, 5, 2)).problems).toEqual([]);
  });

  it('signer-tm-needs-body', () => {
    const source = edit(
      '  capacity: KT\n  body: Ủy ban nhân dân\n  head: Chủ tịch\n  title: Phó Chủ tịch',
      '  capacity: TM\n  title: Chủ tịch',
    );
    const problem = single(load(source));
    expect(problem).toMatchObject({ rule: 'signer-tm-needs-body', path: '/signer', ...positionOf(source, 'signer:') });
    expect(problem.message).toContain('`body: Ủy ban nhân dân`');
  });

  it('signer-needs-head', () => {
    const source = edit('  head: Chủ tịch\n', '').replace('capacity: KT', 'capacity: TL');
    const problem = single(load(source));
    expect(problem).toMatchObject({ rule: 'signer-needs-head', path: '/signer', ...positionOf(source, 'signer:') });
    expect(problem.message).toContain('`capacity: TL`');
    expect(problem.message).toContain('`head: Chủ tịch`');
  });

  it.each([
    ['31/11', 'tháng 11 chỉ có 30 ngày', '30/11'],
    ['32/12', 'tháng 12 chỉ có 31 ngày', '31/12'],
    ['30/02', 'tháng 2 chỉ có 28 ngày, 29 ngày vào năm nhuận', '28/02'],
    ['31/02', 'tháng 2 chỉ có 28 ngày, 29 ngày vào năm nhuận', '28/02'],
    ['00/05', 'bắt đầu từ 01', '01/05'],
    ['15/13', 'chỉ từ 01 đến 12', '15/12'],
    ['31/00', 'chỉ từ 01 đến 12', '31/01'],
    ['30/14', 'chỉ từ 01 đến 12', '30/12'],
  ])('due-invalid-day: %s suggests the nearest day every year has', (due, why, fix) => {
    const source = edit('due: 15/11', `due: ${due}`);
    const problem = single(load(source));
    expect(problem).toMatchObject({ rule: 'due-invalid-day', path: '/reporting/due', ...positionOf(source, due) });
    expect(problem.message).toContain(why);
    expect(problem.message).toContain(`\`due: ${fix}\``);
    // The suggestion itself passes.
    expect(load(edit('due: 15/11', `due: ${fix}`)).problems).toEqual([]);
  });

  it('due-invalid-day accepts 29/02, a real day in leap years', () => {
    expect(load(edit('due: 15/11', 'due: 29/02')).problems).toEqual([]);
  });

  it.each([
    ['TCVN3', 'place: Quảng Trị', 'place: Qu¶ng TrÞ', 'Qu¶ng', '«Qu¶ng» đọc đúng là «Quảng»'],
    ['VNI', 'name: Hoàng Nam', 'name: Hoaøng Nam', 'Hoaøng', '«Hoaøng» đọc đúng là «Hoàng»'],
  ])('legacy-encoding: %s', (encoding, from, to, at, sample) => {
    const source = edit(from, to);
    const problem = single(load(source));
    expect(problem).toMatchObject({ rule: 'legacy-encoding', severity: 'error', ...positionOf(source, at) });
    expect(problem.message).toContain(`bảng mã cũ ${encoding}`);
    expect(problem.message).toContain(sample);
  });

  it('tone-mark-mixed reports the minority spelling where it first appears', () => {
    const source = edit('Lễ hội Vì hòa bình', 'Lễ hội Vì hoà bình');
    const result = load(source);
    expect(result.plan).toBeDefined();
    const problem = single(result);
    expect(problem).toMatchObject({ rule: 'tone-mark-mixed', severity: 'warning', path: '/tasks/pillars/0/content' });
    expect(problem).toMatchObject(positionOf(source, 'Tổ chức Lễ hội'));
    expect(problem.message).toContain('«hoà» đặt dấu thanh kiểu mới');
    expect(problem.message).toContain('hãy viết «hòa»');
  });

  it('pillars-incomplete names the missing pillars in Vietnamese', () => {
    const source = edit('pillar: absorb', 'pillar: promote').replace('pillar: integrate', 'pillar: promote');
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'pillars-incomplete',
      severity: 'warning',
      path: '/tasks/pillars',
      ...positionOf(source, 'pillars:'),
    });
    expect(problem.message).toContain('hội nhập (`integrate`), tiếp thu (`absorb`)');
  });

  it('recipients-missing-mofa', () => {
    const source = edit('  - Bộ Ngoại giao (để báo cáo)\n', '');
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'recipients-missing-mofa',
      severity: 'warning',
      path: '/recipients',
      ...positionOf(source, 'recipients:'),
    });
    expect(problem.message).toContain('`- Bộ Ngoại giao (để báo cáo)`');
  });

  it('control-characters names the invisible character', () => {
    const source = edit('title: Phó Chủ tịch', 'title: "Phó\\u200b Chủ\\x1b tịch"');
    const problem = single(load(source));
    expect(problem).toMatchObject({ rule: 'control-characters', path: '/signer/title', ...positionOf(source, '"Phó') });
    expect(problem.message).toContain('U+001B');
    expect(problem.message).toContain('sau «Phó\u200b Chủ»');
  });
});

describe('archive-prefix', () => {
  it('warns, at the value, when archive repeats what the template prints, and says what to write', () => {
    const source = edit('archive: VT, KGVX', 'archive: "- Lưu: VT, XTĐT."');
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'archive-prefix',
      severity: 'warning',
      path: '/archive',
      ...positionOf(source, '"- Lưu'),
    });
    expect(problem.message).toContain('«- Lưu: - Lưu: VT, XTĐT.»');
    expect(problem.message).toContain('`archive: VT, XTĐT`');
  });

  it('is silent on a bare archive, with or without the final dot', () => {
    expect(
      load(edit('archive: VT, KGVX', 'archive: VT, KGVX.')).problems.filter((p) => p.rule === 'archive-prefix'),
    ).toEqual([]);
    expect(load(VALID).problems.filter((p) => p.rule === 'archive-prefix')).toEqual([]);
  });

  it('strips what a clerk copies from a finished document', async () => {
    const { bareArchive } = await import('../src/plan/rules/archive-prefix.js');
    expect(bareArchive('- Lưu: VT, XTĐT.')).toBe('VT, XTĐT');
    expect(bareArchive('Lưu VT, KGVX')).toBe('VT, KGVX');
    expect(bareArchive('– Lưu : VT.')).toBe('VT');
    expect(bareArchive('VT, KGVX')).toBe('VT, KGVX');
  });
});

describe('title-repeats-kind', () => {
  const TITLE = 'title: Triển khai Chiến lược';

  it('warns, at the title, when it starts with the plan’s own type, and gives the title to write', () => {
    const source = edit(TITLE, 'title: Kế hoạch triển khai Chiến lược');
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'title-repeats-kind',
      severity: 'warning',
      path: '/document/title',
      ...positionOf(source, 'Kế hoạch triển khai'),
    });
    expect(problem.message).toContain('«Kế hoạch»');
    expect(problem.message).toContain(
      '`title: Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Trị`',
    );
  });

  it('warns when the title starts with the other type, naming both fixes', () => {
    const problem = single(load(edit(TITLE, 'title: Chương trình hành động triển khai Chiến lược')));
    expect(problem.rule).toBe('title-repeats-kind');
    expect(problem.message).toContain('`kind: chuong-trinh`');
    expect(problem.message).toContain('`title: Hành động triển khai Chiến lược');
  });

  it('is silent on a title that only contains the word later, or a longer word', () => {
    for (const title of [
      'title: Triển khai Kế hoạch và Chiến lược',
      'title: Kế hoạch hóa các hoạt động của Chiến lược',
    ]) {
      expect(load(edit(TITLE, title)).problems.filter((p) => p.rule === 'title-repeats-kind')).toEqual([]);
    }
  });

  it('strips the type in rendering, raising the next letter', async () => {
    const { titleWithoutKind } = await import('../src/plan/title.js');
    expect(titleWithoutKind('Kế hoạch triển khai X', 'ke-hoach')).toBe('Triển khai X');
    expect(titleWithoutKind('KẾ HOẠCH - Triển khai X', 'ke-hoach')).toBe('Triển khai X');
    expect(titleWithoutKind('Chương trình hành động X', 'chuong-trinh')).toBe('Hành động X');
    expect(titleWithoutKind('Chương trình hành động X', 'ke-hoach')).toBe('Chương trình hành động X');
    expect(titleWithoutKind('Kế hoạch', 'ke-hoach')).toBe('Kế hoạch');
  });
});

describe('content checks a document office makes', () => {
  const TITLE = 'title: Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Trị';
  const rules = (source: string, id: string) => load(source).problems.filter((p) => p.rule === id);

  it('title-symbols: "&" in the title, at the title, with the words to write', () => {
    const source = edit(
      TITLE,
      'title: Triển khai Chiến lược Ngoại giao văn hóa & hội nhập quốc tế trên địa bàn tỉnh Quảng Trị',
    );
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'title-symbols',
      severity: 'warning',
      path: '/document/title',
      ...positionOf(source, 'Triển khai Chiến lược Ngoại giao văn hóa &'),
    });
    expect(problem.message).toContain('«&»');
    expect(problem.message).toContain(
      '`title: Triển khai Chiến lược Ngoại giao văn hóa và hội nhập quốc tế trên địa bàn tỉnh Quảng Trị`',
    );
    expect(
      rules(edit(TITLE, 'title: Thực hiện Quyết định số 2013/QĐ-TTg giai đoạn 2026-2030 (năm 2027)'), 'title-symbols'),
    ).toEqual([]);
  });

  it('title-all-caps: a title typed in capitals, not a short acronym', () => {
    const source = edit(
      TITLE,
      'title: TRIỂN KHAI CHIẾN LƯỢC NGOẠI GIAO VĂN HÓA ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ',
    );
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'title-all-caps',
      path: '/document/title',
      ...positionOf(source, 'TRIỂN KHAI'),
    });
    expect(problem.message).toContain(
      '`title: Triển khai chiến lược ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh quảng trị`',
    );
    expect(rules(edit(TITLE, 'title: Triển khai các nhiệm vụ UNESCO năm 2027'), 'title-all-caps')).toEqual([]);
  });

  it('ministry-speaks-province: a ministry’s plan that speaks of "trên địa bàn tỉnh", located at that text', () => {
    let source = edit(
      '  name: Ủy ban nhân dân tỉnh Quảng Trị\n  short: UBND\n  sector: locality',
      '  name: Bộ Văn hóa, Thể thao và Du lịch\n  short: BVHTTDL\n  sector: ministry',
    );
    source = edit(
      TITLE,
      'title: Hành động của ngành Văn hóa triển khai Chiến lược Ngoại giao văn hóa đến năm 2030',
      source,
    );
    const found = rules(source, 'ministry-speaks-province');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      path: '/purposes/0',
      ...positionOf(source, 'Quán triệt và triển khai'),
    });
    expect(found[0]!.message).toContain('«của tỉnh»');
    expect(rules(VALID, 'ministry-speaks-province')).toEqual([]);
  });

  it('locality-other-province: a province’s plan naming another province as its own', () => {
    const source = edit(
      TITLE,
      'title: Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Ninh',
    );
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'locality-other-province',
      path: '/document/title',
      ...positionOf(source, 'Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Ninh'),
    });
    expect(problem.message).toContain('«tỉnh Quảng Ninh»');
    expect(problem.message).toContain('«tỉnh Quảng Trị»');
    const body = edit('con người Quảng Trị, thu hút', 'con người trên địa bàn tỉnh Quảng Bình, thu hút');
    expect(rules(body, 'locality-other-province')).toMatchObject([{ path: '/purposes/1' }]);
    // Another province as a partner is not a mistake.
    expect(
      rules(
        edit('con người Quảng Trị, thu hút', 'con người Quảng Trị, hợp tác với tỉnh Quảng Bình, thu hút'),
        'locality-other-province',
      ),
    ).toEqual([]);
  });
});

describe('reporting-destination-mixed', () => {
  it('warns, at the second duty, when two duties send reports to different places', () => {
    let source = edit(
      '      - Phối hợp xây dựng hồ sơ đề nghị UNESCO ghi danh di sản của tỉnh.',
      '      - Định kỳ gửi báo cáo kết quả về Sở Ngoại vụ để tổng hợp.',
    );
    source = edit(
      'chủ động triển khai các nội dung liên quan của Kế hoạch.',
      'chủ động triển khai Kế hoạch; báo cáo kết quả về Văn phòng Ủy ban nhân dân tỉnh.',
      source,
    );
    const problem = single(load(source));
    expect(problem).toMatchObject({
      rule: 'reporting-destination-mixed',
      severity: 'warning',
      path: '/implementation/2/duties/0',
      ...positionOf(source, 'Căn cứ chức năng'),
    });
    expect(problem.message).toContain('«Văn phòng Ủy ban nhân dân tỉnh»');
    expect(problem.message).toContain('về Sở Ngoại vụ»');
  });

  it('is silent when every duty sends reports to the same place', () => {
    const source = edit(
      '      - Phối hợp xây dựng hồ sơ đề nghị UNESCO ghi danh di sản của tỉnh.',
      '      - Định kỳ gửi báo cáo kết quả về Sở Ngoại vụ để tổng hợp.',
    );
    expect(load(source).problems.filter((p) => p.rule === 'reporting-destination-mixed')).toEqual([]);
  });
});
