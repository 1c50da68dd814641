// The trích yếu is printed under the document type ("KẾ HOẠCH") and after it in the opening
// ("ban hành Kế hoạch …"), so a title that starts with the type would print it twice.
import { KIND_LABELS } from './labels.js';
import type { Kind } from './types.js';

const KINDS = Object.keys(KIND_LABELS) as Kind[];

/** The document type a title starts with ("Kế hoạch …", "CHƯƠNG TRÌNH: …"), if any. */
export function titleKind(title: string): Kind | undefined {
  const start = title.normalize('NFC').trimStart().toLocaleLowerCase('vi');
  return KINDS.find((kind) => {
    const name = KIND_LABELS[kind].name.toLocaleLowerCase('vi');
    // "Kế hoạch hóa …" (planning) is a verb, not the document type.
    return start.startsWith(name) && !/^(?:[\p{L}\p{N}]|\s+(?:hóa|hoá)(?!\p{L}))/u.test(start.slice(name.length));
  });
}

/**
 * The title without the plan's own document type in front, its first letter raised again:
 * "Kế hoạch triển khai …" → "Triển khai …". Left as is when nothing would remain.
 */
export function titleWithoutKind(title: string, kind: Kind): string {
  if (titleKind(title) !== kind) return title;
  const trimmed = title.normalize('NFC').trimStart();
  const rest = trimmed.slice(KIND_LABELS[kind].name.length).replace(/^[\s:,.–—-]+/u, '');
  if (!/[\p{L}\p{N}]/u.test(rest)) return title;
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}
