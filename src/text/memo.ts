// Plans repeat the same few thousand words and names: several text functions remember their answers.

/**
 * `compute` with its answers remembered by argument. Past `limit` entries everything is forgotten at
 * once, so that a hostile plan of endless distinct words cannot grow the memory.
 */
export function memoize<V>(compute: (key: string) => V, limit: number): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute(key);
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}
