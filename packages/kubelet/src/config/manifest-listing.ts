/**
 * One listing of staticPodPath (file.go listConfig / extractFromDir / extractFromFile): a
 * directory's non-hidden entries in sorted order, or a single file; one pod per regular file;
 * no recursion; a file that fails is reported and skipped while the others are kept. Pods are
 * stored by namespace/name, so of two files giving the same name the one sorting last wins.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Pod } from '@kubelab/api';
import { MAX_CONFIG_LENGTH, READ_LIMIT_REACHED, decodeStaticPod } from './static-pod.js';

/** Where the manifests are on the host, and the same place as the node sees it. */
export interface ManifestLocation {
  hostPath: string;
  /** Used in UIDs, logs and events: /etc/kubernetes/manifests, not the node root's host path. */
  nodePath: string;
  nodeName: string;
  /**
   * Decoded manifests by host path and content, kept across listings: decoding and validating
   * is most of a listing's cost, and a manifest that did not change decodes to the same pod.
   */
  cache?: DecodeCache;
}

/** What a manifest's content decoded to (a pod or the error), by host path. */
export type DecodeCache = Map<string, { content: Buffer; node: string; result: Pod | Error }>;

/** Something about one entry worth a log line; `err` is set for files that could not be used. */
export interface ListingNotice {
  msg: string;
  path: string;
  err?: Error;
  mode?: string;
}

export type Listing =
  /** The path does not exist: an empty snapshot, so the source still counts as seen. */
  | { kind: 'missing' }
  | { kind: 'pods'; pods: Pod[]; notices: ListingNotice[] }
  /** Nothing can be sent; `file` is set when the (single) manifest itself failed. */
  | { kind: 'error'; error: Error; file?: string };

const isNotExist = (err: unknown): boolean => (err as { code?: string }).code === 'ENOENT';
const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

/** utilio.ReadAtMost(file, maxConfigLength). */
export async function readManifest(hostPath: string): Promise<Buffer> {
  const fh = await open(hostPath, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_CONFIG_LENGTH) throw new Error(READ_LIMIT_REACHED);
    }
  } finally {
    await fh.close();
  }
}

async function extractFromFile(host: string, node: string, loc: ManifestLocation): Promise<Pod> {
  const content = await readManifest(host);
  const hit = loc.cache?.get(host);
  let result: Pod | Error;
  if (hit && hit.node === node && hit.content.equals(content)) {
    result = hit.result;
  } else {
    try {
      result = decodeStaticPod(content, { kind: 'file', path: node }, loc.nodeName);
    } catch (err) {
      result = asError(err);
    }
    loc.cache?.set(host, { content, node, result });
  }
  if (result instanceof Error) throw result;
  return structuredClone(result); // the consumer may change what it gets
}

/** Forgets the manifests that are gone. */
function pruneCache(loc: ManifestLocation, keep: ReadonlySet<string>): void {
  for (const key of loc.cache?.keys() ?? []) if (!keep.has(key)) loc.cache?.delete(key);
}

const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
const storeKey = (p: Pod): string => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`;

async function extractFromDir(loc: ManifestLocation): Promise<Listing> {
  const notices: ListingNotice[] = [];
  let names: string[];
  try {
    names = (await readdir(loc.hostPath)).filter((n) => !n.startsWith('.')).sort(byteOrder);
  } catch {
    names = []; // filepath.Glob ignores I/O errors
  }
  const store = new Map<string, Pod>();
  pruneCache(loc, new Set(names.map((n) => posix.join(loc.hostPath, n))));
  for (const name of names) {
    const host = posix.join(loc.hostPath, name);
    const node = posix.join(loc.nodePath, name);
    let info;
    try {
      info = await stat(host);
    } catch (err) {
      notices.push({ msg: 'Could not get metadata', path: node, err: asError(err) });
      continue;
    }
    if (info.isDirectory()) {
      notices.push({
        msg: 'Provided manifest path is a directory, not recursing into manifest path',
        path: node,
      });
    } else if (info.isFile()) {
      try {
        const pod = await extractFromFile(host, node, loc);
        store.set(storeKey(pod), pod);
      } catch (err) {
        if (!isNotExist(err))
          notices.push({ msg: 'Could not process manifest file', path: node, err: asError(err) });
      }
    } else {
      notices.push({
        msg: 'Manifest path is not a directory or file',
        path: node,
        mode: modeString(info.mode),
      });
    }
  }
  return { kind: 'pods', pods: [...store.values()], notices };
}

/** Go's os.FileMode.String(): `Srwxr-xr-x` for a socket, `prw-r--r--` for a named pipe. */
function modeString(mode: number): string {
  const types: Record<number, string> = {
    0o140000: 'S',
    0o010000: 'p',
    0o020000: 'Dc',
    0o060000: 'D',
  };
  const type = types[mode & 0o170000] ?? '?';
  const rwx = [...'rwxrwxrwx'].map((c, i) => (mode & (1 << (8 - i)) ? c : '-')).join('');
  return `${type}${rwx}`;
}

/** listConfig: what the file source sends (or does not send) for the current state of the path. */
export async function listManifests(loc: ManifestLocation): Promise<Listing> {
  let info;
  try {
    info = await stat(loc.hostPath);
  } catch (err) {
    if (isNotExist(err)) return { kind: 'missing' };
    return { kind: 'error', error: asError(err) };
  }
  if (info.isDirectory()) return extractFromDir(loc);
  if (info.isFile()) {
    pruneCache(loc, new Set([loc.hostPath]));
    try {
      return {
        kind: 'pods',
        pods: [await extractFromFile(loc.hostPath, loc.nodePath, loc)],
        notices: [],
      };
    } catch (err) {
      return { kind: 'error', error: asError(err), file: loc.nodePath };
    }
  }
  return { kind: 'error', error: new Error('path is not a directory or file') };
}
