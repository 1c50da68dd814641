import { describe, expect, it } from 'vitest';
import { normalizeDeep, normalizeFresh } from '../src/text/nfc.js';

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

describe('normalizeFresh', () => {
  const nfd = (s: string): string => s.normalize('NFD');
  const make = (): Record<string, unknown> => {
    const value: Record<string, unknown> = {
      a: nfd('Ủy ban'),
      [nfd('tên')]: 1,
      z: [nfd('Hòa bình'), { [nfd('khóa')]: nfd('giá trị'), b: 2 }],
    };
    Object.defineProperty(value, '__proto__', {
      value: { x: nfd('ở') },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return value;
  };

  it('gives what normalizeDeep gives, keys in the same order, __proto__ still data', () => {
    const expected = normalizeDeep(make());
    const out = normalizeFresh(make());
    expect(out).toStrictEqual(expected);
    expect(Object.keys(out)).toEqual(Object.keys(expected));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype).not.toHaveProperty('x');
  });

  it('changes a map in place when its keys are already NFC', () => {
    const value = { a: nfd('Ủy ban'), list: [nfd('ở')] };
    const out = normalizeFresh(value);
    expect(out).toBe(value);
    expect(value).toEqual({ a: 'Ủy ban', list: ['ở'] });
  });
});
