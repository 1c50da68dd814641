import { LAST_YEAR } from './dates.js';
import { periodFindings } from './period-years.js';
import type { Rule } from './rule.js';

export const periodBeyond2030: Rule = {
  id: 'period-beyond-2030',
  severity: 'error',
  description: 'Thời gian thực hiện nhiệm vụ không vượt quá năm 2030, tầm nhìn của Chiến lược.',
  check(plan) {
    return periodFindings(
      plan,
      (year) => year > LAST_YEAR,
      (period, years) =>
        `Thời gian thực hiện «${period}» có năm ${years.join(', ')}, vượt quá năm ${LAST_YEAR} (tầm nhìn của Chiến lược Ngoại giao văn hóa): hãy ghi các năm từ 2022 đến ${LAST_YEAR}, ví dụ «2026-${LAST_YEAR}».`,
    );
  },
};
