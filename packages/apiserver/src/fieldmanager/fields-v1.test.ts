import { describe, expect, it } from 'vitest';
import { FieldSet } from './field-set.js';
import { fieldsToSet, setToFields } from './fields-v1.js';
import { keyElement, makePath, pathString } from './path-element.js';

describe('FieldsV1', () => {
  it('marks members with {} and members with children with "."', () => {
    const container = [...makePath('spec', 'containers'), keyElement({ name: 'web' })];
    const set = FieldSet.of(
      makePath('metadata', 'labels'),
      makePath('metadata', 'labels', 'app'),
      container,
      [...container, { field: 'image' }],
      makePath('spec', 'replicas'),
    );
    expect(setToFields(set)).toEqual({
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {} } }, 'f:replicas': {} },
    });
  });

  it('writes keys in path-element order', () => {
    const set = FieldSet.of(makePath('b'), makePath('a', 'x'), [{ field: 'l' }, { value: 'v' }], [{ field: 'l' }, { field: 'f' }]);
    expect(JSON.stringify(setToFields(set))).toBe('{"f:a":{"f:x":{}},"f:b":{},"f:l":{"f:f":{},"v:\\"v\\"":{}}}');
  });

  it('reads what it writes', () => {
    const fields = {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': { 'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {} } } },
    };
    const set = fieldsToSet(fields);
    expect(set.paths().map(pathString)).toEqual([
      '.metadata.labels',
      '.metadata.labels.app',
      '.spec.ports[port=80,protocol="TCP"]',
      '.spec.ports[port=80,protocol="TCP"].port',
    ]);
    expect(setToFields(set)).toEqual(fields);
  });

  it('drops unknown element kinds and rejects malformed keys', () => {
    expect(fieldsToSet({ 'z:future': {}, 'f:a': {} }).paths().map(pathString)).toEqual(['.a']);
    expect(() => fieldsToSet({ 'k:notjson': {} })).toThrow('parsing key as path element');
    expect(() => fieldsToSet([])).toThrow('FieldsV1 must be an object');
  });
});
