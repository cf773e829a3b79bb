/** Merge keys and strategies of the built-in kinds, and kind/body handling. */
import { ApiError } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import type { JsonMap } from './json-value.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';

const POD = { group: '', version: 'v1', kind: 'Pod' };

const get = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], o);

const livePod = (): JsonMap => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', uid: 'u-1' },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
});

describe('built-in merge keys', () => {
  const spec = (extra: JsonMap): JsonMap => ({
    apiVersion: 'v1',
    kind: 'X',
    metadata: { name: 'x' },
    spec: extra,
  });
  it.each<[string, { group: string; version: string; kind: string }, JsonMap, JsonMap, unknown]>([
    [
      'Service ports merge by port',
      { group: '', version: 'v1', kind: 'Service' },
      spec({ ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] }),
      { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
      [{ port: 80, targetPort: 9090 }, { port: 443 }],
    ],
    [
      'hostAliases merge by ip',
      POD,
      spec({ hostAliases: [{ ip: '1.1.1.1', hostnames: ['a'] }] }),
      { spec: { hostAliases: [{ ip: '2.2.2.2', hostnames: ['b'] }] } },
      [
        { ip: '2.2.2.2', hostnames: ['b'] },
        { ip: '1.1.1.1', hostnames: ['a'] },
      ],
    ],
    [
      'imagePullSecrets merge by name',
      POD,
      spec({ imagePullSecrets: [{ name: 'a' }] }),
      { spec: { imagePullSecrets: [{ name: 'b' }] } },
      [{ name: 'b' }, { name: 'a' }],
    ],
    [
      'volumeMounts merge by mountPath',
      POD,
      spec({ containers: [{ name: 'c', volumeMounts: [{ name: 'v', mountPath: '/a' }] }] }),
      {
        spec: {
          containers: [
            { name: 'c', volumeMounts: [{ name: 'w', mountPath: '/a', readOnly: true }] },
          ],
        },
      },
      [{ name: 'c', volumeMounts: [{ name: 'w', mountPath: '/a', readOnly: true }] }],
    ],
    [
      'initContainers merge by name',
      POD,
      spec({ initContainers: [{ name: 'i', image: 'a' }] }),
      { spec: { initContainers: [{ name: 'i', image: 'b' }] } },
      [{ name: 'i', image: 'b' }],
    ],
  ])('%s', (_name, gvk, original, patch, expected) => {
    const out = applyStrategicMergePatch(original, patch, gvk);
    const field = Object.keys(patch['spec'] as JsonMap)[0] as string;
    expect(get(out, 'spec', field)).toEqual(expected);
  });

  it('ServiceAccount secrets merge by name, imagePullSecrets are replaced', () => {
    const sa = {
      metadata: { name: 'default' },
      secrets: [{ name: 'a' }],
      imagePullSecrets: [{ name: 'x' }],
    };
    const out = applyStrategicMergePatch(
      sa,
      { secrets: [{ name: 'b' }], imagePullSecrets: [{ name: 'y' }] },
      { group: '', version: 'v1', kind: 'ServiceAccount' },
    );
    expect([out['secrets'], out['imagePullSecrets']]).toEqual([
      [{ name: 'b' }, { name: 'a' }],
      [{ name: 'y' }],
    ]);
  });

  it('ownerReferences merge by uid', () => {
    const cm = {
      metadata: { name: 'c', ownerReferences: [{ uid: '1', name: 'a' }] },
      data: { k: 'v' },
    };
    const out = applyStrategicMergePatch(
      cm,
      { metadata: { ownerReferences: [{ uid: '2', name: 'b' }] } },
      { group: '', version: 'v1', kind: 'ConfigMap' },
    );
    expect(get(out, 'metadata', 'ownerReferences')).toEqual([
      { uid: '2', name: 'b' },
      { uid: '1', name: 'a' },
    ]);
  });

  it('CronJob job template containers merge by name', () => {
    const cj = {
      metadata: { name: 'cj' },
      spec: {
        schedule: '* * * * *',
        jobTemplate: {
          spec: {
            template: {
              spec: {
                containers: [
                  { name: 'c', image: 'a' },
                  { name: 'd', image: 'x' },
                ],
              },
            },
          },
        },
      },
    };
    const patch = {
      spec: {
        jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'b' }] } } } },
      },
    };
    const out = applyStrategicMergePatch(cj, patch, {
      group: 'batch',
      version: 'v1',
      kind: 'CronJob',
    });
    expect(get(out, 'spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers')).toEqual([
      { name: 'c', image: 'b' },
      { name: 'd', image: 'x' },
    ]);
  });
});

describe('applyStrategicMergePatch: kinds and bodies', () => {
  it('merges kinds without a table entry as ObjectMeta plus untagged fields', () => {
    const obj = { metadata: { name: 'x', finalizers: ['a'] }, spec: { list: [1, 2] } };
    const out = applyStrategicMergePatch(
      obj,
      { metadata: { finalizers: ['b'] }, spec: { list: [3] } },
      { group: 'example.com', version: 'v1', kind: 'Widget' },
    );
    expect(out).toEqual({ metadata: { name: 'x', finalizers: ['b', 'a'] }, spec: { list: [3] } });
  });

  it.each<[string, JsonMap, unknown, number, string]>([
    [
      'an unknown kind without metadata',
      { spec: {} },
      {},
      400,
      'strategic merge patch format is not supported',
    ],
    [
      'a non-object body',
      { metadata: {} },
      [1],
      400,
      'json: cannot unmarshal array into Go value of type map[string]interface {}',
    ],
  ])('refuses %s', (_name, original, body, code, message) => {
    let err: unknown;
    try {
      applyStrategicMergePatch(original, body, {
        group: 'example.com',
        version: 'v1',
        kind: 'Widget',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect([(err as ApiError).code, (err as ApiError).message]).toEqual([code, message]);
  });

  it('a null body changes nothing', () => {
    expect(applyStrategicMergePatch(livePod(), null, POD)).toEqual(livePod());
  });
});
