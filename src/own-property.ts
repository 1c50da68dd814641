// Data from a user's file keeps every key as data: a YAML key `__proto__` set by assignment would
// replace the map's prototype instead (and drop the key), as both YAML parsers know to avoid.

/** Sets `key` on `map` as an own, enumerable data property, even when the key is `__proto__`. */
export function setOwn(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  } else map[key] = value;
}
