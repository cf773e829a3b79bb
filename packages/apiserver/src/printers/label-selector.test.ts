import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '@kubelab/api';
import { formatLabelSelector, labelSelectorString } from './label-selector.js';

describe('labelSelectorString', () => {
  it.each<[string, LabelSelector | undefined, string | undefined]>([
    ['nil selector', undefined, ''],
    ['empty selector', {}, ''],
    ['match labels sorted by key', { matchLabels: { tier: 'fe', app: 'web' } }, 'app=web,tier=fe'],
    [
      'expressions of every operator, values sorted',
      {
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'zone', operator: 'NotIn', values: ['b'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'app', operator: 'Exists' },
        ],
      },
      'app,!canary,env in (dev,prod),zone notin (b)',
    ],
    [
      'labels and expressions merged by key',
      { matchLabels: { 'app.kubernetes.io/name': 'web' }, matchExpressions: [{ key: 'a', operator: 'Exists' }] },
      'a,app.kubernetes.io/name=web',
    ],
    ['In without values is invalid', { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, undefined],
    ['unknown operator is invalid', { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, undefined],
    ['invalid key', { matchLabels: { 'bad key': 'x' } }, undefined],
  ])('%s', (_name, sel, want) => {
    expect(labelSelectorString(sel)).toBe(want);
  });
});

describe('formatLabelSelector', () => {
  it('prints <none> for an empty selector and <error> for an invalid one', () => {
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({ matchLabels: {} })).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toBe(
      '<error>',
    );
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
  });
});
