// What the wizard refuses beyond `check`: mistakes a clerk makes through the wizard that the plan
// format cannot see on its own. They join the checks' issues in the session's checker, so the
// prompt refuses them, the review lists them and --from asks them again.
import type { Issue } from '../plan/issue.js';
import { KIND_LABELS } from '../plan/labels.js';
import { issuerNames, namesIssuer } from './agency.js';
import { sanitizeDraft } from './draft.js';

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** No tone mark at all, or no capital letter: a search term, not the name to print. */
export function looksUntyped(name: string): boolean {
  const letters = name.normalize('NFD');
  const marked = /[\u0300-\u036f]|[đĐ]/u.test(letters);
  const capital = /\p{Lu}/u.test(name);
  return /\p{L}/u.test(name) && (!marked || !capital);
}

export function wizardFindings(data: unknown): Issue[] {
  const draft = sanitizeDraft(data);
  const found: Issue[] = [];
  const name = draft.agency?.name;
  if (isText(name) && looksUntyped(name)) {
    found.push({
      rule: 'agency-name-untyped',
      severity: 'error',
      path: ['agency', 'name'],
      message:
        `Tên cơ quan ban hành «${name}» viết thường hoặc không dấu, mà tên này được in ở đầu văn bản và trong câu: ` +
        'hãy gõ tên đầy đủ có dấu, viết hoa đúng chính tả (ví dụ: Ủy ban nhân dân tỉnh Quảng Trị), hoặc chọn cơ quan trong danh sách.',
    });
  }
  // Keys typed ahead once put "2027" here, and the document printed "2027, ngày 20 tháng 3 năm 2027".
  const place = draft.agency?.place;
  if (isText(place) && !/\p{L}/u.test(place)) {
    found.push({
      rule: 'agency-place-not-a-name',
      severity: 'error',
      path: ['agency', 'place'],
      message: `Địa danh «${place}» không phải tên một nơi, mà văn bản in nó trước ngày tháng («${place}, ngày … tháng … năm …»): hãy ghi tên địa danh, ví dụ Quảng Ninh.`,
    });
  }
  const to = draft.reporting?.to;
  if (draft.agency !== undefined && isText(name) && to !== undefined) {
    const issuer = issuerNames(draft.agency);
    const kind = KIND_LABELS[draft.kind ?? 'ke-hoach'].name;
    const example = namesIssuer('Bộ Ngoại giao', issuer)
      ? 'Thủ tướng Chính phủ'
      : draft.agency.sector === 'ministry'
        ? 'Bộ Ngoại giao'
        : 'Bộ Ngoại giao, Thường trực Tỉnh ủy';
    to.forEach((recipient, index) => {
      if (!namesIssuer(recipient, issuer)) return;
      found.push({
        rule: 'reporting-to-self',
        severity: 'error',
        path: ['reporting', 'to', index],
        message:
          `«${recipient}» là cơ quan ban hành ${kind.toLocaleLowerCase('vi')}, tức chính cơ quan tổng hợp và gửi báo cáo ` +
          `(văn bản in: "${name} tổng hợp, báo cáo …"), nên không thể là nơi nhận báo cáo: ` +
          `hãy ghi cơ quan cấp trên nhận báo cáo, ví dụ ${example}.`,
      });
    });
  }
  return found;
}
