import type { DocxRun } from '../model.js';
import { firstFew, inkRuns } from './format.js';
import type { DocxFinding, DocxRule } from './rule.js';
import { zonesOf } from './zones.js';

const WANTED = 'times new roman';

/** Word's own fallback when no layer names a font. */
const normal = (font: string | undefined): string => (font ?? 'Times New Roman').trim();

/** The fonts a run is drawn in: ASCII letters take w:ascii, Vietnamese letters w:hAnsi. */
function wrongFonts(run: DocxRun): string[] {
  const out = new Set<string>();
  if (/[\x21-\x7e]/.test(run.text) && normal(run.fonts.ascii).toLowerCase() !== WANTED)
    out.add(normal(run.fonts.ascii));
  if (/[^\x00-\x7f]/.test(run.text) && normal(run.fonts.hAnsi ?? run.fonts.ascii).toLowerCase() !== WANTED)
    out.add(normal(run.fonts.hAnsi ?? run.fonts.ascii));
  return [...out];
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat;
}

export const docxFont: DocxRule = {
  id: 'docx-font',
  severity: 'error',
  description: 'Mọi chữ trong văn bản dùng phông Times New Roman (bộ mã Unicode TCVN 6909:2001).',
  check(doc, part) {
    const findings: DocxFinding[] = [];
    for (const paragraph of zonesOf(doc, part).paragraphs) {
      const bad = inkRuns(paragraph)
        .map((run) => ({ run, fonts: wrongFonts(run) }))
        .filter((r) => r.fonts.length > 0);
      if (bad.length === 0) continue;
      const fonts = [...new Set(bad.flatMap((b) => b.fonts))];
      // The integrator quotes the paragraph: name a run only when it is not the whole paragraph.
      const where =
        bad.length === inkRuns(paragraph).length
          ? 'cả đoạn'
          : `ở chữ «${excerpt(bad[0]!.run.text)}»${bad.length > 1 ? ` và ${bad.length - 1} chỗ khác trong đoạn` : ''}`;
      findings.push({
        paragraph,
        message: `Phông chữ ${fonts.join(', ')} (${where}); Nghị định 30 yêu cầu phông Times New Roman.`,
      });
    }
    return firstFew(findings, 3, (more) => `Còn ${more} đoạn khác cũng dùng phông khác Times New Roman.`);
  },
};
