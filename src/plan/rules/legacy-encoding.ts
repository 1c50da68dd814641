import { detectLegacy } from '../../text/legacy.js';
import { texts } from './draft.js';
import type { Finding, Rule } from './rule.js';

const NAMES = { TCVN3: 'TCVN3 (ABC, phông .VnTime)', VNI: 'VNI (phông VNI-Times)' } as const;

export const legacyEncoding: Rule = {
  id: 'legacy-encoding',
  severity: 'error',
  description: 'Văn bản phải là tiếng Việt Unicode, không phải chữ gõ bằng bảng mã cũ TCVN3 (ABC) hay VNI.',
  check(plan) {
    const findings: Finding[] = [];
    for (const ref of texts(plan)) {
      const { text } = ref;
      const found = detectLegacy(text);
      if (found === null) continue;
      findings.push({
        path: ref.path,
        message: `Đoạn văn bản này có vẻ gõ bằng bảng mã cũ ${NAMES[found.encoding]}: «${found.sample.written}» đọc đúng là «${found.sample.decoded}». Hãy chuyển đoạn này sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey, từ ${found.encoding} sang Unicode) rồi dán lại.`,
      });
    }
    return findings;
  },
};
