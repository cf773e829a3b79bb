/**
 * The diff appended to "pod updates may not change fields other than ...". Upstream prints
 * cmp.Diff of the internal core.PodSpec; this renders the same shape (`- old` / `+ new` lines per
 * top-level field, Go field names) with JSON values, which is close but not byte-identical.
 */
import type { PodSpec } from 'kubernetes-types/core/v1.js';
import { deepEqual } from './common.js';

const goName = (jsonName: string): string => jsonName.charAt(0).toUpperCase() + jsonName.slice(1);

export function podSpecDiff(oldSpec: PodSpec, newSpec: PodSpec): string {
  const o = oldSpec as unknown as Record<string, unknown>;
  const n = newSpec as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])];
  const lines = ['  core.PodSpec{'];
  let identical = 0;
  for (const k of keys) {
    if (deepEqual(o[k], n[k])) {
      identical++;
      continue;
    }
    if (identical > 0) lines.push(`  \t... // ${identical} identical field${identical === 1 ? '' : 's'}`);
    identical = 0;
    if (o[k] !== undefined) lines.push(`- \t${goName(k)}: ${JSON.stringify(o[k])},`);
    if (n[k] !== undefined) lines.push(`+ \t${goName(k)}: ${JSON.stringify(n[k])},`);
  }
  if (identical > 0) lines.push(`  \t... // ${identical} identical field${identical === 1 ? '' : 's'}`);
  lines.push('  }');
  return `${lines.join('\n')}\n`;
}
