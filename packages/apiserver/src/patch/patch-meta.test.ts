import { describe, expect, it } from 'vitest';
import {
  BUILTIN_PATCH_META,
  builtinPatchSchema,
  lookupPatchMeta,
  type PatchSchema,
} from './patch-meta.js';

/** Walks a dotted field path from a kind's root and returns the last field's metadata. */
function metaAt(kind: { group: string; version: string; kind: string }, path: string) {
  let schema = builtinPatchSchema(kind) as PatchSchema;
  let meta = {};
  for (const key of path.split('.')) {
    ({ meta, sub: schema } = lookupPatchMeta(schema, key));
  }
  return meta;
}

const POD = { group: '', version: 'v1', kind: 'Pod' };
const DEPLOY = { group: 'apps', version: 'v1', kind: 'Deployment' };

describe('builtin patch metadata (k8s.io/api struct tags)', () => {
  it.each([
    [POD, 'spec.containers', { strategy: 'merge', mergeKey: 'name', type: 'Container' }],
    [POD, 'spec.containers.ports', { strategy: 'merge', mergeKey: 'containerPort' }],
    [POD, 'spec.containers.env', { strategy: 'merge', mergeKey: 'name' }],
    [POD, 'spec.containers.volumeMounts', { strategy: 'merge', mergeKey: 'mountPath' }],
    [POD, 'spec.volumes', { strategy: 'merge', mergeKey: 'name', retainKeys: true }],
    [POD, 'spec.hostAliases', { strategy: 'merge', mergeKey: 'ip' }],
    [POD, 'spec.imagePullSecrets', { strategy: 'merge', mergeKey: 'name' }],
    [POD, 'spec.tolerations', {}],
    [POD, 'metadata.finalizers', { strategy: 'merge' }],
    [POD, 'metadata.ownerReferences', { strategy: 'merge', mergeKey: 'uid' }],
    [POD, 'status.conditions', { strategy: 'merge', mergeKey: 'type' }],
    [POD, 'status.podIPs', { strategy: 'merge', mergeKey: 'ip' }],
    [POD, 'status.containerStatuses', {}],
    [{ group: '', version: 'v1', kind: 'Node' }, 'spec.taints', {}],
    [{ group: '', version: 'v1', kind: 'Node' }, 'spec.podCIDRs', { strategy: 'merge' }],
    [
      { group: '', version: 'v1', kind: 'Node' },
      'status.addresses',
      { strategy: 'merge', mergeKey: 'type' },
    ],
    [
      { group: '', version: 'v1', kind: 'Service' },
      'spec.ports',
      { strategy: 'merge', mergeKey: 'port' },
    ],
    [
      { group: '', version: 'v1', kind: 'ServiceAccount' },
      'secrets',
      { strategy: 'merge', mergeKey: 'name' },
    ],
    [{ group: '', version: 'v1', kind: 'ServiceAccount' }, 'imagePullSecrets', {}],
    [
      DEPLOY,
      'spec.template.spec.initContainers',
      { strategy: 'merge', mergeKey: 'name', type: 'Container' },
    ],
    [DEPLOY, 'spec.template.metadata.finalizers', { strategy: 'merge' }],
    [DEPLOY, 'spec.strategy', { retainKeys: true }],
    [
      { group: 'apps', version: 'v1', kind: 'DaemonSet' },
      'spec.template.spec.containers.env',
      { strategy: 'merge', mergeKey: 'name' },
    ],
    [
      { group: 'batch', version: 'v1', kind: 'Job' },
      'status.conditions',
      { strategy: 'merge', mergeKey: 'type' },
    ],
    [
      { group: 'batch', version: 'v1', kind: 'CronJob' },
      'spec.jobTemplate.spec.template.spec.volumes',
      { strategy: 'merge', mergeKey: 'name', retainKeys: true },
    ],
    [
      { group: 'coordination.k8s.io', version: 'v1', kind: 'Lease' },
      'metadata.ownerReferences',
      { strategy: 'merge', mergeKey: 'uid' },
    ],
  ])('%j %s', (kind, path, meta) => {
    expect(metaAt(kind, path)).toEqual(meta);
  });

  it('knows every kind kubelab serves with patch', () => {
    const kinds = [
      'Pod',
      'Node',
      'Service',
      'ServiceAccount',
      'Namespace',
      'ConfigMap',
      'Secret',
      'Endpoints',
      'Event',
    ];
    for (const kind of kinds)
      expect(builtinPatchSchema({ group: '', version: 'v1', kind })).toBeDefined();
    expect(
      builtinPatchSchema({ group: 'example.com', version: 'v1', kind: 'Widget' }),
    ).toBeUndefined();
  });

  it('does not mistake Object.prototype names for fields', () => {
    const schema = { table: BUILTIN_PATCH_META, type: 'constructor' };
    expect(lookupPatchMeta(schema, 'toString').meta).toEqual({});
    expect(builtinPatchSchema({ group: '', version: 'v1', kind: 'constructor' })).toBeUndefined();
  });
});
