import type { Pod } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { annotationsEqual, checkAndUpdatePod, podsDifferSemantically } from './pod-diff.js';

const base = (): Pod => ({
  metadata: {
    uid: 'u',
    name: 'p',
    namespace: 'default',
    resourceVersion: '5',
    annotations: { 'kubernetes.io/config.seen': 'then', 'kubernetes.io/config.source': 'api' },
  },
  spec: { containers: [{ name: 'c', image: 'busybox' }] },
  status: { phase: 'Pending' },
});

describe('annotationsEqual', () => {
  it('ignores the local annotations on either side, nothing else', () => {
    expect(annotationsEqual({ a: '1', 'kubernetes.io/config.source': 'file' }, { a: '1' })).toBe(
      true,
    );
    expect(annotationsEqual({ a: '1' }, { a: '1', 'kubernetes.io/config.mirror': 'h' })).toBe(true);
    expect(annotationsEqual({ a: '1' }, { a: '2' })).toBe(false);
    expect(annotationsEqual({ a: '1' }, {})).toBe(false);
    expect(annotationsEqual(undefined, {})).toBe(true);
  });
});

describe('podsDifferSemantically', () => {
  it('does not look at the status or the resourceVersion', () => {
    const b = base();
    b.status = { phase: 'Running' };
    b.metadata = { ...b.metadata, resourceVersion: '9' };
    expect(podsDifferSemantically(base(), b)).toBe(false);
  });

  it('sees the deletion grace period', () => {
    const b = base();
    b.metadata = { ...b.metadata, deletionGracePeriodSeconds: 0 };
    expect(podsDifferSemantically(base(), { ...base(), metadata: b.metadata })).toBe(false);
    b.metadata.deletionGracePeriodSeconds = 30;
    expect(podsDifferSemantically(base(), b)).toBe(true);
  });
});

describe('checkAndUpdatePod', () => {
  it('keeps the existing local annotations and first-seen time on an update', () => {
    const existing = base();
    const ref = base();
    ref.metadata = { ...ref.metadata, annotations: { x: 'y', 'kubernetes.io/config.seen': 'now' } };
    expect(checkAndUpdatePod(existing, ref)).toBe('update');
    expect(existing.metadata?.annotations).toEqual({
      x: 'y',
      'kubernetes.io/config.seen': 'then',
      'kubernetes.io/config.source': 'api',
    });
    expect(existing.metadata?.resourceVersion).toBe('5');
  });

  it('says none when nothing changed and copies a changed status on reconcile', () => {
    const existing = base();
    expect(checkAndUpdatePod(existing, base())).toBe('none');
    const ref = base();
    ref.status = { phase: 'Running' };
    expect(checkAndUpdatePod(existing, ref)).toBe('reconcile');
    expect(existing.status?.phase).toBe('Running');
  });
});
