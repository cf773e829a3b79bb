/**
 * AtomicWriter (pkg/volume/util/atomic_writer.go): projects a set of files into a volume
 * directory so that a consumer never sees a half-written update. The files live in a hidden
 * timestamped directory (`..2026_01_02_15_04_05.xxxxxx`), `..data` is a symlink to it, and each
 * top-level user-visible name is a symlink into `..data`. An update writes a new timestamped
 * directory and renames a fresh `..data_tmp` symlink over `..data` (rename is atomic); unchanged
 * content writes nothing. Names starting with `..` are reserved.
 */
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { posix } from 'node:path';

export interface FileProjection {
  data: Buffer;
  /** File mode bits, e.g. 0o644. */
  mode: number;
}

export type Payload = Map<string, FileProjection>;

const DATA_DIR = '..data';
const NEW_DATA_DIR = '..data_tmp';
const MAX_FILE_NAME_LENGTH = 255;
const MAX_PATH_LENGTH = 4096;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `..2006_01_02_15_04_05.` in UTC. */
export function timestampDirPrefix(ms: number): string {
  const d = new Date(ms);
  return (
    `..${d.getUTCFullYear()}_${pad(d.getUTCMonth() + 1)}_${pad(d.getUTCDate())}_` +
    `${pad(d.getUTCHours())}_${pad(d.getUTCMinutes())}_${pad(d.getUTCSeconds())}.`
  );
}

/** validatePath: relative, no `..` element, not starting with `..`, bounded lengths. */
export function validatePayloadPath(p: string): void {
  if (p === '') throw new Error('invalid path: must not be empty: ""');
  if (p.startsWith('/')) throw new Error(`invalid path: must be relative path: ${p}`);
  if (p.length > MAX_PATH_LENGTH) {
    throw new Error(`invalid path: must be less than or equal to ${MAX_PATH_LENGTH} characters`);
  }
  const items = p.split('/');
  for (const item of items) {
    if (item === '..') throw new Error(`invalid path: must not contain '..': ${p}`);
    if (item.length > MAX_FILE_NAME_LENGTH) {
      throw new Error(`invalid path: filenames must be less than or equal to ${MAX_FILE_NAME_LENGTH} characters`);
    }
  }
  const first = items[0] ?? '';
  if (first.startsWith('..') && first.length > 2) throw new Error(`invalid path: must not start with '..': ${p}`);
}

const cleanPath = (p: string): string => posix.normalize(p).replace(/\/+$/, '');

const isNotExist = (err: unknown): boolean => (err as NodeJS.ErrnoException).code === 'ENOENT';

export class AtomicWriter {
  constructor(
    readonly targetDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Writes the payload; resolves with whether anything on disk changed. */
  async write(payload: Payload): Promise<boolean> {
    const clean: Payload = new Map();
    for (const [p, content] of payload) {
      validatePayloadPath(p);
      clean.set(cleanPath(p), content);
    }
    await stat(this.targetDir);
    const dataDirPath = posix.join(this.targetDir, DATA_DIR);
    const oldTsDir = await readlink(dataDirPath).catch((err: unknown) => {
      if (isNotExist(err)) return '';
      throw err;
    });
    const oldTsPath = oldTsDir ? posix.join(this.targetDir, oldTsDir) : '';
    let toRemove = new Set<string>();
    if (oldTsPath) {
      toRemove = await this.pathsToRemove(clean, oldTsPath);
      if (toRemove.size === 0 && !(await shouldWritePayload(clean, oldTsPath))) return false;
    }
    const tsDir = await mkdtemp(posix.join(this.targetDir, timestampDirPrefix(this.now())));
    await chmod(tsDir, 0o755);
    try {
      await writePayloadToDir(clean, tsDir);
      const newDataDirPath = posix.join(this.targetDir, NEW_DATA_DIR);
      await rm(newDataDirPath, { force: true });
      await symlink(posix.basename(tsDir), newDataDirPath);
      await rename(newDataDirPath, dataDirPath);
    } catch (err) {
      await rm(tsDir, { recursive: true, force: true });
      throw err;
    }
    await this.createUserVisibleFiles(clean);
    for (const p of toRemove) {
      if (!p.includes('/')) await rm(posix.join(this.targetDir, p), { force: true, recursive: false });
    }
    if (oldTsPath) await rm(oldTsPath, { recursive: true, force: true });
    return true;
  }

  /** Every path of the old version that neither is nor leads to a path of the new payload. */
  private async pathsToRemove(payload: Payload, oldTsPath: string): Promise<Set<string>> {
    const current = await walk(oldTsPath).catch((err: unknown) => {
      if (isNotExist(err)) return [];
      throw err;
    });
    const wanted = new Set<string>();
    for (const file of payload.keys()) {
      for (let sub = file; sub !== '' && sub !== '.'; sub = posix.dirname(sub)) wanted.add(sub);
    }
    return new Set(current.filter((p) => !wanted.has(p)));
  }

  private async createUserVisibleFiles(payload: Payload): Promise<void> {
    const names = new Set([...payload.keys()].map((p) => p.split('/')[0] ?? p));
    for (const name of names) {
      const visible = posix.join(this.targetDir, name);
      try {
        await lstat(visible);
      } catch (err) {
        if (!isNotExist(err)) throw err;
        await symlink(posix.join(DATA_DIR, name), visible);
      }
    }
  }
}

async function walk(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    out.push(rel);
    if (entry.isDirectory()) out.push(...(await walk(posix.join(dir, entry.name), rel)));
  }
  return out;
}

async function shouldWritePayload(payload: Payload, oldTsPath: string): Promise<boolean> {
  for (const [p, content] of payload) {
    const full = posix.join(oldTsPath, p);
    try {
      const st = await lstat(full);
      if ((st.mode & 0o7777) !== content.mode) return true;
      if (!(await readFile(full)).equals(content.data)) return true;
    } catch (err) {
      if (isNotExist(err)) return true;
      throw err;
    }
  }
  return false;
}

async function writePayloadToDir(payload: Payload, dir: string): Promise<void> {
  for (const [p, { data, mode }] of payload) {
    const full = posix.join(dir, p);
    await mkdir(posix.dirname(full), { recursive: true });
    await writeFile(full, data, { mode });
    await chmod(full, mode);
  }
}
