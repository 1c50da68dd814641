// Plans for the import round trip: generated ones that vary every field, and the canonical form of
// a plan, i.e. the plan with what rendering erases undone the way the importer undoes it (see
// src/docx/import/README in the commit message: full stops, separators, derived deadlines).
import { HELPERS } from '../../src/render/helpers.js';
import { namesAgency } from '../../src/render/view.js';
import { recurringDeadlines } from '../../src/text/date.js';
import { validatePlan } from '../../src/plan/validate.js';
import {
  CAPACITIES,
  GROUP_KEYS,
  PILLARS,
  type Capacity,
  type Frequency,
  type Plan,
  type Task,
} from '../../src/plan/types.js';

const sentence = (s: string): string => HELPERS.sentence(s);
const dropAdded = (text: string, suffix: string): string => {
  if (!text.endsWith(suffix)) return text;
  const rest = text.slice(0, -suffix.length);
  return rest.endsWith(suffix) ? text : rest;
};

const MONTHS = { annual: 12, semiannual: 6, quarterly: 3 } as const;

/** The due date the document lets one read back: the deadline with the largest day, else the earliest. */
function canonicalDue(due: string, frequency: Frequency): string {
  const dates = recurringDeadlines(due, MONTHS[frequency]).map((d) => d.split('/').map(Number) as [number, number]);
  const max = Math.max(...dates.map(([day]) => day));
  const [day, month] = dates.find(([d]) => d === max)!;
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`;
}

/** P as the rendered document states it: what import(build(P)) must give back. */
export function canonical(plan: Plan): Record<string, unknown> {
  const p = structuredClone(plan) as unknown as Record<string, any>;
  const appendix = plan.appendix !== false;
  p['agency'].parent = plan.agency.parent ?? null;
  if (plan.document.date !== undefined) p['document'].year = Number(plan.document.date.slice(0, 4));
  p['purposes'] = plan.purposes.map(sentence);
  p['requirements'] = plan.requirements.map(sentence);
  p['funding'] = plan.funding.map(sentence);
  p['implementation'] = plan.implementation.map((d) => ({ agency: d.agency, duties: d.duties.map(sentence) }));
  for (const key of GROUP_KEYS) {
    p['tasks'][key] = plan.tasks[key].map((t: Task) => ({
      ...t,
      content: appendix ? t.content : dropAdded(sentence(t.content), '.'),
    }));
  }
  const onward = plan.reporting.to.filter((r) => !namesAgency(r, plan.agency.name));
  p['reporting'] = {
    frequency: plan.reporting.frequency,
    due: canonicalDue(plan.reporting.due, plan.reporting.frequency),
    to: onward.length > 0 ? onward : [plan.agency.name],
  };
  p['recipients'] = plan.recipients.map((r) => dropAdded(r.endsWith(';') ? r : `${r};`, ';'));
  p['archive'] = dropAdded(plan.archive.endsWith('.') ? plan.archive : `${plan.archive}.`, '.');
  p['appendix'] = appendix;
  return JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
}

/** What no visible text states (a task's pillar): compared separately. */
export function withoutUnrecoverable(data: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(data)) as Record<string, any>;
  for (const key of GROUP_KEYS) for (const task of copy['tasks']?.[key] ?? []) delete task.pillar;
  return copy;
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = [
  { name: 'Ủy ban nhân dân tỉnh Quảng Trị', short: 'UBND', sector: 'locality', place: 'Quảng Trị' },
  { name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh', short: 'UBND', sector: 'locality', place: 'Thành phố Hồ Chí Minh' },
  { name: 'Sở Ngoại vụ', short: 'SNgV', sector: 'locality', place: 'Huế', parent: 'Ủy ban nhân dân thành phố Huế' },
  {
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    short: 'SVHTTDL',
    sector: 'locality',
    place: 'Đà Nẵng',
    parent: 'Ủy ban nhân dân thành phố Đà Nẵng',
  },
  { name: 'Bộ Văn hóa, Thể thao và Du lịch', short: 'BVHTTDL', sector: 'ministry', place: 'Hà Nội' },
  { name: 'Bộ Giáo dục và Đào tạo', short: 'BGDĐT', sector: 'ministry', place: 'Hà Nội' },
  {
    name: 'Cục Ngoại vụ và Ngoại giao văn hóa',
    short: 'CNVNGVH',
    sector: 'ministry',
    place: 'Hà Nội',
    parent: 'Bộ Ngoại giao',
  },
] as const;

const UNITS = [
  'Sở Ngoại vụ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Giáo dục và Đào tạo',
  'Sở Kế hoạch và Đầu tư',
  'Công an tỉnh',
  'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
  'Liên hiệp các tổ chức hữu nghị tỉnh',
  'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
  'Báo Quảng Trị',
  'Đài Phát thanh - Truyền hình Quảng Trị',
  'Hội Hữu nghị Việt Nam - Lào tỉnh',
  'Bộ Ngoại giao',
  'Cục Ngoại vụ và Ngoại giao văn hóa',
  'Văn phòng Ủy ban nhân dân tỉnh',
  'Các sở, ban, ngành tỉnh',
  'Sở Tài chính',
];

const PHRASES = [
  'Tổ chức các hoạt động giao lưu văn hóa, văn nghệ với các địa phương nước ngoài',
  'Xây dựng chuyên mục về đối ngoại; tăng cường hợp tác với các cơ quan báo chí',
  'Đẩy mạnh quảng bá hình ảnh (kể cả trên mạng xã hội) bằng tiếng Việt, tiếng Anh',
  'Khuyến khích doanh nghiệp tham gia: xúc tiến đầu tư, thương mại, du lịch',
  'Rà soát, lựa chọn di sản tiêu biểu để lập hồ sơ đề nghị UNESCO ghi danh giai đoạn 2022-2025',
  'Bồi dưỡng kiến thức về lễ tân đối ngoại cho cán bộ, công chức "làm công tác đối ngoại"',
  'Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao & báo cáo kết quả | theo quy định',
];
const ENDINGS = ['', '', '.', ';', '!', '...', ':', '?'];
const TITLES = [
  'Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030',
  'UNESCO và ngoại giao văn hóa của tỉnh giai đoạn 2026-2030',
  'Hành động của ngành Văn hóa, Thể thao và Du lịch triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn, gắn với phát triển du lịch bền vững và bảo tồn di sản văn hóa dân tộc',
];
const BASES = [
  'Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược Ngoại giao văn hóa đến năm 2030',
  'Công văn số 404/BNG-NGVH-UNESCO ngày 10/02/2022 của Bộ Ngoại giao về việc hướng dẫn xây dựng Chương trình/Kế hoạch hành động',
  'Nghị quyết số 22-NQ/TW ngày 10/4/2018 của Bộ Chính trị, trong đó có nội dung về hội nhập quốc tế',
];
const TITLES_OF = {
  head: ['Chủ tịch', 'Bộ trưởng', 'Giám đốc'],
  title: ['Phó Chủ tịch', 'Chủ tịch', 'Thứ trưởng', 'Phó Giám đốc', 'Vụ trưởng Vụ Hợp tác quốc tế', 'Chánh Văn phòng'],
};
const NAMES = ['Hoàng Nam', 'Nguyễn Thị Lan Anh', 'Lê Văn Đức'];

export function generatePlans(count: number, seed: number): Plan[] {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => rnd() < p;
  const text = (): string => {
    let s = pick(PHRASES);
    if (chance(0.15)) while (s.length < 1700) s += `, ${pick(PHRASES).toLocaleLowerCase('vi')}`;
    return s + pick(ENDINGS);
  };
  const list = (lo: number, hi: number, make: () => string) => Array.from({ length: int(lo, hi) }, make);
  const plans: Plan[] = [];
  for (let n = 0; plans.length < count; n++) {
    const agency = pick(AGENCIES);
    const dated = chance(0.6);
    const year = int(2022, 2030);
    const date = `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    const capacity: Capacity = CAPACITIES[n % CAPACITIES.length]!;
    const task = (key: string): Task => {
      const lead = pick(UNITS);
      const partners = chance(0.7) ? [...new Set(list(1, 3, () => pick(UNITS)))].filter((u) => u !== lead) : undefined;
      return {
        content: text(),
        lead,
        ...(partners && partners.length > 0 ? { partners } : {}),
        ...(chance(0.7) ? { period: pick(['Hằng năm', '2022-2025', 'Quý II/2026', 'Năm 2027.']) } : {}),
        ...(chance(0.6)
          ? { output: pick(['Kế hoạch hằng năm', 'Hội nghị; tài liệu', 'Báo cáo.', 'Ấn phẩm, video giới thiệu']) }
          : {}),
        ...(key === 'pillars' && chance(0.6) ? { pillar: pick(PILLARS) } : {}),
      };
    };
    const draft = {
      version: 1,
      kind: chance(0.5) ? 'ke-hoach' : 'chuong-trinh',
      agency: { ...(chance(0.3) && !('parent' in agency) ? { parent: null } : {}), ...agency },
      document: {
        ...(chance(0.5) ? { number: chance(0.5) ? int(1, 9) : int(10, 99999) } : {}),
        ...(dated ? { date: date < '2022-02-10' ? '2022-02-10' : date } : {}),
        ...(!dated || chance(0.5)
          ? { year: dated ? Number((date < '2022-02-10' ? '2022-02-10' : date).slice(0, 4)) : year }
          : {}),
        title: pick(TITLES),
      },
      bases: [BASES[0]!, ...BASES.slice(1).filter(() => chance(0.5))],
      purposes: list(1, 3, text),
      requirements: list(1, 3, text),
      tasks: Object.fromEntries(GROUP_KEYS.map((key) => [key, list(1, 4, () => '').map(() => task(key))])),
      funding: list(1, 3, text),
      implementation: list(1, 4, () => '').map(() => ({ agency: pick(UNITS), duties: list(1, 3, text) })),
      reporting: {
        frequency: pick(['annual', 'semiannual', 'quarterly'] as const),
        due: `${String(int(1, 31)).padStart(2, '0')}/${pick(['01', '03', '05', '07', '08', '10', '12'])}`,
        to: [
          ...new Set(
            list(1, 3, () =>
              pick([
                'Bộ Ngoại giao',
                'Thường trực Tỉnh ủy',
                agency.name,
                'Ủy ban nhân dân tỉnh',
                'Bộ Văn hóa, Thể thao và Du lịch',
              ]),
            ),
          ),
        ],
      },
      signer: {
        capacity,
        ...(capacity === 'TM' || (capacity !== 'none' && chance(0.4)) ? { body: 'Ủy ban nhân dân' } : {}),
        ...(capacity !== 'TM' && capacity !== 'none' ? { head: pick(TITLES_OF.head) } : {}),
        title: pick(TITLES_OF.title),
        ...(chance(0.5) ? { name: pick(NAMES) } : {}),
      },
      recipients: list(1, 5, () => pick(UNITS) + pick(['', '', ' (để báo cáo)', ';'])),
      archive: pick(['VT, KGVX', 'VT, KGVX.', 'VT']),
      ...(chance(0.7) ? { appendix: chance(0.6) } : {}),
    };
    const { plan, issues } = validatePlan(draft, { today: new Date('2031-01-01') });
    if (!plan) throw new Error(`generated plan ${n} is invalid: ${JSON.stringify(issues.slice(0, 3))}`);
    plans.push(plan);
  }
  return plans;
}
