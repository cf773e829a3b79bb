/**
 * SetDefaults_ResourceList: quantities are rounded up to milli precision, and (as the apiserver
 * re-serialises them) written in canonical form. Unparsable values are left for validation.
 */
import { Quantity } from '../quantity.js';

export function defaultResourceList(list: Record<string, unknown> | undefined): void {
  if (!list) return;
  for (const [k, v] of Object.entries(list)) {
    try {
      list[k] = Quantity.parse(typeof v === 'number' ? String(v) : String(v)).roundUp(-3).toString();
    } catch {
      // Invalid quantities are reported by validation.
    }
  }
}
