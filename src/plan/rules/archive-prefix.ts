import { text } from './draft.js';
import type { Rule } from './rule.js';

// The template prints the archive line itself: "- Lưu: " + archive + "." (signer.ts).
const PREFIX = /^\s*(?:[-–—•+*]\s*)?(?:lưu\s*:?\s*)?/iu;

/** What to write in `archive` for the line the clerk copied: "- Lưu: VT, XTĐT." → "VT, XTĐT". */
export function bareArchive(typed: string): string {
  const text = typed.normalize('NFC').trim();
  const lead = PREFIX.exec(text)?.[0] ?? '';
  return text
    .slice(lead.length)
    .replace(/\s*\.+$/u, '')
    .trim();
}

export const archivePrefix: Rule = {
  id: 'archive-prefix',
  severity: 'warning',
  description: 'Dòng Lưu chỉ ghi nơi lưu (VT, KGVX): mẫu văn bản đã tự in «- Lưu: » ở đầu và dấu chấm ở cuối.',
  check(plan) {
    const archive = text(plan['archive']);
    if (archive === undefined) return [];
    // A final dot alone is harmless: the template does not add a second one.
    const bare = bareArchive(archive);
    if (bare === archive.trim().replace(/\s*\.+$/u, '') || bare === '') return [];
    const printed = `- Lưu: ${archive.trim()}${archive.trim().endsWith('.') ? '' : '.'}`;
    return [
      {
        path: ['archive'],
        message: `Lưu \`${archive.trim()}\` chép cả phần mẫu văn bản tự in («- Lưu: » ở đầu, dấu chấm ở cuối), nên văn bản sẽ in «${printed}»: hãy chỉ ghi nơi lưu, \`archive: ${bare}\`.`,
        ask: `«${archive.trim()}» chép cả phần mẫu văn bản tự in («- Lưu: » ở đầu, dấu chấm ở cuối): hãy chỉ gõ nơi lưu, ví dụ ${bare}.`,
      },
    ];
  },
};
