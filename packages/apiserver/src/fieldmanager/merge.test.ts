import { describe, expect, it } from 'vitest';
import { FieldSet } from './field-set.js';
import { mergeValues } from './merge.js';
import { keyElement, makePath } from './path-element.js';
import { removeItems } from './remove-items.js';
import { typeForKind } from './type-schema.js';

const pod = typeForKind({ group: '', version: 'v1', kind: 'Pod' });

describe('mergeValues', () => {
  it('merges maps and keyed list items, keeps live order and appends new items', () => {
    const live = {
      metadata: { labels: { a: '1', b: '2' } },
      spec: { containers: [{ name: 'x', image: 'x:1', imagePullPolicy: 'Always' }, { name: 'y', image: 'y:1' }] },
    };
    const config = { metadata: { labels: { b: '3' } }, spec: { containers: [{ name: 'z', image: 'z:1' }, { name: 'x', image: 'x:2' }] } };
    expect(mergeValues(live, config, pod)).toEqual({
      metadata: { labels: { a: '1', b: '3' } },
      spec: {
        containers: [
          { name: 'x', image: 'x:2', imagePullPolicy: 'Always' },
          { name: 'y', image: 'y:1' },
          { name: 'z', image: 'z:1' },
        ],
      },
    });
  });

  it('replaces atomic lists and structs whole', () => {
    const live = { spec: { tolerations: [{ key: 'a' }], containers: [{ name: 'c', args: ['1', '2'] }] } };
    const config = { spec: { tolerations: [{ key: 'b' }], containers: [{ name: 'c', args: ['3'] }] } };
    expect(mergeValues(live, config, pod)).toEqual({ spec: { tolerations: [{ key: 'b' }], containers: [{ name: 'c', args: ['3'] }] } });
  });

  it('does not change its inputs', () => {
    const live = { metadata: { labels: { a: '1' } } };
    const config = { metadata: { labels: { b: '2' } } };
    mergeValues(live, config, pod);
    expect(live).toEqual({ metadata: { labels: { a: '1' } } });
    expect(config).toEqual({ metadata: { labels: { b: '2' } } });
  });
});

describe('removeItems', () => {
  it('removes fields, map entries and list items and drops what became empty', () => {
    const obj = {
      metadata: { labels: { a: '1' }, name: 'p' },
      spec: { containers: [{ name: 'x', image: 'x' }, { name: 'y', image: 'y' }], restartPolicy: 'Always' },
    };
    const set = FieldSet.of(
      makePath('metadata', 'labels', 'a'),
      [...makePath('spec', 'containers'), keyElement({ name: 'y' })],
      [...makePath('spec', 'containers'), keyElement({ name: 'x' }), { field: 'image' }],
      makePath('spec', 'restartPolicy'),
    );
    expect(removeItems(obj, set, pod)).toEqual({ metadata: { name: 'p' }, spec: { containers: [{ name: 'x' }] } });
  });
});
