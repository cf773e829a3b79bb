import { createHash } from 'node:crypto';
import { RESOURCES } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { openApiV3Document, openApiV3Root } from './openapi-v3.js';

interface Operation {
  operationId: string;
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  'x-kubernetes-action': string;
  'x-kubernetes-group-version-kind': { group: string; version: string; kind: string };
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { 'x-kubernetes-group-version-kind'?: unknown[] }> };
}

function doc(path: string): Doc {
  const d = openApiV3Document(path);
  if (!d) throw new Error(`no document ${path}`);
  return JSON.parse(d.body) as Doc;
}

function operations(d: Doc): Operation[] {
  return Object.values(d.paths).flatMap((item) =>
    Object.entries(item)
      .filter(([method]) => method !== 'parameters')
      .map(([, op]) => op),
  );
}

describe('OpenAPI v3', () => {
  const root = openApiV3Root() as { paths: Record<string, { serverRelativeURL: string }> };

  it('lists every group version with a content hash of its document', () => {
    expect(Object.keys(root.paths)).toEqual([
      'api/v1',
      'apis/apps/v1',
      'apis/authentication.k8s.io/v1',
      'apis/authorization.k8s.io/v1',
      'apis/batch/v1',
      'apis/coordination.k8s.io/v1',
      'apis/discovery.k8s.io/v1',
    ]);
    for (const [key, { serverRelativeURL }] of Object.entries(root.paths)) {
      const d = openApiV3Document(key);
      const hash = createHash('sha512')
        .update(d?.body ?? '')
        .digest('hex')
        .toUpperCase();
      expect(d?.hash).toBe(hash);
      expect(serverRelativeURL).toBe(`/openapi/v3/${key}?hash=${hash}`);
    }
    expect(openApiV3Document('/api/v1/')).toBe(openApiV3Document('api/v1'));
    expect(openApiV3Document('apis/apps/v2')).toBeUndefined();
  });

  it('declares fieldValidation on every write of every kind, and no PATCH request body', () => {
    for (const info of RESOURCES) {
      const d = doc(info.group ? `apis/${info.group}/${info.version}` : `api/${info.version}`);
      const gvk = { group: info.group, version: info.version, kind: info.kind };
      const writes = operations(d).filter(
        (op) =>
          ['post', 'put', 'patch'].includes(op['x-kubernetes-action']) &&
          op['x-kubernetes-group-version-kind'].kind === info.kind,
      );
      expect(writes.length, info.kind).toBeGreaterThan(0);
      for (const op of writes) {
        expect(op['x-kubernetes-group-version-kind']).toEqual(gvk);
        expect(
          op.parameters?.some((p) => p.name === 'fieldValidation' && p.in === 'query'),
          op.operationId,
        ).toBe(true);
        if (op['x-kubernetes-action'] === 'patch')
          expect(op.requestBody, op.operationId).toBeUndefined();
      }
      if (info.verbs.includes('patch')) {
        expect(
          writes.some((op) => op['x-kubernetes-action'] === 'patch'),
          info.kind,
        ).toBe(true);
      }
      expect(
        d.components.schemas[`${schemaPrefix(info.group)}.${info.kind}`]?.[
          'x-kubernetes-group-version-kind'
        ],
      ).toBeDefined();
    }
  });

  it('names operations as upstream', () => {
    const ids = [...Object.keys(root.paths)].flatMap((k) =>
      operations(doc(k)).map((op) => op.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'listCoreV1NamespacedPod',
        'listCoreV1PodForAllNamespaces',
        'createCoreV1NamespacedPod',
        'deleteCoreV1CollectionNamespacedPod',
        'patchCoreV1NamespacedPod',
        'readCoreV1NamespacedPodStatus',
        'readCoreV1NamespacedPodLog',
        'connectCoreV1GetNamespacedPodExec',
        'connectCoreV1PostNamespacedPodExec',
        'createCoreV1NamespacedPodEviction',
        'createCoreV1NamespacedBinding',
        'replaceCoreV1NamespaceFinalize',
        'patchCoreV1Node',
        'readAppsV1NamespacedDeploymentScale',
        'listAppsV1DeploymentForAllNamespaces',
        'createAuthorizationV1SelfSubjectAccessReview',
        'patchCoordinationV1NamespacedLease',
      ]),
    );
    const scale =
      doc('apis/apps/v1').paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'];
    expect(scale?.patch?.['x-kubernetes-group-version-kind']).toEqual({
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
    });
  });

  it('carries every schema its paths reach, and only resolvable references', () => {
    for (const key of Object.keys(root.paths)) {
      const body = openApiV3Document(key)?.body ?? '';
      const d = JSON.parse(body) as Doc;
      const refs = [...body.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
        (m) => m[1] ?? '',
      );
      for (const ref of refs) expect(d.components.schemas, `${key} ${ref}`).toHaveProperty([ref]);
    }
    const apps = doc('apis/apps/v1').components.schemas;
    expect(Object.keys(apps)).toEqual(
      expect.arrayContaining([
        'io.k8s.api.autoscaling.v1.Scale',
        'io.k8s.api.core.v1.PodSpec',
        'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
      ]),
    );
    expect(Object.keys(doc('apis/coordination.k8s.io/v1').components.schemas)).not.toContain(
      'io.k8s.api.core.v1.Pod',
    );
  });
});

function schemaPrefix(group: string): string {
  return `io.k8s.api.${group === '' ? 'core' : group.split('.')[0]}.v1`;
}
