import { ApiError } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { applyPatch } from './patch-object.js';

const POD = { group: '', version: 'v1', kind: 'Pod' };
const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { containers: [{ name: 'a', image: 'nginx' }] },
});

describe('applyPatch', () => {
  it.each([
    ['json', [{ op: 'replace', path: '/spec/containers/0/image', value: 'nginx:2' }]],
    ['merge', { spec: { containers: [{ name: 'a', image: 'nginx:2' }] } }],
    ['strategic', { spec: { containers: [{ name: 'a', image: 'nginx:2' }] } }],
  ] as const)('applies a %s patch to a copy', (type, body) => {
    const original = pod();
    const out = applyPatch(type, original, body, POD);
    expect(out).toEqual({ ...pod(), spec: { containers: [{ name: 'a', image: 'nginx:2' }] } });
    expect(original).toEqual(pod());
  });

  it('strategic keeps list elements a merge patch would drop', () => {
    const body = { spec: { containers: [{ name: 'b', image: 'redis' }] } };
    const containers = (o: object) => (o as { spec: { containers: unknown[] } }).spec.containers;
    expect(containers(applyPatch('strategic', pod(), body, POD))).toHaveLength(2);
    expect(containers(applyPatch('merge', pod(), body, POD))).toHaveLength(1);
  });

  it.each([
    ['merge', [{ a: 1 }], 'json: cannot unmarshal array into Go value of type struct'],
    [
      'json',
      [{ op: 'replace', path: '', value: [1] }],
      'json: cannot unmarshal array into Go value of type struct',
    ],
  ] as const)('a %s patch producing a non-object → 422 Invalid', (type, body, fragment) => {
    let err: unknown;
    try {
      applyPatch(type, pod(), body, POD);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    const apiErr = err as ApiError;
    expect([apiErr.code, apiErr.reason]).toEqual([422, 'Invalid']);
    expect(apiErr.message).toMatch(
      /^ "" is invalid: patch: Invalid value: "\[.*\]": couldn't get version\/kind; json parse error: /,
    );
    expect(apiErr.message).toContain(fragment);
  });

  it.each([
    ['merge', { metadata: { labels: { app: null } } }],
    ['strategic', { metadata: { labels: { app: null } } }],
    ['json', [{ op: 'remove', path: '/metadata/labels/app' }]],
  ] as const)('a %s patch removing the last label leaves no labels map (Go omitempty)', (type, body) => {
    const out = applyPatch(type, pod(), body, POD) as { metadata: Record<string, unknown> };
    expect(out.metadata).toEqual({ name: 'web' });
  });

  it('drops empty annotations, finalizers and ownerReferences, keeps non-empty ones', () => {
    const original = { ...pod(), metadata: { name: 'web', annotations: { a: 'b' }, finalizers: ['f'], ownerReferences: [] } };
    const body = { metadata: { annotations: { a: null }, finalizers: [] } };
    const out = applyPatch('merge', original, body, POD) as { metadata: Record<string, unknown> };
    expect(out.metadata).toEqual({ name: 'web' });
    const kept = applyPatch('merge', pod(), { metadata: { finalizers: ['f'] } }, POD) as { metadata: Record<string, unknown> };
    expect(kept.metadata).toEqual({ name: 'web', labels: { app: 'web' }, finalizers: ['f'] });
  });
});
