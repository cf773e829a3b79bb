import type { Deployment } from 'kubernetes-types/apps/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultDeployment } from '../defaults/deployment.js';
import { deploymentValidation } from './deployment.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
type Spec = NonNullable<Deployment['spec']>;

function deploy(mutate: (s: Spec, d: Deployment) => void = () => undefined): Deployment {
  const d: Deployment = {
    metadata: { name: 'web', namespace: 'default', uid: 'u', resourceVersion: '1' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
  };
  if (d.spec) mutate(d.spec, d);
  defaultDeployment(d);
  return d;
}

describe('deployment validation', () => {
  it('accepts a defaulted deployment', () => {
    expect(strs(deploymentValidation.create(deploy()))).toEqual([]);
  });

  it.each<[string, (s: Spec) => void, string[]]>([
    [
      'template labels not matching the selector',
      (s) => (s.template.metadata = { labels: { app: 'db' } }),
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`'],
    ],
    [
      'an empty selector',
      (s) => (s.selector = {}),
      ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    ],
    [
      'negative replicas',
      (s) => (s.replicas = -1),
      ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'restartPolicy Never',
      (s) => {
        if (s.template.spec) s.template.spec.restartPolicy = 'Never';
      },
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      'both maxUnavailable and maxSurge zero',
      (s) => (s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    ],
    [
      'maxUnavailable over 100%',
      (s) => (s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%' } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 110%: must not be greater than 100%'],
    ],
    [
      'a malformed percent',
      (s) => (s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'x%' } }),
      [
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: x%: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ],
    ],
    [
      'rollingUpdate with Recreate',
      (s) => (s.strategy = { type: 'Recreate', rollingUpdate: {} }),
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    [
      'an unknown strategy type',
      (s) => (s.strategy = { type: 'BlueGreen' }),
      ['spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
    ],
    [
      'progressDeadlineSeconds not above minReadySeconds',
      (s) => {
        s.minReadySeconds = 10;
        s.progressDeadlineSeconds = 10;
      },
      ['spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds'],
    ],
  ])('rejects %s', (_name, mutate, want) => {
    expect(strs(deploymentValidation.create(deploy(mutate)))).toEqual(want);
  });

  it('requires a selector', () => {
    const d = deploy((s) => delete (s as { selector?: unknown }).selector);
    expect(strs(deploymentValidation.create(d))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('keeps the selector immutable on update', () => {
    const n = deploy((s) => {
      s.selector = { matchLabels: { app: 'web', tier: 'fe' } };
      s.template.metadata = { labels: { app: 'web', tier: 'fe' } };
    });
    expect(strs(deploymentValidation.update(n, deploy()))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"fe"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('validates status counters', () => {
    const n = deploy();
    Object.assign(n, { status: { replicas: 1, readyReplicas: 2, availableReplicas: 1 } });
    expect(strs(deploymentValidation.status?.(n, deploy()) ?? [])).toEqual([
      'status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas',
    ]);
  });
});
