import { list, tasks, text } from './draft.js';
import type { Finding, Rule } from './rule.js';

// Agency names are compared the way a reader would: case and spacing do not make another agency.
const canonical = (name: string): string => name.toLowerCase().replace(/\s+/gu, ' ').trim();

export const taskLeadInPartners: Rule = {
  id: 'task-lead-in-partners',
  severity: 'error',
  description: 'Cơ quan chủ trì một nhiệm vụ không đồng thời là cơ quan phối hợp của nhiệm vụ đó.',
  check(plan) {
    const findings: Finding[] = [];
    for (const { task, path } of tasks(plan)) {
      const lead = text(task['lead']);
      const partners = list(task['partners']);
      if (lead === undefined || partners === undefined) continue;
      const leadName = canonical(lead);
      partners.forEach((partner, index) => {
        const name = text(partner);
        if (name === undefined || canonical(name) !== leadName) return;
        findings.push({
          path: [...path, 'partners', index],
          message: `«${name}» vừa là cơ quan chủ trì (\`lead\`) vừa là cơ quan phối hợp (\`partners\`) của nhiệm vụ này: hãy xóa «${name}» khỏi \`partners\`.`,
          ask: `«${name}» vừa là cơ quan chủ trì vừa là cơ quan phối hợp của nhiệm vụ này: hãy bỏ «${name}» khỏi cơ quan phối hợp.`,
        });
      });
    }
    return findings;
  },
};
