import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.js';

describe('RingBuffer', () => {
  it('keeps the newest capacity elements and returns the evicted one', () => {
    const r = new RingBuffer<number>(3);
    expect([r.push(1), r.push(2), r.push(3)]).toEqual([undefined, undefined, undefined]);
    expect(r.push(4)).toBe(1);
    expect(r.push(5)).toBe(2);
    expect(r.slice()).toEqual([3, 4, 5]);
    expect(r.slice(1)).toEqual([4, 5]);
    expect(r.at(0)).toBe(3);
    expect(() => r.at(3)).toThrow(RangeError);
  });

  it('binary-searches a monotone predicate', () => {
    const r = new RingBuffer<number>(4);
    for (const n of [10, 20, 30, 40, 50, 60]) r.push(n);
    expect(r.findFirst((n) => n > 35)).toBe(1);
    expect(r.findFirst((n) => n > 5)).toBe(0);
    expect(r.findFirst((n) => n > 60)).toBe(4);
  });

  it('evicts immediately at capacity 0', () => {
    const r = new RingBuffer<string>(0);
    expect(r.push('a')).toBe('a');
    expect(r.length).toBe(0);
  });
});
