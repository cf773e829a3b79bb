import { describe, expect, it } from 'vitest';
import { StreamPairs, streamRequestId } from './stream-pairs.js';

describe('streamRequestId', () => {
  it('uses the requestID header, else pairs error N with data N+2', () => {
    expect(streamRequestId('7', 'data', 3)).toBe('7');
    expect(streamRequestId(undefined, 'error', 5)).toBe('5');
    expect(streamRequestId(undefined, 'data', 7)).toBe('5');
  });
});

describe('StreamPairs', () => {
  it('completes a pair with one error and one data stream, in either order', () => {
    const pairs = new StreamPairs<string>();
    expect(pairs.add('0', 'data', 'd0')).toMatchObject({ created: true, complete: false });
    expect(pairs.add('1', 'error', 'e1')).toMatchObject({ created: true, complete: false });
    expect(pairs.add('0', 'error', 'e0')).toEqual({ pair: { requestId: '0', data: 'd0', error: 'e0' }, created: false, complete: true });
    expect(pairs.size).toBe(2);
    pairs.remove('0');
    expect(pairs.has('0')).toBe(false);
    expect(pairs.has('1')).toBe(true);
  });

  it('refuses a second stream of the same type', () => {
    const pairs = new StreamPairs<string>();
    pairs.add('0', 'error', 'e0');
    expect(pairs.add('0', 'error', 'again')).toEqual({ pair: { requestId: '0', error: 'e0' }, created: false, error: 'error stream already assigned' });
  });
});
