// The body's sections, clauses, points and the reporting regime, in the order the spec prints them.
import { beforeAll, describe, expect, it } from 'vitest';
import { GROUP_LABELS } from '../src/plan/labels.js';
import { GROUP_KEYS, type Plan, type Task } from '../src/plan/types.js';
import { textOf, type Docx } from './helpers/docx.js';
import { quangTriPlan } from './fixtures/render/quang-tri.js';
import { renderDocx } from './fixtures/render/render.js';

let doc: Docx;
beforeAll(async () => {
  doc = await renderDocx(quangTriPlan());
});

const index = (d: Docx, text: string | RegExp): number => d.paragraphs().indexOf(d.paragraph(text));

describe('body', () => {
  it('opens with "Thực hiện" the bases, then the agency issuing the plan', () => {
    const opening = textOf(doc.paragraph(/^Thực hiện /));
    const plan = quangTriPlan();
    expect(opening).toBe(
      `Thực hiện ${plan.bases.join('; ')}, Ủy ban nhân dân tỉnh Quảng Trị ban hành Kế hoạch triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Trị như sau:`,
    );
  });

  it('joins the bases with semicolons and the last one to the main clause with a comma', async () => {
    const plan = { ...quangTriPlan(), bases: ['Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ'] };
    const opening = textOf((await renderDocx(plan)).paragraph(/^Thực hiện /));
    expect(opening).toMatch(
      /^Thực hiện Quyết định số 2013\/QĐ-TTg ngày 30\/11\/2021 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh Quảng Trị ban hành Kế hoạch /u,
    );
    expect(opening).not.toContain(';');
  });

  it.each([
    ['ke-hoach', 'Kế hoạch triển khai Chiến lược Ngoại giao văn hóa đến năm 2030', 'KẾ HOẠCH', 'Kế hoạch'],
    [
      'chuong-trinh',
      'Chương trình hành động triển khai Chiến lược Ngoại giao văn hóa đến năm 2030',
      'CHƯƠNG TRÌNH',
      'Chương trình',
    ],
    ['ke-hoach', 'KẾ HOẠCH: Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030', 'KẾ HOẠCH', 'Kế hoạch'],
  ] as const)('never prints the document type twice (%s, title "%s")', async (kind, title, heading, name) => {
    const plan: Plan = { ...quangTriPlan(), kind, document: { ...quangTriPlan().document, title } };
    const d = await renderDocx(plan);
    const at = d.paragraphs().indexOf(d.paragraph(heading));
    const titleText = d
      .paragraphs()
      .slice(at + 1, at + 4)
      .map(textOf)
      .join(' ');
    expect(titleText).toMatch(/^(Triển khai|Hành động triển khai) Chiến lược/u);
    const opening = textOf(d.paragraph(/^Thực hiện /));
    expect(opening).toMatch(new RegExp(`ban hành ${name} (triển khai|hành động triển khai) Chiến lược`, 'u'));
    expect(d.texts().join('\n').toLocaleLowerCase('vi')).not.toMatch(
      /(kế hoạch|chương trình):? (kế hoạch|chương trình)/u,
    );
  });

  it('prints sections I–IV in order with the two clauses of I', () => {
    const order = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '2. Yêu cầu',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      'III. KINH PHÍ THỰC HIỆN',
      'IV. TỔ CHỨC THỰC HIỆN',
    ];
    const positions = order.map((t) => index(doc, t));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(doc.paragraphs()[positions[0]! - 1]).toBe(doc.paragraph(/^Thực hiện /));
  });

  it('prints one numbered bold clause per task group in GROUP_KEYS order, each task a lettered point', () => {
    const plan = quangTriPlan();
    let previous = index(doc, 'II. NHIỆM VỤ, GIẢI PHÁP');
    GROUP_KEYS.forEach((key, g) => {
      const heading = `${g + 1}. ${GROUP_LABELS[key].replace(/ (\S+)$/u, '\u00A0$1')}`;
      const at = index(doc, heading);
      expect(at).toBeGreaterThan(previous);
      expect(doc.runFormat(doc.paragraphs()[at]!)).toMatchObject({ bold: true });
      plan.tasks[key].forEach((task, t) => {
        const point = doc.paragraphs()[at + 1 + t]!;
        expect(textOf(point)).toBe(`${'abcdđeghik'[t]}) ${task.content}.`);
        expect(doc.runFormat(point)).toMatchObject({ bold: false, size: 28 });
      });
      previous = at;
    });
    expect(index(doc, 'III. KINH PHÍ THỰC HIỆN')).toBeGreaterThan(previous);
  });

  it('quotes with “…”, never «…»: heading II.5 and group V of the appendix', () => {
    const five = '“thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu”';
    expect(textOf(doc.paragraph(/^5\. Triển khai đồng bộ/))).toBe(
      `5. Triển khai đồng bộ các nhiệm vụ ${five.replace(' thu”', '\u00A0thu”')}`,
    );
    expect(doc.texts().filter((t) => t.replace(/\u00A0/gu, ' ').includes(five)).length).toBeGreaterThanOrEqual(2);
    expect(doc.texts().filter((t) => /[«»]/u.test(t))).toEqual([]);
  });

  it('never leaves one syllable alone on the last line of a group heading: its last two share a no-break space', () => {
    const heading = textOf(doc.paragraph(/^1\. Bám sát/));
    expect(heading.endsWith('các chiến lược, kế\u00A0hoạch')).toBe(true);
    expect(heading.match(/\u00A0/gu)).toHaveLength(1);
  });

  it('refers to the appendix in section II', () => {
    const intro = doc.paragraphs()[index(doc, 'II. NHIỆM VỤ, GIẢI PHÁP') + 1]!;
    expect(textOf(intro)).toContain('(chi tiết tại Phụ lục kèm theo)');
  });

  it('gives each implementing agency a clause with its duties, then the reporting regime', () => {
    const plan = quangTriPlan();
    let at = index(doc, 'IV. TỔ CHỨC THỰC HIỆN');
    plan.implementation.forEach((duty, i) => {
      const clause = index(doc, `${i + 1}. ${duty.agency}`);
      expect(clause).toBeGreaterThan(at);
      expect(textOf(doc.paragraphs()[clause + 1]!)).toBe(`${duty.duties[0]}.`);
      at = clause;
    });
    const reporting = index(doc, `${plan.implementation.length + 1}. Chế độ báo cáo`);
    expect(reporting).toBeGreaterThan(at);
    expect(textOf(doc.paragraphs()[reporting + 1]!)).toBe(
      'Định kỳ hằng năm, trước ngày 15/11, các cơ quan, đơn vị được giao nhiệm vụ gửi báo cáo kết quả thực hiện Kế hoạch về Sở Ngoại vụ để tổng hợp, tham mưu Ủy ban nhân dân tỉnh Quảng Trị báo cáo Bộ Ngoại giao.',
    );
  });

  const reportingSentence = async (change: (p: Plan) => void): Promise<string> => {
    const plan = quangTriPlan();
    change(plan);
    return textOf((await renderDocx(plan)).paragraph(/^Định kỳ /));
  };

  // Every deadline of the year, derived from the one given: same day, clamped to the month.
  it.each([
    ['annual', '15/06', 'Định kỳ hằng năm, trước ngày 15/6,'],
    ['annual', '5/2', 'Định kỳ hằng năm, trước ngày 05/02,'],
    ['semiannual', '15/06', 'Định kỳ 6 tháng, trước ngày 15/6 và 15/12,'],
    ['semiannual', '15/11', 'Định kỳ 6 tháng, trước ngày 15/5 và 15/11,'],
    ['semiannual', '31/08', 'Định kỳ 6 tháng, trước ngày 28/02 và 31/8,'],
    ['quarterly', '30/6', 'Định kỳ hằng quý, trước ngày 30/3, 30/6, 30/9 và 30/12,'],
    ['quarterly', '31/01', 'Định kỳ hằng quý, trước ngày 31/01, 30/4, 31/7 và 31/10,'],
  ] as const)('words the %s regime due %s as "%s"', async (frequency, due, start) => {
    const text = await reportingSentence((p) => (p.reporting = { frequency, due, to: ['Bộ Ngoại giao'] }));
    expect(text.startsWith(`${start} các cơ quan, đơn vị được giao nhiệm vụ gửi báo cáo`)).toBe(true);
  });

  // The issuing agency compiles the reports itself when no duty names another agency for it.
  const compilesItself = (p: Plan): void => {
    p.implementation[0]!.duties = ['Chủ trì, theo dõi, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch'];
  };

  it('lists every report recipient after the agency that compiles the reports', async () => {
    const text = await reportingSentence(
      (p) => (
        compilesItself(p),
        (p.reporting = {
          frequency: 'annual',
          due: '30/6',
          to: ['Bộ Ngoại giao', 'Hội đồng nhân dân tỉnh', 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam'],
        })
      ),
    );
    expect(text).toMatch(
      /thực hiện Kế hoạch về Ủy ban nhân dân tỉnh Quảng Trị để tổng hợp, báo cáo Bộ Ngoại giao, Hội đồng nhân dân tỉnh và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam\.$/,
    );
  });

  it('never has the agency report to itself when reporting.to names it', async () => {
    const withOthers = await reportingSentence(
      (p) => (compilesItself(p), (p.reporting.to = ['Ủy ban nhân dân tỉnh', 'Bộ Ngoại giao'])),
    );
    expect(withOthers).toMatch(/về Ủy ban nhân dân tỉnh Quảng Trị để tổng hợp, báo cáo Bộ Ngoại giao\.$/);
    const onlyItself = await reportingSentence((p) => (compilesItself(p), (p.reporting.to = ['UBND tỉnh Quảng Trị'])));
    expect(onlyItself).toMatch(/gửi báo cáo kết quả thực hiện Kế hoạch về Ủy ban nhân dân tỉnh Quảng Trị\.$/);
    for (const text of [withOthers, onlyItself]) expect(text).not.toMatch(/báo cáo (Ủy ban nhân dân|UBND) tỉnh/);
  });

  it('sends reports where the duties send them: the agency a duty names, or the one that compiles', async () => {
    const named = await reportingSentence((p) => {
      p.implementation[2]!.duties = [
        'Xây dựng kế hoạch cụ thể; định kỳ gửi báo cáo kết quả về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp',
      ];
      p.implementation.push({ agency: 'Văn phòng Ủy ban nhân dân tỉnh', duties: ['Theo dõi, đôn đốc'] });
    });
    expect(named).toMatch(
      /thực hiện Kế hoạch về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp, tham mưu Ủy ban nhân dân tỉnh Quảng Trị báo cáo Bộ Ngoại giao\.$/u,
    );
    const compiled = await reportingSentence((p) => (p.reporting.to = ['Ủy ban nhân dân tỉnh']));
    expect(compiled).toMatch(
      /thực hiện Kế hoạch về Sở Ngoại vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh Quảng Trị\.$/u,
    );
    expect(textOf(doc.paragraph(/^Trong quá trình triển khai/))).toBe(
      'Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo Ủy ban nhân dân tỉnh Quảng Trị (qua Sở Ngoại vụ) để xem xét, giải quyết./.',
    );
  });

  it('agrees with the duties in every example plan', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { loadPlan } = await import('../src/plan/load.js');
    const dir = new URL('../examples/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const plan = loadPlan(readFileSync(new URL(file, dir)), { today: new Date(2026, 5, 1) }).plan!;
      const sentence = textOf((await renderDocx(plan)).paragraph(/^Định kỳ [^,]*, trước ngày /u));
      const destinations = plan.implementation.flatMap((d) =>
        d.duties.flatMap((t) => [...t.matchAll(/báo cáo[^;.]*? về (\p{Lu}[^;.]*?) để tổng hợp/gu)].map((m) => m[1]!)),
      );
      for (const place of destinations)
        expect(sentence, file).toContain(
          `thực hiện ${plan.kind === 'ke-hoach' ? 'Kế hoạch' : 'Chương trình'} về ${place} để tổng hợp`,
        );
      expect(sentence, file).not.toContain(`về ${plan.agency.name} để tổng hợp, báo cáo`);
    }
  });

  it('numbers tasks 1.1., 1.2. in every group once a group has more than 23, never "aa)"', async () => {
    const plan = quangTriPlan();
    const many: Task[] = Array.from({ length: 26 }, (_, i) => ({
      content: `Nhiệm vụ số ${i + 1}`,
      lead: 'Sở Ngoại vụ',
    }));
    plan.tasks.alignment = many;
    const d = await renderDocx(plan);
    expect(textOf(d.paragraph(/Nhiệm vụ số 1\.$/))).toBe('1.1. Nhiệm vụ số 1.');
    expect(textOf(d.paragraph(/Nhiệm vụ số 24\.$/))).toBe('1.24. Nhiệm vụ số 24.');
    expect(textOf(d.paragraph(/Nhiệm vụ số 26\.$/))).toBe('1.26. Nhiệm vụ số 26.');
    expect(textOf(d.paragraph(/^2\.1\. /))).toBe(`2.1. ${plan.tasks.mobilization[0]!.content}.`);
    expect(textOf(d.paragraph(/^5\.2\. /))).toBe(`5.2. ${plan.tasks.pillars[1]!.content}.`);
    expect(d.texts().filter((t) => /^[a-zđ]{1,3}\) /u.test(t))).toEqual([]);
  });

  it('keeps a) … y) while every group has 23 tasks or fewer', async () => {
    const plan = quangTriPlan();
    plan.tasks.alignment = Array.from({ length: 23 }, (_, i) => ({
      content: `Nhiệm vụ số ${i + 1}`,
      lead: 'Sở Ngoại vụ',
    }));
    const d = await renderDocx(plan);
    expect(textOf(d.paragraph(/Nhiệm vụ số 23\.$/))).toBe('y) Nhiệm vụ số 23.');
    expect(textOf(d.paragraph(/Nhiệm vụ số 5\.$/))).toBe('đ) Nhiệm vụ số 5.');
  });
});

describe('without an appendix', () => {
  let plain: Docx;
  beforeAll(async () => {
    const plan: Plan = { ...quangTriPlan(), appendix: false };
    plain = await renderDocx(plan);
  });

  it('has one portrait section and no appendix reference', () => {
    expect(plain.sections()).toHaveLength(1);
    expect(plain.texts().some((t) => t.includes('Phụ lục'))).toBe(false);
  });

  it('puts each task’s lead, partners, period and output into its point', () => {
    expect(textOf(plain.paragraph(/^a\) Cụ thể hóa Chiến lược/))).toBe(
      'a) Cụ thể hóa Chiến lược trong Kế hoạch phát triển kinh tế - xã hội hằng năm và giai đoạn 2021-2025 của tỉnh. ' +
        'Cơ quan chủ trì: Sở Kế hoạch và Đầu tư; cơ quan phối hợp: Sở Ngoại vụ; thời gian thực hiện: Hằng năm; sản phẩm: Kế hoạch phát triển kinh tế - xã hội.',
    );
    expect(textOf(plain.paragraph(/^b\) Phát huy vai trò của cộng đồng/))).toBe(
      'b) Phát huy vai trò của cộng đồng người Quảng Trị ở nước ngoài trong quảng bá văn hóa quê hương. Cơ quan chủ trì: Sở Ngoại vụ; thời gian thực hiện: Hằng năm.',
    );
  });
});
