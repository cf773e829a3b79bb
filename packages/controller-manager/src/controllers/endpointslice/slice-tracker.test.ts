import type { EndpointSlice } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { SliceTracker } from './slice-tracker.js';

const slice = (name: string, resourceVersion: string): EndpointSlice => ({
  metadata: { name, resourceVersion },
  addressType: 'IPv4',
  endpoints: [],
});

describe('SliceTracker', () => {
  it('is stale until the cache shows what was written, then forgets', () => {
    const t = new SliceTracker();
    expect(t.stale('ns/web', [])).toBe(false);
    t.wrote('ns/web', slice('web-a', '12'));
    expect(t.stale('ns/web', [])).toBe(true);
    expect(t.stale('ns/web', [slice('web-a', '11')])).toBe(true);
    expect(t.stale('ns/web', [slice('web-a', '12')])).toBe(false);
    // Forgotten: an older view no longer counts.
    expect(t.stale('ns/web', [slice('web-a', '11')])).toBe(false);
  });

  it('waits for a deleted slice to leave the cache, or for its delete event', () => {
    const t = new SliceTracker();
    t.deleted('ns/web', 'web-a');
    expect(t.stale('ns/web', [slice('web-a', '3')])).toBe(true);
    expect(t.stale('ns/web', [])).toBe(false);
    t.wrote('ns/web', slice('web-b', '4'));
    t.observedDelete('ns/web', 'web-b');
    expect(t.stale('ns/web', [])).toBe(false);
  });

  it('keeps services apart', () => {
    const t = new SliceTracker();
    t.wrote('ns/web', slice('web-a', '5'));
    expect(t.stale('ns/db', [])).toBe(false);
    expect(t.stale('ns/web', [])).toBe(true);
  });
});
