import type { Pod } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import {
  firstPendingIndexes,
  formatIndexes,
  parseIndexes,
  splitDuplicatedIndexPods,
} from './completed-indexes.js';

const pod = (name: string, index?: number): Pod => ({
  metadata: {
    name,
    ...(index === undefined
      ? {}
      : { annotations: { 'batch.kubernetes.io/job-completion-index': String(index) } }),
  },
  spec: { containers: [] },
});

describe('completed indexes', () => {
  it('compresses runs of three or more', () => {
    expect(formatIndexes([7, 1, 3, 4, 5])).toBe('1,3-5,7');
    expect(formatIndexes([0, 1])).toBe('0,1');
    expect(formatIndexes([])).toBe('');
  });

  it('parses the text form, dropping indexes out of range', () => {
    expect(parseIndexes('1,3-5,7', 6)).toEqual([1, 3, 4, 5]);
    expect(parseIndexes(undefined, 3)).toEqual([]);
  });

  it('picks the lowest indexes neither succeeded nor active', () => {
    expect(firstPendingIndexes([pod('a', 1)], [0, 3], 2, 5)).toEqual([2, 4]);
    expect(firstPendingIndexes([], [0, 1], 5, 2)).toEqual([]);
  });

  it('removes pods with duplicated, missing or out-of-range indexes', () => {
    const { remove, keep } = splitDuplicatedIndexPods(
      [pod('a', 0), pod('b', 0), pod('c'), pod('d', 9), pod('e', 1)],
      3,
    );
    expect(remove.map((p) => p.metadata?.name).sort()).toEqual(['b', 'c', 'd']);
    expect(keep.map((p) => p.metadata?.name)).toEqual(['a', 'e']);
  });
});
