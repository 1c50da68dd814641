import { FIRST_YEAR } from './dates.js';
import { periodFindings } from './period-years.js';
import type { Rule } from './rule.js';

export const periodBefore2022: Rule = {
  id: 'period-before-2022',
  severity: 'error',
  description: 'Thời gian thực hiện nhiệm vụ không sớm hơn năm 2022, năm có Công văn 404 hướng dẫn triển khai.',
  check(plan) {
    return periodFindings(
      plan,
      (year) => year < FIRST_YEAR,
      (period, years) =>
        `Thời gian thực hiện «${period}» có năm ${years.join(', ')}, trước năm ${FIRST_YEAR} (năm Công văn 404 hướng dẫn triển khai Chiến lược): hãy ghi các năm từ ${FIRST_YEAR} đến 2030, ví dụ «${FIRST_YEAR}-2025».`,
    );
  },
};
