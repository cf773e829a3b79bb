import { describe, expect, it } from 'vitest';
import { MAX_UNKNOWN_FIELDS, findUnknownFields, strictDecodingMessage } from './unknown-fields.js';

const POD = { group: '', version: 'v1', kind: 'Pod' };
const DEPLOYMENT = { group: 'apps', version: 'v1', kind: 'Deployment' };

describe('findUnknownFields', () => {
  it('accepts a valid pod, including metadata, status and free-form label keys', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web',
        labels: { 'app.kubernetes.io/name': 'web' },
        annotations: { anything: 'x' },
      },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx',
            ports: [{ containerPort: 80 }],
            resources: { limits: { cpu: '500m', memory: 128 } },
            livenessProbe: { httpGet: { port: 'http', path: '/' } },
          },
        ],
      },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
    };
    expect(findUnknownFields(POD, pod)).toEqual([]);
  });

  it('reports unknown fields with upstream paths in document order', () => {
    const pod = {
      spec: {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', imagee: 'y' },
        ],
        foo: 1,
      },
      metadata: { nmae: 'typo' },
    };
    expect(findUnknownFields(POD, pod)).toEqual([
      'spec.containers[1].imagee',
      'spec.foo',
      'metadata.nmae',
    ]);
  });

  it('reports top-level unknown fields without a leading dot', () => {
    expect(findUnknownFields(POD, { apiVersion: 'v1', kind: 'Pod', specc: {} })).toEqual(['specc']);
  });

  it('walks nested templates of workloads', () => {
    const deploy = {
      spec: {
        selector: { matchLabels: { app: 'web' } },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0, extra: true } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', imagePullPolicyy: 'Always' }] },
        },
      },
    };
    expect(findUnknownFields(DEPLOYMENT, deploy)).toEqual([
      'spec.strategy.rollingUpdate.extra',
      'spec.template.spec.containers[0].imagePullPolicyy',
    ]);
  });

  it('lets opaque JSON through (RawExtension, FieldsV1)', () => {
    const revision = {
      metadata: {
        managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }],
      },
      data: { spec: { template: { whatever: [1, 2] } } },
      revision: 1,
    };
    expect(
      findUnknownFields({ group: 'apps', version: 'v1', kind: 'ControllerRevision' }, revision),
    ).toEqual([]);
  });

  it('ignores values of the wrong shape and nulls (those are decoding errors, not unknown fields)', () => {
    expect(findUnknownFields(POD, { spec: 'nope', metadata: null, status: [1] })).toEqual([]);
    expect(findUnknownFields(POD, 'not an object')).toEqual([]);
    expect(findUnknownFields(POD, { spec: { containers: { name: 'x' } } })).toEqual([]);
  });

  it('treats a field named like an Object.prototype member as unknown', () => {
    expect(
      findUnknownFields(POD, JSON.parse('{"spec":{"__proto__":{"x":1},"constructor":1}}')),
    ).toEqual(['spec.__proto__', 'spec.constructor']);
  });

  it('validates every kind with a schema: services, subresource kinds and meta kinds', () => {
    const svc = { spec: { ports: [{ port: 80, targetPort: 'http', nodePortt: 1 }] } };
    expect(findUnknownFields({ group: '', version: 'v1', kind: 'Service' }, svc)).toEqual([
      'spec.ports[0].nodePortt',
    ]);
    expect(
      findUnknownFields(
        { group: 'autoscaling', version: 'v1', kind: 'Scale' },
        { spec: { replicas: 2, x: 1 } },
      ),
    ).toEqual(['spec.x']);
    const eviction = { deleteOptions: { gracePeriodSeconds: 0, bogus: 1 } };
    expect(
      findUnknownFields({ group: 'policy', version: 'v1', kind: 'Eviction' }, eviction),
    ).toEqual(['deleteOptions.bogus']);
    expect(
      findUnknownFields(
        { group: 'apps', version: 'v1', kind: 'DeleteOptions' },
        { propagationPolicy: 'x', y: 1 },
      ),
    ).toEqual(['y']);
  });

  it('returns nothing for a kind without a schema', () => {
    expect(
      findUnknownFields({ group: 'example.com', version: 'v1', kind: 'Widget' }, { foo: 1 }),
    ).toEqual([]);
  });

  it(`stops after ${MAX_UNKNOWN_FIELDS} fields as upstream does`, () => {
    const spec = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, i]));
    const paths = findUnknownFields(POD, { spec });
    expect(paths).toHaveLength(MAX_UNKNOWN_FIELDS);
    expect(paths[99]).toBe('spec.f99');
  });

  it('feeds the upstream message', () => {
    const paths = findUnknownFields(POD, { spec: { containers: [{ imagee: 'x' }], foo: 1 } });
    expect(strictDecodingMessage(paths)).toBe(
      'strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.foo"',
    );
  });
});
