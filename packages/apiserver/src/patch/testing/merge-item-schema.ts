/** The MergeItem test type of upstream strategicpatch/patch_test.go, as patch metadata (tests only). */
import type { JsonMap } from '../json-value.js';
import type { PatchMetaTable, PatchSchema } from '../patch-meta.js';
import { strategicMergePatch } from '../strategic-merge-patch.js';

export const MERGE_ITEM_TABLE: PatchMetaTable = {
  MergeItem: {
    mergingList: { strategy: 'merge', mergeKey: 'name', type: 'MergeItem' },
    nonMergingList: { type: 'MergeItem' },
    mergingIntList: { strategy: 'merge' },
    replacingItem: { strategy: 'replace' },
    retainKeysMap: { retainKeys: true, type: 'RetainKeysMergeItem' },
    retainKeysMergingList: {
      strategy: 'merge',
      retainKeys: true,
      mergeKey: 'name',
      type: 'MergeItem',
    },
  },
  RetainKeysMergeItem: {
    mergingIntList: { strategy: 'merge' },
    mergingList: { strategy: 'merge', mergeKey: 'name', type: 'MergeItem' },
  },
};
export const MERGE_ITEM_SCHEMA: PatchSchema = { table: MERGE_ITEM_TABLE, type: 'MergeItem' };

export const smp = (original: JsonMap, patch: JsonMap): JsonMap =>
  strategicMergePatch(original, patch, MERGE_ITEM_SCHEMA);
