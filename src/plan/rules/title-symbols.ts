import { at, text } from './draft.js';
import type { Rule } from './rule.js';

// A trích yếu is written in words; "/" and "-" belong in symbols and year spans (2013/QĐ-TTg, 2026-2030).
const SYMBOLS = /[&@#$%*+=<>|~^_\\{}[\]§•→]/gu;
const WORDS: Record<string, string> = { '&': 'và', '+': 'và', '%': 'phần trăm' };

export const titleSymbols: Rule = {
  id: 'title-symbols',
  severity: 'warning',
  description: 'Trích yếu viết bằng chữ, không dùng ký hiệu như &, +, #, @.',
  check(plan) {
    const title = text(at(plan, 'document', 'title'));
    if (title === undefined) return [];
    const found = [...new Set(title.match(SYMBOLS) ?? [])];
    if (found.length === 0) return [];
    const listed = found.map((s) => `«${s}»`).join(', ');
    const fixed = found
      .reduce((t, s) => (WORDS[s] === undefined ? t : t.split(s).join(WORDS[s])), title.trim())
      .replace(/\s{2,}/gu, ' ');
    const hint = found.every((s) => WORDS[s] !== undefined)
      ? `: hãy viết bằng chữ, \`title: ${fixed}\`.`
      : ': hãy viết bằng chữ, hoặc bỏ ký hiệu.';
    return [
      {
        path: ['document', 'title'],
        message: `Trích yếu có ký hiệu ${listed}, mà văn bản hành chính viết trích yếu bằng chữ${hint}`,
        ask: `Trích yếu có ký hiệu ${listed}: hãy viết bằng chữ${found.every((s) => WORDS[s] !== undefined) ? `, ví dụ: ${fixed}` : ', hoặc bỏ ký hiệu'}.`,
      },
    ];
  },
};
