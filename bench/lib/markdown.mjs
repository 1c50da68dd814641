// The pandoc baseline needs the same text a clerk would otherwise keep as Markdown: header lines,
// sections, task lists and the appendix as a pipe table. Wording only has to be equivalent in
// volume and structure to what `kehoach build` prints, not identical.

const GROUP_TITLES = {
  alignment: 'Quán triệt, cụ thể hóa Chiến lược trong các chiến lược, kế hoạch phát triển',
  mobilization: 'Huy động sự tham gia của mọi chủ thể và nguồn lực',
  development: 'Ngoại giao văn hóa phục vụ phát triển',
  dissemination: 'Tuyên truyền, phổ biến, nghiên cứu, tham mưu',
  pillars: 'Triển khai năm nhiệm vụ thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu',
};
const GROUP_ORDER = ['alignment', 'mobilization', 'development', 'dissemination', 'pillars'];
const FREQUENCY = { annual: 'hằng năm', semiannual: '6 tháng và hằng năm', quarterly: 'hằng quý' };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

// Backslash-escape what Markdown would otherwise read as markup, so user text prints as itself.
export function escapeInline(text) {
  return String(text)
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function upper(text) {
  return String(text).toLocaleUpperCase('vi');
}

function twoDigits(n, always) {
  return always || n < 10 ? String(n).padStart(2, '0') : String(n);
}

// Decree 30: days below 10 and months 1 and 2 take a leading zero.
function dateLine(plan) {
  const { date, year } = plan.document;
  const place = plan.agency.place;
  if (date === undefined || date === null) return `${place}, ngày      tháng      năm ${year}`;
  const [y, m, d] = String(date).slice(0, 10).split('-').map(Number);
  const month = m <= 2 ? twoDigits(m, true) : String(m);
  return `${place}, ngày ${twoDigits(d, false)} tháng ${month} năm ${y}`;
}

function symbol(plan) {
  const type = plan.kind === 'chuong-trinh' ? 'CTr' : 'KH';
  const number = plan.document.number;
  const shown = number === undefined || number === null ? '      ' : twoDigits(number, false);
  return `Số: ${shown}/${type}-${plan.agency.short}`;
}

function signerLines(signer) {
  const lines = [];
  const cap = signer.capacity;
  if (cap === 'TM') {
    lines.push(`TM. ${upper(signer.body)}`, upper(signer.title));
    return lines;
  }
  if (cap === 'none') return [upper(signer.title)];
  if (signer.body) lines.push(`TM. ${upper(signer.body)}`);
  lines.push(`${cap}. ${upper(signer.head)}`, upper(signer.title));
  return lines;
}

function taskLine(task) {
  const parts = [`Cơ quan chủ trì: ${escapeInline(task.lead)}`];
  if (task.partners?.length) parts.push(`phối hợp: ${task.partners.map(escapeInline).join(', ')}`);
  if (task.period) parts.push(`thời gian: ${escapeInline(task.period)}`);
  if (task.output) parts.push(`sản phẩm: ${escapeInline(task.output)}`);
  return `- ${escapeInline(task.content)}. ${parts.join('; ')}.`;
}

function cell(text) {
  return text === undefined || text === null ? '' : escapeInline(text).replace(/\n/g, ' ');
}

function appendixTable(plan, kindWord) {
  const out = [];
  out.push('', `# Phụ lục`, '', `**DANH MỤC NHIỆM VỤ TRIỂN KHAI ${upper(kindWord)}**`, '');
  out.push(`*(Kèm theo ${kindWord} số ${symbol(plan).slice(4).trim()} của ${escapeInline(plan.agency.name)})*`, '');
  out.push('| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | Sản phẩm |');
  out.push('|---|---|---|---|---|---|');
  GROUP_ORDER.forEach((key, g) => {
    out.push(`| **${ROMAN[g]}** | **${GROUP_TITLES[key]}** | | | | |`);
    (plan.tasks[key] ?? []).forEach((task, t) => {
      const partners = task.partners?.length ? task.partners.map(cell).join(', ') : '';
      out.push(
        `| ${t + 1} | ${cell(task.content)} | ${cell(task.lead)} | ${partners} | ${cell(task.period)} | ${cell(task.output)} |`,
      );
    });
  });
  return out;
}

/** A plan object (parsed YAML) as the Markdown a user would hand to pandoc. */
export function planToMarkdown(plan) {
  const kindWord = plan.kind === 'chuong-trinh' ? 'Chương trình' : 'Kế hoạch';
  const out = [];
  if (plan.agency.parent) out.push(upper(escapeInline(plan.agency.parent)), '');
  out.push(`**${upper(escapeInline(plan.agency.name))}**`, '', symbol(plan), '');
  out.push('**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', '', '**Độc lập - Tự do - Hạnh phúc**', '');
  out.push(`*${escapeInline(dateLine(plan))}*`, '');
  out.push(`# ${upper(kindWord)}`, '', `**${escapeInline(plan.document.title)}**`, '');
  plan.bases.forEach((basis, i) => {
    out.push(`*Căn cứ ${escapeInline(basis)}${i === plan.bases.length - 1 ? '.' : ';'}*`, '');
  });

  out.push('## I. MỤC ĐÍCH, YÊU CẦU', '', '### 1. Mục đích', '');
  for (const p of plan.purposes) out.push(escapeInline(p), '');
  out.push('### 2. Yêu cầu', '');
  for (const r of plan.requirements) out.push(escapeInline(r), '');

  out.push('## II. NHIỆM VỤ, GIẢI PHÁP', '');
  GROUP_ORDER.forEach((key, g) => {
    out.push(`### ${g + 1}. ${GROUP_TITLES[key]}`, '');
    for (const task of plan.tasks[key] ?? []) out.push(taskLine(task));
    out.push('');
  });

  out.push('## III. KINH PHÍ THỰC HIỆN', '');
  for (const f of plan.funding) out.push(escapeInline(f), '');

  out.push('## IV. TỔ CHỨC THỰC HIỆN', '');
  plan.implementation.forEach((duty, i) => {
    out.push(`### ${i + 1}. ${escapeInline(duty.agency)}`, '');
    for (const d of duty.duties) out.push(`- ${escapeInline(d)}`);
    out.push('');
  });
  const rep = plan.reporting;
  out.push(`### ${plan.implementation.length + 1}. Chế độ báo cáo`, '');
  out.push(
    `Các cơ quan, đơn vị báo cáo ${FREQUENCY[rep.frequency] ?? rep.frequency} kết quả thực hiện ` +
      `trước ngày ${escapeInline(rep.due)}, gửi ${rep.to.map(escapeInline).join(', ')}.`,
    '',
  );

  out.push('**Nơi nhận:**', '');
  for (const r of plan.recipients) out.push(`- ${escapeInline(r)};`);
  out.push(`- Lưu: ${escapeInline(plan.archive)}.`, '');
  for (const line of signerLines(plan.signer)) out.push(`**${escapeInline(line)}**`, '');
  if (plan.signer.name) out.push(`**${escapeInline(plan.signer.name)}**`, '');

  if (plan.appendix !== false) out.push(...appendixTable(plan, kindWord));
  return `${out.join('\n')}\n`;
}
