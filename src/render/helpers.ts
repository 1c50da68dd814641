// The only helpers a template may call besides Handlebars' if, unless, each, with and lookup.
// They receive and return text in the line markup's escaped form; none adds markup.

function text(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`hàm ${name} cần đúng một đoạn chữ, ví dụ {{${name} document.title}}`);
}

export const HELPERS = {
  /** Vietnamese upper case: đ → Đ, ủ → Ủ. */
  upper(value: unknown): string {
    return text('upper', value).toLocaleUpperCase('vi');
  },
  /** "Triển khai Chiến lược" → "triển khai Chiến lược", to run a title on inside a sentence; "UNESCO" stays. */
  lowerFirst(value: unknown): string {
    const s = text('lowerFirst', value);
    const [first, second] = Array.from(s);
    if (first === undefined) return s;
    const secondIsLower = second === undefined || second !== second.toLocaleUpperCase('vi');
    return secondIsLower ? first.toLocaleLowerCase('vi') + s.slice(first.length) : s;
  },
  /** Ends the text with a full stop unless it already ends with punctuation. */
  sentence(value: unknown): string {
    const s = text('sentence', value);
    return /[.;:!?…]\s*$/u.test(s) ? s : `${s}.`;
  },
} as const;

export const HELPER_NAMES = Object.keys(HELPERS);
