/**
 * controller.ComputeHash: fnv32a over the spew rendering of the pod template (plus the
 * collision count, little-endian), printed in decimal and mapped onto rand.SafeEncodeString's
 * alphabet. Deployments name ReplicaSets `<name>-<hash>`, DaemonSets their ControllerRevisions.
 */
import type { Pod } from '@kubelab/api';
import { spewSprint } from './spew-printer.js';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each character indexes the vowel-free alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += ALPHANUMS[(ch.codePointAt(0) ?? 0) % ALPHANUMS.length];
  return out;
}

export interface PodTemplateSpec {
  metadata?: Pod['metadata'];
  spec?: Pod['spec'];
}

export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(spewSprint('v1.PodTemplateSpec', template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}
