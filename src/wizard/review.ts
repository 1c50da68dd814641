// The review screen: what the plan says in brief, the same findings `check` would print, and the
// way back to any section or on to writing the files.
import type { Issue } from '../plan/issue.js';
import { FREQUENCY_LABELS, KIND_LABELS, SECTOR_LABELS } from '../plan/labels.js';
import { GROUP_KEYS } from '../plan/types.js';
import { signerLines } from '../render/signer.js';
import { SEVERITY_LABEL } from '../report/summary.js';
import { documentNumber, placeAndDate } from '../text/date.js';
import { findToneStyles, toNewStyle, toOldStyle, type ToneStyle } from '../text/tone.js';
import type { DraftPlan } from './draft.js';
import type { Choice } from './prompter.js';
import type { Session } from './session.js';
import { SECTIONS, stepFor } from './steps/index.js';
import { labelled, wizardVoice } from './voice.js';
import { fieldLabel } from './where.js';
import { mentionsBlock, replaceAll, reviewEach, yearMentions } from './years.js';

export type ReviewChoice =
  | { action: 'finish' }
  | { action: 'section'; id: string }
  | { action: 'tone' }
  | { action: 'years-replace' }
  | { action: 'years-each' }
  | { action: 'quit' };

function summary(d: DraftPlan): string {
  const kind = KIND_LABELS[d.kind ?? 'ke-hoach'];
  const year = d.document?.year ?? (d.document?.date ? Number(d.document.date.slice(0, 4)) : undefined);
  const number = documentNumber(d.document?.number).trim() || '…';
  const place =
    d.agency?.place && year !== undefined
      ? placeAndDate(d.agency.place, d.document?.date, year).replace(/\s{2,}/g, ' … ')
      : '';
  const tasks = GROUP_KEYS.map((k, i) => `${i + 1}) ${d.tasks?.[k]?.length ?? 0}`).join(' • ');
  const total = GROUP_KEYS.reduce((n, k) => n + (d.tasks?.[k]?.length ?? 0), 0);
  const r = d.reporting;
  const signer =
    d.signer?.capacity && d.signer.title
      ? signerLines({ ...d.signer, capacity: d.signer.capacity, title: d.signer.title }).join(' / ')
      : '(chưa đủ)';
  return [
    `${kind.heading}  Số: ${number}/${kind.abbreviation}-${d.agency?.short ?? '…'}  ${place}`,
    `  ${d.document?.title ?? '(chưa có trích yếu)'}`,
    `Cơ quan: ${d.agency?.name ?? '(chưa có)'}${d.agency?.sector ? ` (${SECTOR_LABELS[d.agency.sector]})` : ''}${d.agency?.parent ? `, chủ quản: ${d.agency.parent}` : ''}`,
    `Căn cứ: ${d.bases?.length ?? 0} • Mục đích: ${d.purposes?.length ?? 0} • Yêu cầu: ${d.requirements?.length ?? 0}`,
    `Nhiệm vụ theo nhóm: ${tasks} (tổng ${total})`,
    `Kinh phí: ${d.funding?.length ?? 0} đoạn • Tổ chức thực hiện: ${d.implementation?.length ?? 0} cơ quan`,
    `Báo cáo: ${r?.frequency ? FREQUENCY_LABELS[r.frequency] : '…'}, hạn ${r?.due ?? '…'}, gửi ${(r?.to ?? []).join('; ') || '…'}`,
    `Người ký: ${signer}${d.signer?.name ? ` — ${d.signer.name}` : ''}`,
    ...(d.signer?.name
      ? []
      : ['  Lưu ý: chưa có họ và tên người ký: văn bản để trống chỗ ghi tên, văn thư phải điền trước khi trình ký.']),
    `Nơi nhận: ${d.recipients?.length ?? 0} • Lưu: ${d.archive ?? '…'} • Phụ lục: ${d.appendix === false ? 'không' : 'có'}`,
  ].join('\n');
}

/** The findings as `check` words them, each placed by the field's Vietnamese name, not a pointer. */
export function formatIssues(issues: readonly Issue[], draft: DraftPlan): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (issues.length === 0) return 'Kiểm tra (như kehoach check): không có lỗi, không có cảnh báo.';
  const counts = [errors ? `${errors} lỗi` : '', warnings ? `${warnings} cảnh báo` : ''].filter(Boolean).join(', ');
  const rows = issues.map(
    (i) => `  ${SEVERITY_LABEL[i.severity].padEnd(8)}  ${labelled(fieldLabel(i.path, draft), wizardVoice(i, draft))}`,
  );
  return `Kiểm tra (như kehoach check): ${counts}\n${rows.join('\n')}`;
}

function majorStyle(d: DraftPlan): ToneStyle | undefined {
  const counts: Record<ToneStyle, number> = { old: 0, new: 0 };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const o of findToneStyles(v)) counts[o.style]++;
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(d);
  if (counts.old === 0 || counts.new === 0) return undefined;
  return counts.new > counts.old ? 'new' : 'old';
}

/** Rewrite every word of the minority placement (hoà → hòa), as the tone-mark-mixed rule advises. */
export function unifyTones(d: DraftPlan, style: ToneStyle): DraftPlan {
  const convert = style === 'old' ? toOldStyle : toNewStyle;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let out = v;
      for (const o of findToneStyles(v).reverse()) {
        if (o.style !== style) out = out.slice(0, o.index) + convert(o.word) + out.slice(o.index + o.word.length);
      }
      return out;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(d) as DraftPlan;
}

export async function review(s: Session): Promise<ReviewChoice> {
  const issues = s.check(s.draft);
  const errors = issues.filter((i) => i.severity === 'error');
  const years = yearMentions(s);
  const stale = years !== undefined && years.mentions.length > 0 ? years : undefined;
  const staleText = stale ? `\n${mentionsBlock(stale)}\n` : '';
  s.prompter.say(`\n──── Xem lại ────\n${summary(s.draft)}\n\n${formatIssues(issues, s.draft)}\n${staleText}`);
  const replaceable = stale?.mentions.filter((m) => m.replaced !== undefined).length ?? 0;

  const bySection = new Map<string, Issue[]>();
  for (const issue of issues) {
    const section = stepFor(issue.path)?.section;
    if (section !== undefined) bySection.set(section, [...(bySection.get(section) ?? []), issue]);
  }
  const tone = issues.some((i) => i.rule === 'tone-mark-mixed') ? majorStyle(s.draft) : undefined;
  const choices: Choice<ReviewChoice>[] = [
    {
      value: { action: 'finish' },
      name: 'Hoàn tất: ghi tệp kế hoạch và dựng tệp .docx',
      ...(errors.length > 0 ? { disabled: '(còn lỗi: hãy sửa các mục bên dưới trước)' } : {}),
    },
    ...(tone
      ? [
          {
            value: { action: 'tone' } as ReviewChoice,
            name: `Thống nhất cách đặt dấu thanh theo ${tone === 'old' ? 'kiểu cũ (hòa, thủy)' : 'kiểu mới (hoà, thuỷ)'}`,
          },
        ]
      : []),
    ...(stale && replaceable > 0
      ? [
          {
            value: { action: 'years-replace' } as ReviewChoice,
            name: `Đổi năm ${stale.from} thành ${stale.to} ở cả ${replaceable} chỗ cần xem lại`,
          },
        ]
      : []),
    ...(stale
      ? [
          {
            value: { action: 'years-each' } as ReviewChoice,
            name: `Xem và sửa từng chỗ cần xem lại (${stale.mentions.length} chỗ)`,
          },
        ]
      : []),
    ...SECTIONS.map((section): Choice<ReviewChoice> => {
      const found = bySection.get(section.id) ?? [];
      const e = found.filter((i) => i.severity === 'error').length;
      const w = found.length - e;
      const note = [e ? `${e} lỗi` : '', w ? `${w} cảnh báo` : ''].filter(Boolean).join(', ');
      return {
        value: { action: 'section', id: section.id },
        name: `Sửa: ${section.title}${note ? `  [${note}]` : ''}`,
      };
    }),
    { value: { action: 'quit' }, name: 'Lưu bản nháp và thoát (tiếp tục sau)' },
  ];
  const firstBroken = errors.map((i) => stepFor(i.path)?.section).find((id) => id !== undefined);
  const next: ReviewChoice = firstBroken
    ? { action: 'section', id: firstBroken }
    : stale
      ? { action: replaceable > 0 ? 'years-replace' : 'years-each' }
      : { action: 'finish' };
  const choice = await s.prompter.select({
    id: 'review',
    message: 'Xem lại xong? Chọn việc cần làm:',
    choices,
    default: next,
  });
  if (choice.action === 'tone' && tone) {
    s.draft = unifyTones(s.draft, tone);
    await s.save();
  }
  if (choice.action === 'years-replace') await replaceAll(s);
  if (choice.action === 'years-each') await reviewEach(s);
  return choice;
}
