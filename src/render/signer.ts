// The signature block and the recipients list: fixed by Decree 30 (Appendix I, items on "quyền
// hạn, chức vụ của người ký" and "nơi nhận"), so they live in code rather than in templates.
import type { Signer } from '../plan/types.js';

export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/**
 * The signing authority's lines, upper case, one per line:
 * TM → `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH`;
 * KT, Q, TL, TUQ → [`TM. <body>`] / `KT. <head>` / `<title>`;
 * none → `<title>`.
 */
export function signerLines(signer: Signer): string[] {
  const lines: string[] = [];
  if (signer.capacity === 'TM') {
    lines.push(`TM. ${signer.body ?? ''}`);
  } else if (signer.capacity !== 'none') {
    if (signer.body !== undefined) lines.push(`TM. ${signer.body}`);
    lines.push(`${signer.capacity}. ${signer.head ?? ''}`);
  }
  lines.push(signer.title);
  return lines.map(upperVi);
}

/** `- Bộ Ngoại giao;` for each recipient, then `- Lưu: VT, KGVX.` */
export function recipientLines(recipients: readonly string[], archive: string): string[] {
  const lines = recipients.map((r) => (r.endsWith(';') ? `- ${r}` : `- ${r};`));
  lines.push(archive.endsWith('.') ? `- Lưu: ${archive}` : `- Lưu: ${archive}.`);
  return lines;
}
