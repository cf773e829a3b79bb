import type { Container, Pod, PodSpec } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultPod } from '../defaults/pod.js';
import { validatePodUpdate } from './pod-update.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const sp = (p: Pod): PodSpec => (p.spec ??= { containers: [] });
const md = (p: Pod): ObjectMeta => (p.metadata ??= {});
function c0(p: Pod): Container {
  const c = sp(p).containers[0];
  if (!c) throw new Error('pod has no container');
  return c;
}

const PREFIX =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n';

function pod(mutate: (p: Pod) => void = () => undefined): Pod {
  const p: Pod = {
    metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '7' },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], nodeName: 'n1' },
  };
  defaultPod(p);
  mutate(p);
  return p;
}

describe('validatePodUpdate', () => {
  it('allows changing a container image and adding labels', () => {
    const n = pod((p) => {
      c0(p).image = 'nginx:1.28';
      md(p).labels = { a: 'b' };
    });
    expect(strs(validatePodUpdate(n, pod()))).toEqual([]);
  });

  it('forbids other spec changes with the upstream message and a diff', () => {
    const errs = strs(validatePodUpdate(pod((p) => (sp(p).restartPolicy = 'Never')), pod()));
    expect(errs).toHaveLength(1);
    expect(errs[0]?.startsWith(PREFIX)).toBe(true);
    expect(errs[0]).toContain('- \tRestartPolicy: "Always",');
    expect(errs[0]).toContain('+ \tRestartPolicy: "Never",');
  });

  it.each<[string, (p: Pod) => void, string[]]>([
    ['a new uid', (p) => Object.assign(md(p), { uid: 'u2' }), ['metadata.uid: Invalid value: "u2": field is immutable']],
    ['a new name', (p) => (md(p).name = 'db'), ['metadata.name: Invalid value: "db": field is immutable']],
    [
      'an added container',
      (p) => sp(p).containers.push({ name: 'b', image: 'b', terminationMessagePolicy: 'File', imagePullPolicy: 'Always' }),
      ['spec.containers: Forbidden: pod updates may not add or remove containers'],
    ],
    [
      'adding the mirror annotation',
      (p) => (md(p).annotations = { 'kubernetes.io/config.mirror': 'h' }),
      ['metadata.annotations[kubernetes.io/config.mirror]: Forbidden: may not add mirror pod annotation'],
    ],
    ['an emptied image', (p) => (c0(p).image = ''), ['spec.containers[0].image: Required value', 'spec.containers[0].image: Required value']],
    [
      'raising activeDeadlineSeconds',
      (p) => (sp(p).activeDeadlineSeconds = 20),
      [], // from nil to a value is allowed
    ],
  ])('%s', (_name, mutate, want) => {
    expect(strs(validatePodUpdate(pod(mutate), pod()))).toEqual(want);
  });

  it('rejects removing or changing the mirror annotation', () => {
    const old = pod((p) => (md(p).annotations = { 'kubernetes.io/config.mirror': 'h' }));
    expect(strs(validatePodUpdate(pod(), old))).toEqual([
      'metadata.annotations[kubernetes.io/config.mirror]: Forbidden: may not remove or update mirror pod annotation',
    ]);
  });

  it('only lets activeDeadlineSeconds decrease', () => {
    const old = pod((p) => (sp(p).activeDeadlineSeconds = 10));
    expect(strs(validatePodUpdate(pod((p) => (sp(p).activeDeadlineSeconds = 5)), old))).toEqual([]);
    expect(strs(validatePodUpdate(pod((p) => (sp(p).activeDeadlineSeconds = 20)), old))).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: 20: must be less than or equal to previous value',
    ]);
    expect(strs(validatePodUpdate(pod(), old))).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value',
    ]);
  });

  it('allows adding tolerations but not modifying existing ones', () => {
    const t = { key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 };
    const old = pod((p) => (sp(p).tolerations = [t]));
    const added = pod((p) => (sp(p).tolerations = [{ ...t, tolerationSeconds: 10 }, { key: 'x', operator: 'Exists' }]));
    expect(strs(validatePodUpdate(added, old))).toEqual([]);
    const changed = pod((p) => (sp(p).tolerations = [{ ...t, key: 'other' }]));
    expect(strs(validatePodUpdate(changed, old))).toEqual([
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ]);
  });

  it('allows a negative grace period to become 1', () => {
    const old = pod((p) => (sp(p).terminationGracePeriodSeconds = -1));
    expect(strs(validatePodUpdate(pod((p) => (sp(p).terminationGracePeriodSeconds = 1)), old))).toEqual([]);
  });

  it('requires a resourceVersion', () => {
    expect(strs(validatePodUpdate(pod((p) => Object.assign(md(p), { resourceVersion: undefined })), pod()))).toEqual([
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
    ]);
  });
});
