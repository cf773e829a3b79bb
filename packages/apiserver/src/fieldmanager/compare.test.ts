import { describe, expect, it } from 'vitest';
import { compareValues, isSame } from './compare.js';
import { pathString } from './path-element.js';
import { typeForKind } from './type-schema.js';

const pod = typeForKind({ group: '', version: 'v1', kind: 'Pod' });
const names = (s: { paths(): readonly (readonly unknown[])[] }) => s.paths().map((p) => pathString(p as never));

describe('compareValues', () => {
  it('reports added, modified and removed leaves and list items', () => {
    const before = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } };
    const after = { spec: { containers: [{ name: 'a', image: 'z' }, { name: 'c', image: 'y' }] } };
    const c = compareValues(before, after, pod);
    expect(names(c.modified)).toEqual(['.spec.containers[name="a"].image']);
    expect(names(c.added)).toEqual(['.spec.containers[name="c"]', '.spec.containers[name="c"].image', '.spec.containers[name="c"].name']);
    expect(names(c.removed)).toEqual(['.spec.containers[name="b"]', '.spec.containers[name="b"].image', '.spec.containers[name="b"].name']);
  });

  it('adds a container node that was absent, but not one that was null', () => {
    const c = compareValues({ metadata: {}, spec: { containers: null } }, { metadata: { labels: { a: '1' } }, spec: { containers: [{ name: 'x' }] } }, pod);
    expect(names(c.added)).toEqual(['.metadata.labels', '.metadata.labels.a', '.spec.containers[name="x"]', '.spec.containers[name="x"].name']);
  });

  it('compares atomic lists and empty containers as leaves', () => {
    const c = compareValues({ spec: { tolerations: [{ key: 'a' }], securityContext: {} } }, { spec: { tolerations: [{ key: 'b' }] } }, pod);
    expect(names(c.modified)).toEqual(['.spec.tolerations']);
    expect(names(c.removed)).toEqual(['.spec.securityContext']);
  });

  it('finds nothing between equal values', () => {
    const v = { metadata: { labels: { a: '1' } }, spec: { containers: [{ name: 'a', env: [{ name: 'X', value: '1' }] }] } };
    expect(isSame(compareValues(v, structuredClone(v), pod))).toBe(true);
  });

  it('compares duplicated list items as one group', () => {
    const env = (vals: string[]) => ({ spec: { containers: [{ name: 'a', env: vals.map((v) => ({ name: 'X', value: v })) }] } });
    expect(names(compareValues(env(['1', '2']), env(['1', '3']), pod).modified)).toEqual(['.spec.containers[name="a"].env[name="X"]']);
    const collapsed = compareValues(env(['1', '2']), env(['1']), pod);
    expect(names(collapsed.removed)).toEqual(['.spec.containers[name="a"].env[name="X"]']);
  });
});
