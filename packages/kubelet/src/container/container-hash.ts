/**
 * The container hash (kubecontainer.HashContainer): only the fields the kubelet lets change
 * on a running pod, name and image, so that defaulting or a kubelet upgrade never restarts
 * containers. FNV-32a over their JSON, printed in hex as the io.kubernetes.container.hash
 * annotation is. (Upstream digests the same JSON through a spew printer, so the numbers
 * themselves differ from a real kubelet's.)
 */
import type { Container } from '@kubelab/api';

export function fnv32a(data: string | Uint8Array): number {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function containerHash(container: Pick<Container, 'name' | 'image'>): string {
  // json.Marshal of a map sorts its keys.
  const json = JSON.stringify({ image: container.image ?? '', name: container.name });
  return fnv32a(json).toString(16);
}
