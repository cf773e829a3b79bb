import { describe, expect, it } from 'vitest';
import { FieldSet } from './field-set.js';
import { keyElement, makePath, pathString } from './path-element.js';

const p = (...f: string[]) => makePath(...f);
const strings = (s: FieldSet): string[] => s.paths().map(pathString);

describe('FieldSet', () => {
  it('holds paths and answers membership of exact paths only', () => {
    const s = FieldSet.of(p('spec', 'replicas'), p('metadata', 'labels', 'app'));
    expect(s.has(p('spec', 'replicas'))).toBe(true);
    expect(s.has(p('spec'))).toBe(false);
    expect(s.has(p('metadata', 'labels', 'app'))).toBe(true);
    expect(strings(s)).toEqual(['.metadata.labels.app', '.spec.replicas']);
  });

  it('lists the members of a node before its children', () => {
    const s = FieldSet.of(p('spec', 'template', 'x'), p('spec', 'a'), p('spec'));
    expect(strings(s)).toEqual(['.spec', '.spec.a', '.spec.template.x']);
  });

  it('unions, intersects and subtracts', () => {
    const a = FieldSet.of(p('a'), p('b', 'c'), p('b', 'd'));
    const b = FieldSet.of(p('b', 'c'), p('e'));
    expect(strings(a.union(b))).toEqual(['.a', '.e', '.b.c', '.b.d']);
    expect(strings(a.intersection(b))).toEqual(['.b.c']);
    expect(strings(a.difference(b))).toEqual(['.a', '.b.d']);
    expect(a.difference(a).isEmpty()).toBe(true);
  });

  it('keeps a subtree under a removed member unless the difference is recursive', () => {
    const owned = FieldSet.of(p('status'), p('status', 'phase'), p('spec', 'x'));
    const reset = FieldSet.of(p('status'));
    expect(strings(owned.difference(reset))).toEqual(['.spec.x', '.status.phase']);
    expect(strings(owned.recursiveDifference(reset))).toEqual(['.spec.x']);
  });

  it('returns the subtree under an element', () => {
    const item = keyElement({ name: 'web' });
    const s = FieldSet.of([...p('containers'), item, { field: 'image' }]);
    expect(strings(s.withPrefix({ field: 'containers' }).withPrefix(item))).toEqual(['.image']);
    expect(s.withPrefix({ field: 'nope' }).isEmpty()).toBe(true);
  });

  it('compares by content', () => {
    expect(FieldSet.of(p('a'), p('b')).equals(FieldSet.of(p('b'), p('a')))).toBe(true);
    expect(FieldSet.of(p('a')).equals(FieldSet.of(p('a', 'b')))).toBe(false);
  });

  it('keeps its order whatever order paths are inserted in, and ignores repeats', () => {
    const paths = [p('b', 'x'), p('a'), p('b', 'a'), p('c'), p('b'), p('a'), p('b', 'x'), p('0')];
    const forward = FieldSet.of(...paths);
    const backward = FieldSet.of(...[...paths].reverse());
    expect(strings(forward)).toEqual(['.0', '.a', '.b', '.c', '.b.a', '.b.x']);
    expect(strings(backward)).toEqual(strings(forward));
  });

  it('leaves its operands as they were, also when the other operand is empty', () => {
    const a = FieldSet.of(p('a'), p('b', 'c'), p('b', 'd'));
    const b = FieldSet.of(p('b', 'c'), p('e'));
    const empty = new FieldSet();
    const results = [
      a.union(b),
      b.union(a),
      a.union(empty),
      empty.union(a),
      a.difference(b),
      a.difference(empty),
      a.recursiveDifference(b),
      a.recursiveDifference(empty),
      a.intersection(b),
    ];
    expect(results.map(strings)).toEqual([
      ['.a', '.e', '.b.c', '.b.d'],
      ['.a', '.e', '.b.c', '.b.d'],
      ['.a', '.b.c', '.b.d'],
      ['.a', '.b.c', '.b.d'],
      ['.a', '.b.d'],
      ['.a', '.b.c', '.b.d'],
      ['.a', '.b.d'],
      ['.a', '.b.c', '.b.d'],
      ['.b.c'],
    ]);
    expect(strings(a)).toEqual(['.a', '.b.c', '.b.d']);
    expect(strings(b)).toEqual(['.e', '.b.c']);
    expect(empty.isEmpty()).toBe(true);
  });
});
