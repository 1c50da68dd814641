import { codePointLabel, findInvalidCharacter } from '../../text/control.js';
import { texts } from './draft.js';
import type { Finding, Rule } from './rule.js';

// `codePointLabel` of a lone surrogate names the surrogate itself: U+D800.
export const unicodeInvalid: Rule = {
  id: 'unicode-invalid',
  severity: 'error',
  description:
    'Văn bản không chứa ký tự Unicode không hợp lệ (nửa cặp thay thế, ký tự phi chuẩn như U+FFFE): Word không chứa được chúng.',
  check(plan) {
    const findings: Finding[] = [];
    for (const ref of texts(plan)) {
      const found = findInvalidCharacter(ref.text);
      if (found === null) continue;
      const before = ref.text.slice(Math.max(0, found.index - 20), found.index).trimStart();
      const where = before === '' ? 'ở đầu đoạn' : `sau «${before}»`;
      findings.push({
        path: ref.path,
        message: `Đoạn văn bản có ký tự ${codePointLabel(found.char)} ${where}, không phải một ký tự Unicode hợp lệ (thường do mã thoát \`\\u…\` viết sai trong ngoặc kép) và sẽ mất khi dựng văn bản: hãy xóa mã thoát đó, hoặc gõ thẳng ký tự cần dùng.`,
      });
    }
    return findings;
  },
};
