import { describe, expect, it } from 'vitest';
import { defaultResourceList } from './resource-list.js';

describe('defaultResourceList', () => {
  it('rounds up to milli units, canonicalises, and leaves invalid values', () => {
    const list: Record<string, unknown> = { cpu: '0.0001', memory: '1024Mi', gpu: 2, bad: 'x1' };
    defaultResourceList(list);
    expect(list).toEqual({ cpu: '1m', memory: '1Gi', gpu: '2', bad: 'x1' });
  });
});
