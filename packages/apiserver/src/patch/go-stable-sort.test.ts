import { describe, expect, it } from 'vitest';
import { sliceStable } from './go-stable-sort.js';

describe('sliceStable', () => {
  it('sorts and keeps equal elements in their original order', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ key: (i * 37) % 7, seq: i }));
    const expected = [...items].sort((x, y) => x.key - y.key);
    sliceStable(items, (x, y) => x.key < y.key);
    expect(items).toEqual(expected);
  });

  it('reverses a short list when less always answers true, as Go does', () => {
    const items = ['a', 'b', 'c', 'd'];
    sliceStable(items, () => true);
    expect(items).toEqual(['d', 'c', 'b', 'a']);
  });

  it('handles lists longer than one insertion-sort block', () => {
    const items = Array.from({ length: 45 }, (_, i) => 44 - i);
    sliceStable(items, (x, y) => x < y);
    expect(items).toEqual(Array.from({ length: 45 }, (_, i) => i));
  });

  it('leaves empty and single-element lists alone', () => {
    const empty: number[] = [];
    sliceStable(empty, () => true);
    const one = [1];
    sliceStable(one, () => true);
    expect([empty, one]).toEqual([[], [1]]);
  });
});
