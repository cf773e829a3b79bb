import { describe, expect, it } from 'vitest';
import { field } from '../schema/field-spec.js';
import { PROTO_TYPE, type ProtoField, type ProtoFile } from './file-descriptors.js';
import { GO_KIND, type GoStructField } from './go-struct-types.js';
import { SchemaModel, shortPackage } from './schema-model.js';

const f = (
  name: string,
  number: number,
  type: number,
  typeName = '',
  repeated = false,
): ProtoField => ({
  name,
  number,
  type,
  typeName,
  repeated,
});

const APPS: ProtoFile = {
  name: 'k8s.io/api/apps/v1/generated.proto',
  package: 'k8s.io.api.apps.v1',
  goPackage: 'k8s.io/api/apps/v1',
  messages: [
    {
      name: 'Thing',
      mapEntry: false,
      fields: [
        f('replicas', 1, PROTO_TYPE.int32),
        f('labels', 2, PROTO_TYPE.message, '.k8s.io.api.apps.v1.Thing.LabelsEntry', true),
        f('source', 3, PROTO_TYPE.message, '.k8s.io.api.apps.v1.Source'),
        f('names', 4, PROTO_TYPE.string, '', true),
        f('created', 5, PROTO_TYPE.message, '.k8s.io.apimachinery.pkg.apis.meta.v1.Time'),
      ],
      nested: [
        {
          name: 'LabelsEntry',
          mapEntry: true,
          fields: [f('key', 1, PROTO_TYPE.string), f('value', 2, PROTO_TYPE.string)],
          nested: [],
        },
      ],
    },
    { name: 'Source', mapEntry: false, fields: [f('path', 1, PROTO_TYPE.string)], nested: [] },
  ],
};

const META: ProtoFile = {
  name: 'k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto',
  package: 'k8s.io.apimachinery.pkg.apis.meta.v1',
  goPackage: 'k8s.io/apimachinery/pkg/apis/meta/v1',
  messages: [
    {
      name: 'Time',
      mapEntry: false,
      fields: [f('seconds', 1, PROTO_TYPE.int64), f('nanos', 2, PROTO_TYPE.int32)],
      nested: [],
    },
  ],
};

const go = (name: string, tag: string, kind: number, embedded = false): GoStructField => ({
  name,
  tag,
  kind,
  embedded,
  typeName: '',
});

const GO = new Map<string, GoStructField[]>([
  [
    'k8s.io/api/apps/v1.Thing',
    [
      go('TypeMeta', 'json:",inline"', GO_KIND.Struct, true),
      go('Names', 'json:"names" protobuf:"bytes,4,rep,name=names"', GO_KIND.Slice),
      go(
        'Replicas',
        'json:"replicas,omitempty" protobuf:"varint,1,opt,name=replicas"',
        GO_KIND.Pointer,
      ),
      go('Labels', 'json:"labels,omitempty" protobuf:"bytes,2,rep,name=labels"', GO_KIND.Map),
      go('Source', 'json:",inline" protobuf:"bytes,3,opt,name=source"', GO_KIND.Struct, true),
      go('Created', 'json:"created,omitempty" protobuf:"bytes,5,opt,name=created"', GO_KIND.Struct),
    ],
  ],
  [
    'k8s.io/api/apps/v1.Source',
    [go('Path', 'json:"path" protobuf:"bytes,1,opt,name=path"', GO_KIND.String)],
  ],
]);

const root = (message: string) => [{ apiVersion: 'apps/v1', kind: 'Thing', message }];

describe('SchemaModel', () => {
  const model = new SchemaModel([APPS, META], GO);

  it('finds the messages reachable from the roots, not map entries', () => {
    expect(model.reachable(root('apps.v1.Thing'))).toEqual([
      'apps.v1.Thing',
      'apps.v1.Source',
      'meta.v1.Time',
    ]);
  });

  it('joins proto numbers and types with Go tags, in Go struct order', () => {
    expect(model.fields('apps.v1.Thing')).toEqual([
      field('names', 4, 'string', 'repeated'),
      field('replicas', 1, 'int32', 'ptr', 'omitempty'),
      field('labels', 2, 'map<string>', 'omitempty'),
      field('source', 3, 'apps.v1.Source', 'inline'),
      field('created', 5, 'meta.v1.Time', 'omitempty'),
    ]);
  });

  it('describes well-known types by their proto fields alone', () => {
    expect(model.fields('meta.v1.Time')).toEqual([
      field('seconds', 1, 'int64'),
      field('nanos', 2, 'int32'),
    ]);
  });

  it('fails loudly when descriptor and Go struct disagree', () => {
    const partial = new Map(GO);
    partial.set('k8s.io/api/apps/v1.Source', []);
    expect(() => new SchemaModel([APPS, META], partial).fields('apps.v1.Source')).toThrow(
      'apps.v1.Source: no Go field for 1',
    );
    expect(() => new SchemaModel([APPS, META], new Map()).fields('apps.v1.Source')).toThrow(
      'no Go struct k8s.io/api/apps/v1.Source',
    );
  });
});

it('shortens package names', () => {
  expect(shortPackage('k8s.io.api.core.v1')).toBe('core.v1');
  expect(shortPackage('k8s.io.apimachinery.pkg.apis.meta.v1')).toBe('meta.v1');
  expect(shortPackage('k8s.io.apimachinery.pkg.util.intstr')).toBe('intstr');
  expect(shortPackage('k8s.io.apimachinery.pkg.api.resource')).toBe('resource');
  expect(shortPackage('k8s.io.apimachinery.pkg.runtime')).toBe('runtime');
  expect(() => shortPackage('google.protobuf')).toThrow('unexpected protobuf package');
});
