/**
 * An image root filesystem described as node-view paths → sources (inline content, a host file
 * or directory, a symlink, an empty directory), resolved into ordered tar entries plus a
 * fingerprint of the inputs, so a rebuild happens only when something changed.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { TarEntry } from './tar-writer.js';

export type ImageFile =
  | string
  | Buffer
  | { content: string | Buffer; mode?: number }
  | { hostPath: string; mode?: number }
  | { symlink: string }
  | { directory: true; mode?: number };

export type ImageFiles = Record<string, ImageFile>;

export interface ResolvedRootfs {
  entries: TarEntry[];
  /** sha256 over paths, modes and contents (host files by size and mtime). */
  fingerprint: string;
}

function normalizePath(path: string): string {
  const clean = posix.normalize(`/${path}`).replace(/\/+$/, '');
  if (clean === '' || clean === '/') throw new Error(`image path ${JSON.stringify(path)} names the root`);
  return clean.slice(1);
}

async function walkHostDirectory(hostDir: string, imageDir: string, out: Map<string, TarEntry>, keys: string[]): Promise<void> {
  const names = (await readdir(hostDir)).sort();
  for (const name of names) {
    const hostPath = join(hostDir, name);
    const path = `${imageDir}/${name}`;
    const st = await lstat(hostPath);
    if (st.isSymbolicLink()) {
      const target = await readlink(hostPath);
      out.set(path, { type: 'symlink', path, target });
      keys.push(`${path} l ${target}`);
    } else if (st.isDirectory()) {
      out.set(path, { type: 'directory', path, mode: st.mode & 0o7777 });
      keys.push(`${path} d ${st.mode & 0o7777}`);
      await walkHostDirectory(hostPath, path, out, keys);
    } else if (st.isFile()) {
      out.set(path, { type: 'file', path, hostPath, size: st.size, mode: st.mode & 0o7777 });
      keys.push(`${path} f ${st.mode & 0o7777} ${st.size} ${st.mtimeMs}`);
    }
  }
}

async function addSource(path: string, source: ImageFile, out: Map<string, TarEntry>, keys: string[]): Promise<void> {
  if (typeof source === 'string' || Buffer.isBuffer(source)) {
    source = { content: source };
  }
  if ('content' in source) {
    const content = Buffer.isBuffer(source.content) ? source.content : Buffer.from(source.content, 'utf8');
    const mode = source.mode ?? 0o644;
    out.set(path, { type: 'file', path, content, mode });
    keys.push(`${path} c ${mode} ${createHash('sha256').update(content).digest('hex')}`);
  } else if ('symlink' in source) {
    out.set(path, { type: 'symlink', path, target: source.symlink });
    keys.push(`${path} l ${source.symlink}`);
  } else if ('directory' in source) {
    const mode = source.mode ?? 0o755;
    out.set(path, { type: 'directory', path, mode });
    keys.push(`${path} d ${mode}`);
  } else {
    const st = await stat(source.hostPath);
    if (st.isDirectory()) {
      const mode = source.mode ?? st.mode & 0o7777;
      out.set(path, { type: 'directory', path, mode });
      keys.push(`${path} d ${mode}`);
      await walkHostDirectory(source.hostPath, path, out, keys);
    } else {
      const mode = source.mode ?? st.mode & 0o7777;
      out.set(path, { type: 'file', path, hostPath: source.hostPath, size: st.size, mode });
      keys.push(`${path} f ${mode} ${st.size} ${st.mtimeMs}`);
    }
  }
}

/** Resolves the files into tar entries, parents before children, missing parents added as 0755 directories. */
export async function resolveRootfs(files: ImageFiles): Promise<ResolvedRootfs> {
  const out = new Map<string, TarEntry>();
  const keys: string[] = [];
  for (const [rawPath, source] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    await addSource(normalizePath(rawPath), source, out, keys);
  }
  for (const path of [...out.keys()]) {
    for (let dir = posix.dirname(path); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) {
      if (!out.has(dir)) out.set(dir, { type: 'directory', path: dir, mode: 0o755 });
    }
  }
  const entries = [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const fingerprint = createHash('sha256').update(keys.sort().join('\n')).digest('hex');
  return { entries, fingerprint };
}
