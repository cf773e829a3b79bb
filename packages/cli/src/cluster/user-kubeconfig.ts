/**
 * The user's kubeconfig, handled as kind handles it (kubeconfig/internal/kubeconfig paths.go,
 * merge.go, remove.go, lock.go): $KUBECONFIG (a path list) or ~/.kube/config; entries are
 * merged into the first listed file that exists (the last one when none does) and made current;
 * on delete they are removed from every listed file. Writers hold `<file>.lock`.
 */
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { mergeKubeconfig, removeFromKubeconfig } from '@kubelab/api/kubeconfig';
import { userContextName } from './kubeconfigs.js';

export function kubeconfigPaths(env: NodeJS.ProcessEnv): string[] {
  const listed = [...new Set((env.KUBECONFIG ?? '').split(delimiter).filter(Boolean))];
  if (listed.length > 0) return listed;
  return [join(env.HOME || homedir(), '.kube', 'config')];
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function pathForMerge(env: NodeJS.ProcessEnv): Promise<string> {
  const paths = kubeconfigPaths(env);
  if (paths.length === 1) return paths[0] as string;
  for (const p of paths) if (await isFile(p)) return p;
  return paths[paths.length - 1] as string;
}

async function withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await (await open(lock, 'wx')).close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (Date.now() > deadline) throw new Error(`failed to lock config file: ${lock} exists (remove it if no kubelab or kind is running)`);
      // Another writer holds the file; its critical section is a read and a write.
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, path);
}

/** Merges the cluster's entries (named kubelab-<cluster>) and makes its context current; returns the file. */
export async function exportUserKubeconfig(kubeconfig: string, env: NodeJS.ProcessEnv): Promise<string> {
  const path = await pathForMerge(env);
  await withLock(path, async () => {
    const merged = mergeKubeconfig(await readOptional(path), kubeconfig, { setCurrent: true });
    await writeAtomically(path, merged);
  });
  return path;
}

/** Removes the cluster's entries from every kubeconfig file listed; files without them are left alone. */
export async function removeUserKubeconfig(cluster: string, env: NodeJS.ProcessEnv): Promise<void> {
  const name = userContextName(cluster);
  for (const path of kubeconfigPaths(env)) {
    if (!(await isFile(path))) continue;
    await withLock(path, async () => {
      const text = await readOptional(path);
      if (text === undefined || !text.includes(name)) return;
      await writeAtomically(path, removeFromKubeconfig(text, { cluster: name, user: name, context: name }));
    });
  }
}
