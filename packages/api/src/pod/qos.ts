/** The pod's QoS class (pkg/apis/core/helper/qos GetPodQOS). */
import type { Pod } from '../types/index.js';
import { parseQuantity } from '../quantity.js';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';
const TRACKED = ['cpu', 'memory'];

export function podQosClass(pod: Pod): QosClass {
  const spec = pod.spec;
  if (!spec) return 'BestEffort';
  const requests: Record<string, bigint> = {};
  const limits: Record<string, bigint> = {};
  let guaranteed = true;
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const [k, v] of Object.entries(req)) {
      if (!TRACKED.includes(k)) continue;
      const q = BigInt(parseQuantity(String(v)).milliValue());
      if (q > 0n) requests[k] = (requests[k] ?? 0n) + q;
    }
    const got = new Set<string>();
    for (const [k, v] of Object.entries(lim)) {
      if (!TRACKED.includes(k)) continue;
      const q = BigInt(parseQuantity(String(v)).milliValue());
      if (q > 0n) {
        got.add(k);
        limits[k] = (limits[k] ?? 0n) + q;
      }
    }
    if (got.size !== TRACKED.length) guaranteed = false;
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  if (guaranteed) {
    for (const k of TRACKED) if (requests[k] !== undefined && requests[k] !== limits[k]) guaranteed = false;
  }
  return guaranteed && Object.keys(limits).length === TRACKED.length ? 'Guaranteed' : 'Burstable';
}
