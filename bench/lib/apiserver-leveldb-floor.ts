/**
 * The floor for durable writes: the `level` package directly, every write synced to disk
 * (sync: true, as the API server's storage writes), ~1.5 KB values. Two patterns:
 *   - one at a time: each put waits for the previous one (one fsync per write);
 *   - group commit: `clients` writers each wait for their own write, and whatever is queued
 *     while a batch is being synced goes into the next batch, as the server's CommitQueue does.
 */
import { join } from 'node:path';
import { Level } from 'level';
import { makeTempDir, removeTempDir } from './apiserver-children.js';
import { benchPod } from './apiserver-pod.js';
import { podName } from './apiserver-requests.js';

export interface LevelDbFloorOptions {
  clients: number;
  durationMs: number;
}

export interface LevelDbFloorResult {
  sequentialPerSecond: number;
  groupPerSecond: number;
  meanBatchSize: number;
  valueBytes: number;
}

type Db = Level<string, string>;

async function sequential(db: Db, value: string, durationMs: number): Promise<number> {
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < durationMs)
    await db.put(`/registry/pods/seq/${podName(n++)}`, value, { sync: true });
  return (n * 1000) / (performance.now() - start);
}

async function groupCommit(
  db: Db,
  value: string,
  o: LevelDbFloorOptions,
): Promise<{ perSecond: number; meanBatch: number }> {
  let queue: { key: string; done(): void }[] = [];
  let syncing = false;
  let batches = 0;
  const drain = async (): Promise<void> => {
    syncing = true;
    while (queue.length) {
      const group = queue;
      queue = [];
      await db.batch(
        group.map((w) => ({ type: 'put' as const, key: w.key, value })),
        { sync: true },
      );
      batches++;
      for (const w of group) w.done();
    }
    syncing = false;
  };
  const write = (key: string): Promise<void> =>
    new Promise((done) => {
      queue.push({ key, done });
      if (!syncing) void drain();
    });
  let n = 0;
  const start = performance.now();
  const writer = async (): Promise<void> => {
    while (performance.now() - start < o.durationMs)
      await write(`/registry/pods/group/${podName(n++)}`);
  };
  await Promise.all(Array.from({ length: o.clients }, writer));
  return { perSecond: (n * 1000) / (performance.now() - start), meanBatch: n / batches };
}

export async function measureLevelDb(o: LevelDbFloorOptions): Promise<LevelDbFloorResult> {
  const dir = await makeTempDir('kubelab-bench-leveldb-');
  const db: Db = new Level<string, string>(join(dir, 'db'), {
    keyEncoding: 'utf8',
    valueEncoding: 'utf8',
  });
  await db.open();
  try {
    const value = JSON.stringify(benchPod(podName(0), 'bench'));
    const sequentialPerSecond = await sequential(db, value, o.durationMs);
    const group = await groupCommit(db, value, o);
    return {
      sequentialPerSecond,
      groupPerSecond: group.perSecond,
      meanBatchSize: group.meanBatch,
      valueBytes: value.length,
    };
  } finally {
    await db.close();
    await removeTempDir(dir);
  }
}
