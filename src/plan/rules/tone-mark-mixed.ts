import { type ToneStyle, findToneStyles, toNewStyle, toOldStyle } from '../../text/tone.js';
import { type TextRef, texts } from './draft.js';
import type { Finding, Rule } from './rule.js';

const STYLE_NAMES: Record<ToneStyle, string> = {
  old: 'kiểu cũ, dấu trên nguyên âm đầu',
  new: 'kiểu mới, dấu trên nguyên âm sau',
};

interface Seen {
  word: string;
  ref: TextRef;
}

export const toneMarkMixed: Rule = {
  id: 'tone-mark-mixed',
  severity: 'warning',
  description: 'Một văn bản dùng thống nhất một kiểu đặt dấu thanh (hòa hoặc hoà, thủy hoặc thuỷ), không trộn cả hai.',
  check(plan) {
    const counts: Record<ToneStyle, number> = { old: 0, new: 0 };
    // First occurrence of each spelling (lower case), per style.
    const first: Record<ToneStyle, Map<string, Seen>> = { old: new Map(), new: new Map() };
    for (const ref of texts(plan)) {
      const { text } = ref;
      for (const { word, style } of findToneStyles(text)) {
        counts[style]++;
        const key = word.toLowerCase();
        if (!first[style].has(key)) first[style].set(key, { word, ref });
      }
    }
    if (counts.old === 0 || counts.new === 0) return [];
    // A tie goes to the old placement: Decree 30 and the Strategy write hòa, Ủy ban.
    const major: ToneStyle = counts.new > counts.old ? 'new' : 'old';
    const minor: ToneStyle = major === 'old' ? 'new' : 'old';
    const majorExample = first[major].values().next().value as Seen;
    const convert = major === 'old' ? toOldStyle : toNewStyle;
    const findings: Finding[] = [];
    for (const { word, ref } of first[minor].values()) {
      const fixed = convert(word);
      const same = first[major].get(fixed.toLowerCase());
      const contrast = same === undefined ? `như «${majorExample.word}»` : `chính tệp này cũng viết «${same.word}»`;
      findings.push({
        path: ref.path,
        message: `«${word}» đặt dấu thanh ${STYLE_NAMES[minor]}, còn phần lớn tệp đặt ${STYLE_NAMES[major]} (${contrast}): hãy viết «${fixed}» để cả văn bản dùng một kiểu.`,
      });
    }
    return findings;
  },
};
