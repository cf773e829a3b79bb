/**
 * Makes a directory hold exactly these files, writing only those whose bytes differ, so that
 * unchanged bundles keep their mtime (the image builder fingerprints files by size and mtime,
 * and a rebuild happens only when something really changed).
 */
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

export interface SyncEntry {
  content: Buffer | string | { hostPath: string };
  mode?: number;
}

async function existing(dir: string, base = dir, out: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw err;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await existing(p, base, out);
    else out.push(relative(base, p));
  }
  return out;
}

/** Returns the relative paths written. Files not listed are removed (when `prune`). */
export async function syncDirectory(dir: string, files: Map<string, SyncEntry>, opts: { prune?: boolean } = {}): Promise<string[]> {
  const written: string[] = [];
  for (const [rel, entry] of files) {
    const target = join(dir, rel);
    const bytes = typeof entry.content === 'string' ? Buffer.from(entry.content) : Buffer.isBuffer(entry.content) ? entry.content : await readFile(entry.content.hostPath);
    const current = await readFile(target).catch(() => undefined);
    if (current && current.equals(bytes)) continue;
    await mkdir(dirname(target), { recursive: true });
    // Renamed into place: a kubelet starting meanwhile never reads a half-written bundle.
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    if (entry.mode !== undefined) await chmod(tmp, entry.mode);
    await rename(tmp, target);
    written.push(rel);
  }
  if (opts.prune) {
    for (const rel of await existing(dir)) {
      if (!files.has(rel) && !rel.endsWith('.tmp')) await rm(join(dir, rel), { force: true });
    }
  }
  return written;
}
