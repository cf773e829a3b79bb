import type { Taint, Toleration } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { evictionDecision, minTolerationMs } from './toleration-time.js';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const NOW = 1_000_000;

describe('taint eviction decisions', () => {
  it('uses the smallest tolerationSeconds, forever without any', () => {
    expect(minTolerationMs([])).toBe(0);
    expect(minTolerationMs([{ operator: 'Exists', effect: 'NoExecute' }])).toBe(-1);
    expect(
      minTolerationMs([
        { key: 'a', tolerationSeconds: 300 },
        { key: 'b', tolerationSeconds: 10 },
      ]),
    ).toBe(10_000);
    expect(minTolerationMs([{ key: 'a', tolerationSeconds: -5 }])).toBe(0);
  });

  it('evicts at once a pod that does not tolerate the taint', () => {
    expect(evictionDecision([unreachable], [], NOW, undefined)).toEqual({
      action: 'evict',
      createdAt: NOW,
      fireAt: NOW,
    });
  });

  it('evicts after tolerationSeconds (the 300 s DefaultTolerationSeconds gives)', () => {
    const tolerations: Toleration[] = [
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ];
    expect(evictionDecision([unreachable], tolerations, NOW, undefined)).toEqual({
      action: 'evict',
      createdAt: NOW,
      fireAt: NOW + 300_000,
    });
    expect(evictionDecision([unreachable], tolerations, NOW + 5000, { createdAt: NOW })).toEqual({
      action: 'keep',
    });
  });

  it('never evicts static or mirror pods (Exists:NoExecute without seconds)', () => {
    expect(
      evictionDecision(
        [unreachable],
        [{ operator: 'Exists', effect: 'NoExecute' }],
        NOW,
        undefined,
      ),
    ).toEqual({ action: 'cancel' });
  });

  it('cancels when the taints are gone', () => {
    expect(evictionDecision([], [], NOW, { createdAt: NOW })).toEqual({ action: 'cancel' });
  });
});
