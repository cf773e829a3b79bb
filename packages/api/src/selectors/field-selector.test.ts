import { describe, expect, it } from 'vitest';
import { escapeFieldValue, fieldSelectorFromSet, parseFieldSelector, unescapeFieldValue } from './field-selector.js';

describe('parseFieldSelector', () => {
  it.each([
    ['', [], ''],
    ['metadata.name=web', [{ field: 'metadata.name', op: '=', value: 'web' }], 'metadata.name=web'],
    ['metadata.name==web', [{ field: 'metadata.name', op: '=', value: 'web' }], 'metadata.name=web'],
    [
      'spec.nodeName=node-1,status.phase!=Succeeded,status.phase!=Failed',
      [
        { field: 'spec.nodeName', op: '=', value: 'node-1' },
        { field: 'status.phase', op: '!=', value: 'Failed' },
        { field: 'status.phase', op: '!=', value: 'Succeeded' },
      ],
      'spec.nodeName=node-1,status.phase!=Failed,status.phase!=Succeeded',
    ],
    ['spec.nodeName=', [{ field: 'spec.nodeName', op: '=', value: '' }], 'spec.nodeName='],
    ['a=x\\,y', [{ field: 'a', op: '=', value: 'x,y' }], 'a=x\\,y'],
    ['a=x\\=y\\\\z', [{ field: 'a', op: '=', value: 'x=y\\z' }], 'a=x\\=y\\\\z'],
    ['a=b,,c=d', [{ field: 'a', op: '=', value: 'b' }, { field: 'c', op: '=', value: 'd' }], 'a=b,c=d'],
  ])('parses %j', (text, requirements, canonical) => {
    const s = parseFieldSelector(text);
    expect(s.requirements).toEqual(requirements);
    expect(s.toString()).toBe(canonical);
  });

  it.each([
    ['metadata.name', "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ['a=b,c', "invalid selector: 'a=b,c'; can't understand 'c'"],
    ['a=b=c', 'invalid field selector: unescapedRune character in value: 61'],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
  ])('rejects %j', (text, message) => {
    expect(() => parseFieldSelector(text)).toThrow(message);
  });

  it.each([
    ['metadata.name=web', { 'metadata.name': 'web' }, true],
    ['metadata.name=web', { 'metadata.name': 'db' }, false],
    ['spec.nodeName=', {}, true],
    ['spec.nodeName!=', { 'spec.nodeName': 'n1' }, true],
    ['status.phase!=Failed,status.phase!=Succeeded', { 'status.phase': 'Running' }, true],
    ['status.phase!=Failed,status.phase!=Succeeded', { 'status.phase': 'Failed' }, false],
  ])('%j matches %j: %j', (text, fields, want) => {
    expect(parseFieldSelector(text).matches(fields)).toBe(want);
  });

  it('reports exact matches, emptiness and transforms terms', () => {
    const s = parseFieldSelector('spec.host=n1,status.phase!=Failed');
    expect(s.empty).toBe(false);
    expect(parseFieldSelector('').empty).toBe(true);
    expect(s.requiresExactMatch('spec.host')).toBe('n1');
    expect(s.requiresExactMatch('status.phase')).toBeUndefined();
    const t = s.transform((field, value) => ({ field: field === 'spec.host' ? 'spec.nodeName' : field, value }));
    expect(t.toString()).toBe('spec.nodeName=n1,status.phase!=Failed');
  });
});

describe('field value escaping', () => {
  it('round-trips special characters', () => {
    expect(escapeFieldValue('a,b=c\\d')).toBe('a\\,b\\=c\\\\d');
    expect(unescapeFieldValue(escapeFieldValue('a,b=c\\d'))).toBe('a,b=c\\d');
  });

  it('builds a selector from a set', () => {
    expect(fieldSelectorFromSet({ 'metadata.name': 'x' }).matches({ 'metadata.name': 'x' })).toBe(true);
  });
});
