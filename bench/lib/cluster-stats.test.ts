import { describe, expect, it } from 'vitest';
import { builtImages, lineTime, median, percentile, phaseSpans } from './cluster-stats.js';

describe('percentile', () => {
  it('interpolates between order statistics', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5], 90)).toBeCloseTo(4.6);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is NaN without values', () => {
    expect(percentile([], 90)).toBeNaN();
  });
});

describe('phaseSpans', () => {
  const lines = [
    { ms: 200, text: 'Creating cluster "x" ...' },
    { ms: 210, text: '[init] Using Kubernetes version: v1.32.0' },
    { ms: 215, text: '[preflight] Running pre-flight checks' },
    { ms: 400, text: '[certs] Using certificateDir folder "/etc/kubernetes/pki"' },
    { ms: 420, text: '[certs] Generating "ca" certificate and key' },
    { ms: 500, text: '[kubeconfig] Using kubeconfig folder "/etc/kubernetes"' },
    { ms: 900, text: '[wait] Waiting ≤ 3m0s' },
    { ms: 1500, text: 'Your Kubernetes control-plane has initialized successfully!' },
  ];

  it('runs each phase from its first line to the next phase', () => {
    expect(phaseSpans(lines, 1600)).toEqual([
      { phase: 'process start', startMs: 0, durationMs: 200 },
      { phase: 'preflight', startMs: 200, durationMs: 200 },
      { phase: 'certs', startMs: 400, durationMs: 100 },
      { phase: 'kubeconfig', startMs: 500, durationMs: 400 },
      { phase: 'wait', startMs: 900, durationMs: 600 },
      { phase: 'kubeconfig export', startMs: 1500, durationMs: 100 },
    ]);
  });

  it('finds the images the CLI built and the time of a line', () => {
    expect(
      builtImages([{ ms: 1, text: '[preflight] Building image "kubelab/node:v0.1.0"' }, ...lines]),
    ).toEqual(['kubelab/node:v0.1.0']);
    expect(lineTime(lines, '[certs] ', '"ca"')).toBe(420);
    expect(lineTime(lines, '[etcd] ')).toBeUndefined();
  });
});
