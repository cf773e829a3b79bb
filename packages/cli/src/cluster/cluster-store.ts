/**
 * cluster.json and the cluster directories under $KUBELAB_HOME/clusters: what `create cluster`
 * decided, read back by `get`, `delete` and the node commands. A half-created cluster may
 * have a directory without a record; callers that must cope (delete) use the directories.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clusterDir, kubelabHome, type ClusterRecord } from './layout.js';

export const CLUSTER_RECORD_FILE = 'cluster.json';

export function clusterRecordPath(name: string, env?: NodeJS.ProcessEnv): string {
  return join(clusterDir(name, env), CLUSTER_RECORD_FILE);
}

/** The record, or undefined when the cluster has none (never created, or half-created). */
export async function readClusterRecord(name: string, env?: NodeJS.ProcessEnv): Promise<ClusterRecord | undefined> {
  try {
    return JSON.parse(await readFile(clusterRecordPath(name, env), 'utf8')) as ClusterRecord;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || err instanceof SyntaxError) return undefined;
    throw err;
  }
}

/** The record, or an error naming the cluster when it does not exist. */
export async function requireClusterRecord(name: string, env?: NodeJS.ProcessEnv): Promise<ClusterRecord> {
  const record = await readClusterRecord(name, env);
  if (!record) throw new Error(`unknown cluster "${name}"`);
  return record;
}

export async function writeClusterRecord(record: ClusterRecord, env?: NodeJS.ProcessEnv): Promise<void> {
  const path = clusterRecordPath(record.name, env);
  await mkdir(clusterDir(record.name, env), { recursive: true });
  const tmp = `${path}.tmp`;
  await writeFile(tmp, `${JSON.stringify(record, null, 2)}\n`);
  await rename(tmp, path);
}

async function subdirectories(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Names of the clusters with a directory (complete or not). */
export function listClusterDirectories(env?: NodeJS.ProcessEnv): Promise<string[]> {
  return subdirectories(join(kubelabHome(env), 'clusters'));
}

/** Names of the node roots a cluster directory holds. */
export function listNodeDirectories(name: string, env?: NodeJS.ProcessEnv): Promise<string[]> {
  return subdirectories(join(clusterDir(name, env), 'nodes'));
}

/** Every host port the recorded clusters use (other than `except`). */
export async function recordedPorts(env?: NodeJS.ProcessEnv, except?: string): Promise<number[]> {
  const ports: number[] = [];
  for (const name of await listClusterDirectories(env)) {
    if (name === except) continue;
    const r = await readClusterRecord(name, env);
    if (!r) continue;
    ports.push(r.apiServer.port, ...r.nodes.flatMap((n) => [n.kubeletPort, n.healthzPort]));
    if (r.componentPorts) ports.push(r.componentPorts.kubeScheduler, r.componentPorts.kubeControllerManager);
  }
  return ports;
}
