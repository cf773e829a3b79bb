import { describe, expect, it } from 'vitest';
import {
  comparePathElements,
  keyElement,
  makePath,
  parsePathElement,
  pathString,
  serializePathElement,
  UnknownPathElementError,
} from './path-element.js';

describe('path elements', () => {
  it('serialize as FieldsV1 keys, key fields sorted by name', () => {
    expect(serializePathElement({ field: 'replicas' })).toBe('f:replicas');
    expect(serializePathElement(keyElement({ protocol: 'TCP', containerPort: 80 }))).toBe(
      'k:{"containerPort":80,"protocol":"TCP"}',
    );
    expect(serializePathElement({ value: 'example.com/foo' })).toBe('v:"example.com/foo"');
    expect(serializePathElement({ index: 3 })).toBe('i:3');
  });

  it('parse what they serialize to', () => {
    for (const s of ['f:metadata', 'k:{"name":"web"}', 'k:{"containerPort":80,"protocol":"TCP"}', 'v:5', 'i:0']) {
      expect(serializePathElement(parsePathElement(s))).toBe(s);
    }
    expect(() => parsePathElement('x:foo')).toThrow(UnknownPathElementError);
    expect(() => parsePathElement('nocolon')).toThrow('missing colon');
  });

  it('order fields before keys before values before indexes', () => {
    const sorted = [{ index: 0 }, { value: 'a' }, keyElement({ name: 'a' }), { field: 'z' }, { field: 'a' }].sort(
      comparePathElements,
    );
    expect(sorted.map(serializePathElement)).toEqual(['f:a', 'f:z', 'k:{"name":"a"}', 'v:"a"', 'i:0']);
  });

  it('order values numbers < strings < booleans', () => {
    const sorted = [{ value: true }, { value: 'x' }, { value: 10 }, { value: 2 }].sort(comparePathElements);
    expect(sorted.map(serializePathElement)).toEqual(['v:2', 'v:10', 'v:"x"', 'v:true']);
  });

  it('print as conflict messages show them', () => {
    expect(pathString(makePath('spec', 'replicas'))).toBe('.spec.replicas');
    expect(
      pathString([...makePath('spec', 'template', 'spec', 'containers'), keyElement({ name: 'web' }), { field: 'image' }]),
    ).toBe('.spec.template.spec.containers[name="web"].image');
    expect(pathString([...makePath('metadata', 'finalizers'), { value: 'a' }])).toBe('.metadata.finalizers[="a"]');
  });
});
