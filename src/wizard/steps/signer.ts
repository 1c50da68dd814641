// The reporting regime and the signer, with a preview of the signing block as it will print.
import { CAPACITY_LABELS, FREQUENCY_LABELS } from '../../plan/labels.js';
import { CAPACITIES, FREQUENCIES, type Capacity, type Frequency, type Signer } from '../../plan/types.js';
import { signerLines } from '../../render/signer.js';
import { type AgencyContext, agencyContext, fill, issuerNames, namesIssuer } from '../agency.js';
import { askChoice, askText, currentText, parseDue, understandDue } from '../ask.js';
import { editList } from '../list-editor.js';
import { OMIT, type Session, setAt } from '../session.js';
import type { Step } from '../step.js';

const NEEDS_HEAD: readonly Capacity[] = ['KT', 'Q', 'TL', 'TUQ'];
const DEFAULT_DUE: Record<Frequency, string> = { annual: '15/11', semiannual: '15/6', quarterly: '15/3' };

export const reportingSteps: Step[] = [
  {
    id: 'reporting.frequency',
    section: 'reporting',
    owns: [['reporting', 'frequency'], ['reporting']],
    async run(s) {
      const ctx = agencyContext(s);
      await askChoice<Frequency>(s, {
        id: 'reporting.frequency',
        message: 'Các cơ quan báo cáo kết quả thực hiện:',
        choices: FREQUENCIES.map((f) => ({ value: f, name: FREQUENCY_LABELS[f] })),
        default: s.draft.reporting?.frequency ?? s.data.reporting[ctx.sector].frequency,
        path: ['reporting', 'frequency'],
      });
    },
  },
  {
    id: 'reporting.due',
    section: 'reporting',
    owns: [['reporting', 'due']],
    async run(s) {
      const ctx = agencyContext(s);
      const frequency = s.draft.reporting?.frequency ?? 'annual';
      const suggested =
        frequency === s.data.reporting[ctx.sector].frequency
          ? s.data.reporting[ctx.sector].due
          : DEFAULT_DUE[frequency];
      await askText(s, {
        id: 'reporting.due',
        message: 'Hạn gửi báo cáo mỗi kỳ (ngày/tháng, ví dụ 15/11):',
        path: ['reporting', 'due'],
        default: currentText(s, ['reporting', 'due']) ?? suggested,
        parse: parseDue,
        understand: understandDue,
      });
    },
  },
  {
    id: 'reporting.to',
    section: 'reporting',
    owns: [['reporting', 'to']],
    run: (s) =>
      editList(s, {
        id: 'reporting.to',
        title: 'Báo cáo gửi (tổng hợp báo cáo)',
        path: ['reporting', 'to'],
        defaults: () => {
          const ctx = agencyContext(s);
          return notIssuer(s, ctx, ctx.entry.reportTo ?? s.data.reporting[ctx.sector].to);
        },
        suggestions: () => {
          const ctx = agencyContext(s);
          return notIssuer(s, ctx, s.data.reporting[ctx.sector].also);
        },
      }),
  },
];

/** The agency issuing the plan is the one that reports: never suggested as a recipient of its reports. */
export function notIssuer(s: Session, ctx: AgencyContext, texts: readonly string[]): string[] {
  const issuer = issuerNames(s.draft.agency ?? {}, ctx.entry.self);
  return texts.map((t) => fill(t, ctx.vars)).filter((t) => !namesIssuer(t, issuer));
}

function signerDefaults(s: Session): Signer {
  return agencyContext(s).signer;
}

export function signingPreview(signer: Partial<Signer>): string {
  const lines = signerLines({ capacity: signer.capacity ?? 'none', title: signer.title ?? '', ...pick(signer) });
  return [
    'Khối chữ ký sẽ in:',
    ...lines.map((l) => `    ${l}`),
    '',
    '    (chữ ký, dấu)',
    '',
    `    ${signer.name ?? '(họ và tên)'}`,
  ].join('\n');
}

function pick(signer: Partial<Signer>): Partial<Signer> {
  const out: Partial<Signer> = {};
  if (signer.body !== undefined) out.body = signer.body;
  if (signer.head !== undefined) out.head = signer.head;
  return out;
}

export const signerSteps: Step[] = [
  {
    id: 'signer.capacity',
    section: 'signer',
    owns: [['signer', 'capacity'], ['signer']],
    async run(s) {
      const defaults = signerDefaults(s);
      const capacity = await askChoice<Capacity>(s, {
        id: 'signer.capacity',
        message: 'Thẩm quyền ký:',
        choices: CAPACITIES.map((c) => ({ value: c, name: CAPACITY_LABELS[c] })),
        default: s.draft.signer?.capacity ?? defaults.capacity,
        path: ['signer', 'capacity'],
      });
      // Fields the new capacity does not print would only confuse the file.
      if (capacity === 'none') setAt(s.draft, ['signer', 'body'], OMIT);
      if (!NEEDS_HEAD.includes(capacity)) setAt(s.draft, ['signer', 'head'], OMIT);
      await s.save();
    },
  },
  {
    id: 'signer.body',
    section: 'signer',
    owns: [['signer', 'body']],
    applies: (s) => s.draft.signer?.capacity !== 'none',
    async run(s) {
      const tm = s.draft.signer?.capacity === 'TM';
      const current = currentText(s, ['signer', 'body']);
      const suggested = current ?? signerDefaults(s).body;
      await askText(s, {
        id: 'signer.body',
        message: tm
          ? 'Tập thể mà người ký thay mặt (in sau "TM.", ví dụ Ủy ban nhân dân):'
          : 'Tập thể in ở dòng "TM. …" phía trên (để trống nếu không có):',
        path: ['signer', 'body'],
        default: suggested,
        editable: !tm && suggested !== undefined,
        optional: !tm,
      });
    },
  },
  {
    id: 'signer.head',
    section: 'signer',
    owns: [['signer', 'head']],
    applies: (s) => NEEDS_HEAD.includes(s.draft.signer?.capacity ?? 'none'),
    async run(s) {
      const capacity = s.draft.signer?.capacity ?? 'KT';
      await askText(s, {
        id: 'signer.head',
        message: `Chức danh người đứng đầu (in sau "${capacity}.", ví dụ Chủ tịch, Bộ trưởng):`,
        path: ['signer', 'head'],
        default: currentText(s, ['signer', 'head']) ?? signerDefaults(s).head,
      });
    },
  },
  {
    id: 'signer.title',
    section: 'signer',
    owns: [['signer', 'title']],
    async run(s) {
      const defaults = signerDefaults(s);
      const capacity = s.draft.signer?.capacity;
      // A head signing in their own right holds the head's title, not the deputy's.
      const suggested = capacity === 'TM' || capacity === 'none' ? (defaults.head ?? defaults.title) : defaults.title;
      await askText(s, {
        id: 'signer.title',
        message: 'Chức vụ của người ký (in phía trên chữ ký):',
        path: ['signer', 'title'],
        default: currentText(s, ['signer', 'title']) ?? suggested,
      });
    },
  },
  {
    id: 'signer.name',
    section: 'signer',
    owns: [['signer', 'name']],
    async run(s) {
      const current = currentText(s, ['signer', 'name']);
      await askText(s, {
        id: 'signer.name',
        message: 'Họ và tên người ký (để trống nếu chưa biết):',
        path: ['signer', 'name'],
        default: current,
        editable: current !== undefined,
        optional: true,
      });
      s.prompter.say(signingPreview(s.draft.signer ?? {}));
    },
  },
];
