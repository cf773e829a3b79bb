import type { DaemonSet } from 'kubernetes-types/apps/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultDaemonSet } from '../defaults/daemonset.js';
import { daemonSetValidation } from './daemonset.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
type Spec = NonNullable<DaemonSet['spec']>;

function ds(mutate: (s: Spec) => void = () => undefined): DaemonSet {
  const d: DaemonSet = {
    metadata: { name: 'agent', namespace: 'kube-system', resourceVersion: '1' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'a:1' }] } },
    },
  };
  if (d.spec) mutate(d.spec);
  defaultDaemonSet(d);
  return d;
}

describe('daemonset validation', () => {
  it('accepts a defaulted daemonset', () => {
    expect(strs(daemonSetValidation.create(ds()))).toEqual([]);
  });

  it.each<[string, (s: Spec) => void, string[]]>([
    [
      'a selector mismatch',
      (s) => (s.template.metadata = { labels: { app: 'x' } }),
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`'],
    ],
    [
      'both maxUnavailable and maxSurge',
      (s) => (s.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } }),
      ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero'],
    ],
    [
      'neither maxUnavailable nor maxSurge',
      (s) => (s.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } }),
      ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'],
    ],
    [
      'an unknown strategy',
      (s) => (s.updateStrategy = { type: 'Sometimes' }),
      ['spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Sometimes", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"'],
    ],
    [
      'activeDeadlineSeconds in the template',
      (s) => {
        if (s.template.spec) s.template.spec.activeDeadlineSeconds = 5;
      },
      ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported'],
    ],
  ])('rejects %s', (_name, mutate, want) => {
    expect(strs(daemonSetValidation.create(ds(mutate)))).toEqual(want);
  });
});
