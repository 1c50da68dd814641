// Plan text is stored and compared in NFC whatever form it arrived in (macOS and copy-paste
// often deliver NFD).

/** NFC every string in a JSON-like value, keys included. Returns a new value; input is untouched. */
export function normalizeDeep<T>(value: T): T {
  return normalizeValue(value) as T;
}

function normalizeValue(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const k = key.normalize('NFC');
      // A YAML key `__proto__` must stay data, never become the prototype.
      if (k === '__proto__') {
        Object.defineProperty(out, k, {
          value: normalizeValue(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        out[k] = normalizeValue(item);
      }
    }
    return out;
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
