import { describe, expect, it } from 'vitest';
import { SortedKeys } from './sorted-keys.js';

describe('SortedKeys', () => {
  it('keeps keys ordered and answers prefix ranges', () => {
    const k = new SortedKeys(['/p/b/1', '/p/a/2']);
    k.insert('/p/ab/1');
    k.insert('/p/a/1');
    k.insert('/p/a/1');
    expect(k.size).toBe(4);
    expect(k.withPrefix('/p/a/')).toEqual(['/p/a/1', '/p/a/2']);
    expect(k.withPrefix('/p/')).toEqual(['/p/a/1', '/p/a/2', '/p/ab/1', '/p/b/1']);
    k.remove('/p/a/1');
    k.remove('/p/zzz');
    expect(k.has('/p/a/1')).toBe(false);
    expect(k.withPrefix('/p/a')).toEqual(['/p/a/2', '/p/ab/1']);
    expect(k.withPrefix('/q/')).toEqual([]);
  });
});
