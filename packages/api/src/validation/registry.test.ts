import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../defaults/registry.js';
import { RESOURCES } from '../resources.js';
import { validateCreate, validateStatusUpdate, validateUpdate } from './registry.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());

describe('validation registry', () => {
  it('has an entry for every stored kind of the resource table, and Binding', () => {
    const unvalidated = RESOURCES.filter((r) => r.verbs.includes('get') || r.kind === 'Binding')
      .filter((r) => validateCreate(r.group, r.kind, {}).length === 0)
      .map((r) => r.kind);
    expect(unvalidated).toEqual([]);
  });

  it('dispatches create, update and status by group and kind', () => {
    const pod = { metadata: { name: 'web', namespace: 'default', resourceVersion: '1' }, spec: { containers: [{ name: 'a', image: 'a:1' }] } };
    applyDefaults('', 'Pod', pod);
    expect(strs(validateCreate('', 'Pod', pod))).toEqual([]);
    expect(strs(validateUpdate('', 'Pod', pod, pod))).toEqual([]);
    expect(strs(validateStatusUpdate('', 'Pod', pod, pod))).toEqual([]);
    expect(strs(validateCreate('apps', 'Deployment', { metadata: { name: 'd', namespace: 'default' } }))).toContain('spec.selector: Required value');
  });

  it('falls back to metadata rules for status and to nothing for unknown kinds', () => {
    const cm = { metadata: { name: 'c', namespace: 'default', uid: 'a', resourceVersion: '1' } };
    expect(strs(validateStatusUpdate('', 'ConfigMap', { metadata: { ...cm.metadata, uid: 'b' } }, cm))).toEqual([
      'metadata.uid: Invalid value: "b": field is immutable',
    ]);
    expect(validateCreate('authorization.k8s.io', 'SelfSubjectAccessReview', {})).toEqual([]);
  });
});
