import { describe, expect, it } from 'vitest';
import { aggregateMessage } from './volume-plugin.js';

describe('aggregateMessage', () => {
  it('formats as utilerrors.NewAggregate', () => {
    expect(aggregateMessage([])).toBe('');
    expect(aggregateMessage(['one'])).toBe('one');
    expect(aggregateMessage(['one', 'one'])).toBe('one');
    expect(aggregateMessage(['one', 'two', 'one'])).toBe('[one, two]');
  });
});
