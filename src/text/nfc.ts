// Plan text is stored and compared in NFC whatever form it arrived in (macOS and copy-paste
// often deliver NFD).
import { setOwn } from '../own-property.js';

/** NFC every string in a JSON-like value, keys included. Returns a new value; input is untouched. */
export function normalizeDeep<T>(value: T): T {
  return normalizeValue(value) as T;
}

function normalizeValue(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    const from = value as Record<string, unknown>;
    // Object.keys, not Object.entries: no pair array per key, which halves the time on a map of
    // 200,000 keys.
    for (const key of Object.keys(from)) {
      const item = from[key];
      setOwn(out, key.normalize('NFC'), normalizeValue(item));
    }
    return out;
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * normalizeDeep for a value the caller has just made and nobody else holds (a parser's output):
 * strings are replaced where they stand, and a map is copied only when one of its keys changes.
 * On a file of 200,000 keys this takes half the time of building every map again.
 */
export function normalizeFresh<T>(value: T): T {
  return normalizeInPlace(value) as T;
}

function normalizeInPlace(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normalizeInPlace(value[i]);
    return value;
  }
  if (!isPlainObject(value)) return value;
  const map = value as Record<string, unknown>;
  const keys = Object.keys(map);
  // A renamed key would move to the end of the map: build this one again, in order.
  if (keys.some((key) => key.normalize('NFC') !== key)) return normalizeValue(map);
  for (const key of keys) {
    const item = map[key];
    // An own `__proto__` key is a data property here, so this assignment cannot reach the prototype.
    if (typeof item === 'string' || (item !== null && typeof item === 'object')) map[key] = normalizeInPlace(item);
  }
  return map;
}
