// The head of the document: kind, issuing agency, symbol, place, number, date, title.
import { KIND_LABELS } from '../../plan/labels.js';
import { titleWithoutKind } from '../../plan/title.js';
import { KINDS, type Kind, type Sector } from '../../plan/types.js';
import { agencyContext, fill, findAgency, formerMatches } from '../agency.js';
import { placeAndDate, typedDate } from '../../text/date.js';
import {
  askChoice,
  askText,
  currentText,
  judge,
  parseDate,
  parseWhole,
  understandDate,
  understandWhole,
} from '../ask.js';
import { cleanAnswer, matches } from '../clean.js';
import { looksUntyped } from '../findings.js';
import type { Choice } from '../prompter.js';
import { type Session, forget } from '../session.js';
import type { Step } from '../step.js';
import { replaceYear } from '../years.js';

const FIRST_YEAR = 2022;
const LAST_YEAR = 2030;

/** Plans are written for the coming year: from October on, the default is next year. */
export function defaultYear(today: Date): number {
  const year = today.getFullYear() + (today.getMonth() >= 9 ? 1 : 0);
  return Math.min(LAST_YEAR, Math.max(FIRST_YEAR, year));
}

type AgencyPick = { entry: string } | { typed: string };

const pickName = (pick: AgencyPick): string => ('entry' in pick ? pick.entry : pick.typed);

function agencyChoices(s: Session, sector: Sector, term: string | undefined): Choice<AgencyPick>[] {
  const current = s.draft.agency?.name;
  const now: Choice<AgencyPick>[] = [];
  const merged: Array<{ choice: Choice<AgencyPick>; whole: boolean }> = [];
  for (const e of s.data.agencies[sector]) {
    const description = `Ký hiệu ${e.short} • địa danh ${e.place}`;
    if (matches(`${e.name} ${e.short} ${e.place}`, term)) {
      now.push({ value: { entry: e.name }, name: e.name, description });
      continue;
    }
    // A clerk from Quảng Bình still types "quang binh": name the province it now belongs to.
    const former = formerMatches(e, term);
    if (former.names.length > 0) {
      merged.push({
        choice: { value: { entry: e.name }, name: `${e.name} (gồm ${former.names.join(', ')} cũ)`, description },
        whole: former.whole,
      });
    }
  }
  merged.sort((a, b) => Number(b.whole) - Number(a.whole));
  const listed = [...now, ...merged.map((m) => m.choice)];
  const typed = term === undefined ? '' : cleanAnswer(term);
  const extra: Choice<AgencyPick>[] = [];
  if (typed !== '' && !findAgency(s.data, sector, typed)) {
    const description = looksUntyped(typed)
      ? 'Tên ngoài danh sách phải gõ đầy đủ, có dấu, viết hoa đúng chính tả'
      : 'Dùng đúng tên vừa gõ (cơ quan không có trong danh sách)';
    extra.push({ value: { typed }, name: typed, description });
  } else if (term === undefined && current && !findAgency(s.data, sector, current)) {
    extra.push({ value: { typed: current }, name: current, description: 'Tên đang dùng' });
  }
  // With nothing listed the typed name is the only answer; otherwise the best match stays first.
  return term === undefined ? [...extra, ...listed] : [...listed, ...extra];
}

export const headerSteps: Step[] = [
  {
    id: 'kind',
    section: 'kind',
    owns: [['kind'], ['version']],
    async run(s) {
      s.draft.version = 1;
      await askChoice<Kind>(s, {
        id: 'kind',
        message: 'Loại văn bản:',
        choices: KINDS.map((k) => ({
          value: k,
          name: `${KIND_LABELS[k].name} (ký hiệu ${KIND_LABELS[k].abbreviation})`,
        })),
        default: s.draft.kind ?? 'ke-hoach',
        path: ['kind'],
      });
    },
  },
  {
    id: 'agency.sector',
    section: 'agency',
    owns: [['agency', 'sector']],
    async run(s) {
      const before = s.draft.agency?.sector;
      const sector = await askChoice<Sector>(s, {
        id: 'agency.sector',
        message: 'Cơ quan ban hành thuộc khối nào?',
        choices: [
          { value: 'locality', name: 'Địa phương (Ủy ban nhân dân tỉnh, thành phố)' },
          { value: 'ministry', name: `Bộ, ngành, cơ quan trung ương` },
        ],
        default: before ?? 'locality',
        path: ['agency', 'sector'],
      });
      if (before !== undefined && before !== sector) await clearAgency(s);
    },
  },
  {
    id: 'agency.name',
    section: 'agency',
    owns: [['agency', 'name'], ['agency']],
    async run(s) {
      const sector = s.draft.agency?.sector ?? 'locality';
      const before = s.draft.agency?.name;
      const current = before === undefined ? undefined : (findAgency(s.data, sector, before)?.name ?? before);
      const pick = await s.prompter.search<AgencyPick>({
        id: 'agency.name',
        message: 'Cơ quan ban hành (gõ vài chữ để tìm, hoặc gõ tên đầy đủ nếu không có trong danh sách):',
        source: (term) => agencyChoices(s, sector, term),
        ...(current !== undefined
          ? { default: findAgency(s.data, sector, current) ? { entry: current } : { typed: current } }
          : {}),
        validate: (value) => judge(s, ['agency', 'name'], cleanAnswer(pickName(value))),
      });
      const name = cleanAnswer(pickName(pick));
      const oldTitle = before === undefined ? undefined : fill(s.data.title[sector], agencyContext(s).vars);
      s.draft.agency = { ...s.draft.agency, name };
      if (before !== undefined && before !== name) {
        // A title still as suggested for the old agency is suggested afresh; any title is asked again.
        if (s.draft.document?.title === oldTitle) delete s.draft.document?.title;
        forget(s, 'document.title');
        s.prompter.say(
          '  Đã đổi cơ quan ban hành: hãy xem lại trích yếu, các nhiệm vụ và phân công ở màn hình Xem lại.',
        );
        await clearAgency(s);
      }
      await s.save();
    },
  },
  {
    id: 'agency.focal',
    section: 'agency',
    owns: [],
    async run(s) {
      const ctx = agencyContext(s);
      const suggested = ctx.units['foreign'] ?? '';
      const listed = findAgency(s.data, ctx.sector, s.draft.agency?.name ?? '') !== undefined;
      // The reference data knows only the agencies in its list: for a typed one it has nothing to cite.
      s.prompter.say(
        `Cơ quan tham mưu công tác đối ngoại sẽ được giao chủ trì theo dõi ${ctx.vars['kind']}. ` +
          (listed
            ? `Theo dữ liệu tham khảo, với ${ctx.entry.area} đó là: ${suggested}. Sửa nếu địa phương, đơn vị đã giao cho cơ quan khác.`
            : `Hãy ghi cơ quan, đơn vị được giao${suggested ? ` (gợi ý: ${suggested}; sửa nếu không đúng)` : ''}.`),
      );
      const raw = await s.prompter.input({
        id: 'agency.focal',
        message: 'Cơ quan tham mưu công tác đối ngoại:',
        ...(suggested ? { default: suggested } : {}),
        validate: (typed) =>
          cleanAnswer(typed) === ''
            ? 'Hãy nhập tên cơ quan, ví dụ: Sở Ngoại vụ, hoặc Văn phòng Ủy ban nhân dân tỉnh.'
            : true,
      });
      const focal = cleanAnswer(raw);
      const previous = s.progress.focal;
      s.progress.focal = focal;
      if (previous !== undefined && previous !== focal) renameAgency(s, previous, focal);
      await s.save();
    },
  },
  {
    id: 'agency.parent',
    section: 'agency',
    owns: [['agency', 'parent']],
    async run(s) {
      const current = s.draft.agency?.parent ?? undefined;
      await askText(s, {
        id: 'agency.parent',
        message: 'Cơ quan chủ quản, in phía trên tên cơ quan ban hành (để trống nếu không có):',
        path: ['agency', 'parent'],
        default: current,
        editable: current !== undefined,
        optional: true,
        empty: null,
      });
    },
  },
  {
    id: 'agency.short',
    section: 'agency',
    owns: [['agency', 'short']],
    async run(s) {
      const ctx = agencyContext(s);
      const kind = KIND_LABELS[s.draft.kind ?? 'ke-hoach'].abbreviation;
      const suggested = currentText(s, ['agency', 'short']) ?? (ctx.entry.short || undefined);
      await askText(s, {
        id: 'agency.short',
        message: `Ký hiệu của cơ quan trong số văn bản (Số: .../${kind}-???)${suggested === undefined ? ', thường vài chữ cái viết tắt, ví dụ BQLKKT' : ''}:`,
        path: ['agency', 'short'],
        default: suggested,
      });
    },
  },
  {
    id: 'agency.place',
    section: 'agency',
    owns: [['agency', 'place']],
    async run(s) {
      const ctx = agencyContext(s);
      await askText(s, {
        id: 'agency.place',
        message: 'Địa danh ghi trước ngày tháng (… , ngày … tháng … năm …):',
        path: ['agency', 'place'],
        default: currentText(s, ['agency', 'place']) ?? (ctx.entry.place || undefined),
      });
    },
  },
  {
    id: 'document.year',
    section: 'document',
    owns: [['document', 'year'], ['document']],
    async run(s) {
      await askText(s, {
        id: 'document.year',
        message: `Năm của ${KIND_LABELS[s.draft.kind ?? 'ke-hoach'].name.toLocaleLowerCase('vi')} (${FIRST_YEAR}-${LAST_YEAR}):`,
        path: ['document', 'year'],
        default: currentText(s, ['document', 'year']) ?? String(defaultYear(s.today)),
        parse: parseWhole,
        understand: understandWhole('Năm của kế hoạch', String(defaultYear(s.today))),
        also: [['document', 'date']],
      });
    },
  },
  {
    id: 'document.number',
    section: 'document',
    owns: [['document', 'number']],
    async run(s) {
      const current = currentText(s, ['document', 'number']);
      await askText(s, {
        id: 'document.number',
        message: 'Số văn bản (để trống để văn thư điền khi ban hành):',
        path: ['document', 'number'],
        default: current,
        editable: current !== undefined,
        optional: true,
        parse: parseWhole,
        understand: understandWhole('Số văn bản', '45'),
      });
    },
  },
  {
    id: 'document.date',
    section: 'document',
    owns: [['document', 'date']],
    async run(s) {
      const stored = s.draft.document?.date;
      // Offered back as typed, never as the file's ISO.
      const current = stored !== undefined && /^\d{4}-\d{2}-\d{2}$/u.test(stored) ? typedDate(stored) : stored;
      const year = s.draft.document?.year ?? defaultYear(s.today);
      await askText(s, {
        id: 'document.date',
        message: `Ngày ban hành, ngày/tháng/năm, ví dụ 20/3/${year} (để trống để văn thư điền khi ban hành):`,
        path: ['document', 'date'],
        default: current,
        editable: current !== undefined,
        optional: true,
        parse: parseDate,
        understand: understandDate,
        also: [['document', 'year']],
      });
      const date = s.draft.document?.date;
      // The date as the document will print it, so that 3/4 read as 3 April is caught now.
      if (date !== undefined)
        s.prompter.say(`  → Văn bản in: ${placeAndDate(s.draft.agency?.place ?? '…', date, year)}`);
    },
  },
  {
    id: 'document.title',
    section: 'document',
    owns: [['document', 'title']],
    async run(s) {
      const ctx = agencyContext(s);
      const current = currentText(s, ['document', 'title']);
      const year = s.draft.document?.year;
      // Last year's title (--from) is offered with the year just chosen.
      const carried =
        current !== undefined && s.progress.from !== undefined && year !== undefined
          ? replaceYear(current, s.progress.from, year, false)
          : current;
      await askText(s, {
        id: 'document.title',
        message: 'Trích yếu (tên văn bản, in đậm dưới chữ KẾ HOẠCH/CHƯƠNG TRÌNH):',
        path: ['document', 'title'],
        default: carried ?? fill(s.data.title[ctx.sector], ctx.vars),
        editable: true,
        // The document type is printed above the title and before it in the opening (issue 11).
        parse: (text) => titleWithoutKind(text, s.draft.kind === 'chuong-trinh' ? 'chuong-trinh' : 'ke-hoach'),
      });
    },
  },
];

// Another agency: its symbol, place and foreign-affairs lead are asked again, from its own data.
async function clearAgency(s: Session): Promise<void> {
  if (s.draft.agency) {
    delete s.draft.agency.short;
    delete s.draft.agency.place;
  }
  delete s.progress.focal;
  forget(s, 'agency.focal', 'agency.short', 'agency.place');
  await s.save();
}

/** The foreign-affairs lead changed: tasks and duties follow it. */
function renameAgency(s: Session, from: string, to: string): void {
  let count = 0;
  const swap = (name: string | undefined): string | undefined => {
    if (name !== from) return name;
    count++;
    return to;
  };
  for (const tasks of Object.values(s.draft.tasks ?? {})) {
    for (const task of tasks ?? []) {
      const lead = swap(task.lead);
      if (lead !== undefined) task.lead = lead;
      if (task.partners) task.partners = task.partners.map((p) => swap(p) ?? p);
    }
  }
  for (const duty of s.draft.implementation ?? []) {
    const agency = swap(duty.agency);
    if (agency !== undefined) duty.agency = agency;
  }
  if (count > 0) s.prompter.say(`  Đã đổi «${from}» thành «${to}» ở ${count} chỗ trong nhiệm vụ và phân công.`);
}
