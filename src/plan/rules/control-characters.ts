import { codePointLabel, findControlCharacter } from '../../text/control.js';
import { texts } from './draft.js';
import type { Finding, Rule } from './rule.js';

export const controlCharacters: Rule = {
  id: 'control-characters',
  severity: 'error',
  description: 'Văn bản không chứa ký tự điều khiển (ký tự vô hình, thường lẫn vào khi sao chép).',
  check(plan) {
    const findings: Finding[] = [];
    for (const ref of texts(plan)) {
      const { text } = ref;
      const found = findControlCharacter(text);
      if (found === null) continue;
      const before = text.slice(Math.max(0, found.index - 20), found.index).trimStart();
      const where = before === '' ? 'ở đầu đoạn' : `sau «${before}»`;
      findings.push({
        path: ref.path,
        message: `Đoạn văn bản có ký tự điều khiển vô hình ${codePointLabel(found.char)} ${where} (thường lẫn vào khi sao chép từ tệp khác): hãy xóa ký tự đó, hoặc gõ lại đoạn này.`,
      });
    }
    return findings;
  },
};
