import { toOldStyle } from '../../text/tone.js';
import { reportDestinations } from '../reporting.js';
import { at, list, record, text } from './draft.js';
import type { Finding, Rule } from './rule.js';

const key = (name: string): string =>
  name
    .split(/\s+/u)
    .map((w) => toOldStyle(w.toLocaleLowerCase('vi')))
    .join(' ');

export const reportingDestinationMixed: Rule = {
  id: 'reporting-destination-mixed',
  severity: 'warning',
  description:
    'Các cơ quan gửi báo cáo về cùng một nơi: nhiệm vụ ở mục IV và phần Chế độ báo cáo không nêu hai nơi khác nhau.',
  check(plan) {
    const implementation = (list(plan['implementation']) ?? []).map((item) => {
      const duty = record(item);
      return {
        agency: text(duty?.['agency']) ?? '',
        duties: (list(duty?.['duties']) ?? []).map((d) => text(d) ?? ''),
      };
    });
    const name = text(at(plan, 'agency', 'name')) ?? '';
    const [first, ...rest] = reportDestinations({ agency: { name }, implementation });
    if (first === undefined) return [];
    const findings: Finding[] = [];
    const seen = new Set([key(first.agency)]);
    for (const other of rest) {
      if (seen.has(key(other.agency))) continue;
      seen.add(key(other.agency));
      const [i, j] = other.duty;
      findings.push({
        path: ['implementation', i, 'duties', j],
        message: `Nhiệm vụ này gửi báo cáo về «${other.agency}», mà nhiệm vụ của ${implementation[first.duty[0]]?.agency ?? 'cơ quan khác'} gửi về «${first.agency}», và phần Chế độ báo cáo in «gửi báo cáo … về ${first.agency}»: hãy thống nhất một nơi nhận báo cáo.`,
        ask: `Nhiệm vụ này gửi báo cáo về «${other.agency}», mà nhiệm vụ khác gửi về «${first.agency}» (phần Chế độ báo cáo in nơi này): hãy thống nhất một nơi nhận báo cáo.`,
      });
    }
    return findings;
  },
};
