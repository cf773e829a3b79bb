import type { Pod, Service } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { TriggerTimeTracker } from './trigger-time-tracker.js';

const service: Service = {
  metadata: { name: 'web', namespace: 'ns', creationTimestamp: '2026-01-01T00:00:00Z' },
};
const pod = (name: string, readyAt: string): Pod => ({
  metadata: { name },
  status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: readyAt }] },
});

describe('TriggerTimeTracker', () => {
  it('uses the service creation first, then the earliest changed pod trigger, else nothing', () => {
    const t = new TriggerTimeTracker();
    expect(t.compute('ns/web', service, [pod('a', '2026-01-01T00:00:05Z')])).toBe(
      '2026-01-01T00:00:00Z',
    );
    expect(t.compute('ns/web', service, [pod('a', '2026-01-01T00:00:05Z')])).toBeUndefined();
    const changed = [pod('a', '2026-01-01T00:00:09Z'), pod('b', '2026-01-01T00:00:07Z')];
    expect(t.compute('ns/web', service, changed)).toBe('2026-01-01T00:00:07Z');
    t.delete('ns/web');
    expect(t.compute('ns/web', service, changed)).toBe('2026-01-01T00:00:00Z');
  });
});
