import { describe, expect, it } from 'vitest';
import { setToFields } from './fields-v1.js';
import { toFieldSet } from './to-field-set.js';
import { typeForKind } from './type-schema.js';
import { TypedValueError } from './typed-shape.js';
import { validateTyped } from './validate-typed.js';

const deployment = typeForKind({ group: 'apps', version: 'v1', kind: 'Deployment' });
const service = typeForKind({ group: '', version: 'v1', kind: 'Service' });

const applied = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }], args: ['a', 'b'] }] },
    },
  },
};

describe('toFieldSet', () => {
  it('owns leaves, map entries and list items, not the structs around them (kubectl apply --server-side)', () => {
    expect(setToFields(toFieldSet(applied, deployment))).toEqual({
      'f:apiVersion': {},
      'f:kind': {},
      'f:metadata': { 'f:labels': { 'f:app': {} }, 'f:name': {} },
      'f:spec': {
        'f:replicas': {},
        'f:selector': {},
        'f:template': {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:containers': {
              'k:{"name":"web"}': {
                '.': {},
                'f:args': {},
                'f:image': {},
                'f:name': {},
                'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
              },
            },
          },
        },
      },
    });
  });

  it('keys set items by value and treats untagged lists as atomic', () => {
    const svc = { spec: { ports: [{ port: 80, protocol: 'UDP' }], clusterIPs: ['10.0.0.1'] }, metadata: { finalizers: ['a'] } };
    expect(setToFields(toFieldSet(svc, service))).toEqual({
      'f:metadata': { 'f:finalizers': { 'v:"a"': {} } },
      'f:spec': { 'f:clusterIPs': {}, 'f:ports': { 'k:{"port":80,"protocol":"UDP"}': { '.': {}, 'f:port': {}, 'f:protocol': {} } } },
    });
  });

  it('owns +mapType=atomic maps as a whole', () => {
    const svc = { spec: { selector: { app: 'web', tier: 'fe' } } };
    expect(setToFields(toFieldSet(svc, service))).toEqual({ 'f:spec': { 'f:selector': {} } });
    const pod = { spec: { nodeSelector: { disk: 'ssd' } }, metadata: { labels: { a: 'b' } } };
    expect(setToFields(toFieldSet(pod, typeForKind({ group: '', version: 'v1', kind: 'Pod' })))).toEqual({
      'f:metadata': { 'f:labels': { 'f:a': {} } },
      'f:spec': { 'f:nodeSelector': {} },
    });
  });

  it('reports list items without their key as structured-merge-diff does', () => {
    const bad = { spec: { template: { spec: { containers: [{ image: 'x' }] } } } };
    expect(() => toFieldSet(bad, deployment)).toThrow(
      '.spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    );
  });

  it('rejects duplicate keys in an applied configuration', () => {
    const dup = { spec: { template: { spec: { containers: [{ name: 'a' }, { name: 'a' }] } } } };
    expect(() => validateTyped(dup, deployment)).toThrow(TypedValueError);
    expect(() => validateTyped(dup, deployment)).toThrow('.spec.template.spec.containers: duplicate entries for key [name="a"]');
  });
});
