/**
 * The UID of a static pod (common.go applyDefaults): an md5 over the decoded and defaulted pod,
 * then `host:<node>` + `file:<path>` for a file, or `url:<url>` for a URL. Upstream hashes a
 * Go dump of the pod; kubelab hashes canonical JSON (sorted keys at every depth), so that
 * whitespace, comments and key order never change the UID while content, node and path do.
 */
import { createHash } from 'node:crypto';
import type { Pod } from '@kubelab/api';

export type ManifestSource = { kind: 'file'; path: string } | { kind: 'http'; url: string };

/** JSON with object keys sorted at every depth and undefined fields left out. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v))
    return `[${v.map((x) => canonicalJson(x === undefined ? null : x)).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** 32 lowercase hex characters, no dashes (as upstream's hex.EncodeToString of the md5 sum). */
export function staticPodUid(pod: Pod, source: ManifestSource, nodeName: string): string {
  const h = createHash('md5');
  h.update(canonicalJson(pod));
  if (source.kind === 'file') {
    h.update(`host:${nodeName}`);
    h.update(`file:${source.path}`);
  } else {
    h.update(`url:${source.url}`);
  }
  return h.digest('hex');
}
