import type { DocxSection } from '../model.js';
import { mm } from './format.js';
import type { DocxFinding, DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

type Side = 'top' | 'bottom' | 'left' | 'right';
type Ranges = Record<Side, [number, number]>;

const MM = 56.7;
/** Portrait: Decree 30, Appendix I. */
const PORTRAIT: Ranges = { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] };
/** A landscape page is the portrait page turned: the binding margin goes on top. */
const TURNED: Ranges = { top: [30, 35], bottom: [15, 20], left: [20, 25], right: [20, 25] };

const NAMES: Record<Side, string> = { top: 'lề trên', bottom: 'lề dưới', left: 'lề trái', right: 'lề phải' };
const ORDER: Side[] = ['top', 'bottom', 'left', 'right'];

/** A tenth of a millimetre of slack: 35 mm is 1984.5 twips, written 1984 or 1985. */
function within(twips: number, [min, max]: [number, number]): boolean {
  const value = twips / MM;
  return value >= min - 0.1 && value <= max + 0.1;
}

function outside(section: DocxSection, ranges: Ranges): Side[] {
  return ORDER.filter((side) => !within(section.margins[side], ranges[side]));
}

export const docxMargins: DocxRule = {
  id: 'docx-margins',
  severity: 'error',
  description:
    'Lề trên và lề dưới 20–25 mm, lề trái 30–35 mm, lề phải 15–20 mm (trang ngang của phụ lục có thể để lề 30 mm ở trên).',
  check(doc, part) {
    const findings: DocxFinding[] = [];
    for (const [n, { section, first }] of zonesOf(doc, part).sections.entries()) {
      let wrong = outside(section, PORTRAIT);
      if (wrong.length > 0 && section.page.width > section.page.height) {
        const turned = outside(section, TURNED);
        if (turned.length < wrong.length) wrong = turned;
        if (turned.length === 0) wrong = [];
      }
      if (wrong.length === 0) continue;
      const ranges =
        section.page.width > section.page.height && outside(section, TURNED).length < outside(section, PORTRAIT).length
          ? TURNED
          : PORTRAIT;
      const list = wrong.map(
        (side) => `${NAMES[side]} ${mm(section.margins[side])} mm (cần ${ranges[side][0]}–${ranges[side][1]} mm)`,
      );
      const where = n === 0 ? 'Lề trang' : `Lề trang của phần ${n + 1}`;
      findings.push({ paragraph: first, message: `${where} chưa đúng Nghị định 30: ${list.join('; ')}.` });
    }
    return findings;
  },
};
