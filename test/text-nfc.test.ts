import { describe, expect, it } from 'vitest';
import { normalizeDeep } from '../src/text/nfc.js';

describe('normalizeDeep', () => {
  it('puts every string, keys included, in NFC without touching the input', () => {
    const nfd = (s: string): string => s.normalize('NFD');
    const input = {
      [nfd('tên')]: nfd('Ủy ban nhân dân'),
      list: [nfd('Sở Ngoại vụ'), 5, null, true, { deep: [nfd('Hòa bình')] }],
    };
    const copy = JSON.parse(JSON.stringify(input)) as unknown;
    const out = normalizeDeep(input);
    expect(out).toEqual({ tên: 'Ủy ban nhân dân', list: ['Sở Ngoại vụ', 5, null, true, { deep: ['Hòa bình'] }] });
    expect(input).toEqual(copy);
    expect(Object.keys(out)[0]).toBe('tên'.normalize('NFC'));
  });

  it('keeps a __proto__ key as data', () => {
    const input = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": "b"}') as Record<string, unknown>;
    const out = normalizeDeep(input);
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
