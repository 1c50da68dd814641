import { describe, expect, it } from 'vitest';
import { foldTone } from '../src/text/fold.js';

describe('foldTone', () => {
  it.each([
    ['Văn Hoá', 'văn hóa'],
    ['Thuỷ lợi', 'thủy lợi'],
    ['HOÀ BÌNH', 'hòa bình'],
    ['khoả lấp, uỳ, luỹ, tuỵ, thoạ, thoã', 'khỏa lấp, ùy, lũy, tụy, thọa, thõa'],
    ['hóa thủy', 'hóa thủy'],
    ['Ho\u0061\u0301 (NFD)', 'hóa (nfd)'],
  ])('%s → %s', (text, folded) => {
    expect(foldTone(text)).toBe(folded);
  });

  it('folds both placements to one spelling', () => {
    expect(foldTone('Uỷ ban hoà')).toBe(foldTone('Ủy ban hòa'));
  });
});
