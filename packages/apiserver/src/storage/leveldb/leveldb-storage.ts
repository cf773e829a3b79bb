/**
 * The durable Storage: one LevelDB database per apiserver. Every group of writes (objects, event
 * log entries, the rv counter and log trimming) is one atomic batch written with sync: true, so
 * an acknowledged write survives SIGKILL of the process and, as far as LevelDB's fsync allows,
 * a power cut. The resourceVersion counter resumes from the store after a restart.
 */
import { mkdir } from 'node:fs/promises';
import { Level } from 'level';
import { noopLogger, type ApiObject, type Logger } from '@kubelab/api';
import { CommitQueue, type StorageListener } from '../commit-queue.js';
import type {
  DeleteOptions,
  Storage,
  StorageEvent,
  StoredItem,
  TryUpdate,
  UpdateOptions,
} from '../storage.js';
import { planCreate, planDelete, planUpdate } from '../write-plans.js';
import { decodeLogEntry, encodeLogEntry, planTrim } from './event-log.js';
import {
  LOG_END,
  OBJECT_RANGE,
  META_DROPPED_KEY,
  META_RV_KEY,
  isObjectKey,
  logKey,
  parseRevision,
  prefixEnd,
} from './keys.js';
import { decodeStoredValue, encodeStoredValue } from './stored-value.js';

export interface LevelDbStorageOptions {
  /** Events kept in the persisted log for history(); default 10000. */
  historySize?: number;
  logger?: Logger;
}

type Db = Level<string, string>;
type BatchOp = { type: 'put'; key: string; value: string } | { type: 'del'; key: string };

export class LevelDbStorage implements Storage {
  private readonly queue: CommitQueue;

  private constructor(
    private readonly db: Db,
    initialRv: number,
    private droppedRv: number,
    private readonly historySize: number,
    logger: Logger,
  ) {
    this.queue = new CommitQueue({
      initialRv,
      logger,
      backend: { read: (key) => this.read(key), commit: (events) => this.commit(events) },
    });
  }

  static async open(dir: string, opts: LevelDbStorageOptions = {}): Promise<LevelDbStorage> {
    const historySize = opts.historySize ?? 10000;
    const logger = (opts.logger ?? noopLogger).named('leveldb-storage.ts');
    await mkdir(dir, { recursive: true });
    const db: Db = new Level<string, string>(dir, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
    await db.open();
    try {
      const rv = parseRevision(await db.get(META_RV_KEY), META_RV_KEY);
      let dropped = parseRevision(await db.get(META_DROPPED_KEY), META_DROPPED_KEY);
      if (rv - dropped > historySize) {
        // The history shrank since the last run: move the marker first, then drop entries.
        dropped = rv - historySize;
        await db.put(META_DROPPED_KEY, String(dropped), { sync: true });
      }
      // Also removes entries left behind by a crash between the two steps above.
      await db.clear({ gt: logKey(0), lte: logKey(dropped) });
      logger.info('Opened storage', { dir, resourceVersion: rv, historyDroppedRv: dropped });
      return new LevelDbStorage(db, rv, dropped, historySize, logger);
    } catch (err) {
      await db.close();
      throw new Error(`failed to open storage at ${dir}`, { cause: err });
    }
  }

  create(key: string, obj: ApiObject): Promise<StoredItem> {
    if (!isObjectKey(key)) return Promise.reject(badKey(key));
    return this.queue.submit(planCreate(key, obj));
  }

  async get(key: string): Promise<StoredItem | undefined> {
    if (!isObjectKey(key)) return undefined;
    const v = await this.db.get(key);
    return v === undefined ? undefined : decodeStoredValue(key, v);
  }

  async list(prefix: string): Promise<{ items: StoredItem[]; rv: number }> {
    const snapshot = this.db.snapshot();
    try {
      // The counter is written in the same batch as the objects: read both from one snapshot.
      const rv = parseRevision(this.db.getSync(META_RV_KEY, { snapshot }), META_RV_KEY);
      if (prefix !== '' && !isObjectKey(prefix)) return { items: [], rv };
      const range = prefix === '' ? OBJECT_RANGE : { gte: prefix, lt: prefixEnd(prefix) };
      const entries = await this.db.iterator({ ...range, snapshot }).all();
      return { items: entries.map(([k, v]) => decodeStoredValue(k, v)), rv };
    } finally {
      await snapshot.close();
    }
  }

  guaranteedUpdate(key: string, tryUpdate: TryUpdate, opts?: UpdateOptions): Promise<StoredItem> {
    if (!isObjectKey(key)) return Promise.reject(badKey(key));
    return this.queue.submit(planUpdate(key, tryUpdate, opts));
  }

  delete(key: string, opts?: DeleteOptions): Promise<StoredItem> {
    if (!isObjectKey(key)) return Promise.reject(badKey(key));
    return this.queue.submit(planDelete(key, opts));
  }

  currentResourceVersion(): number {
    return this.queue.currentResourceVersion();
  }

  async history(afterRv: number): Promise<{ events: StorageEvent[]; complete: boolean }> {
    const snapshot = this.db.snapshot();
    try {
      const dropped = parseRevision(
        this.db.getSync(META_DROPPED_KEY, { snapshot }),
        META_DROPPED_KEY,
      );
      const values = await this.db.values({ gt: logKey(afterRv), lt: LOG_END, snapshot }).all();
      return { events: values.map(decodeLogEntry), complete: afterRv >= dropped };
    } finally {
      await snapshot.close();
    }
  }

  subscribe(listener: StorageListener): () => void {
    return this.queue.subscribe(listener);
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.db.close();
  }

  private read(key: string): StoredItem | undefined {
    const v = this.db.getSync(key);
    return v === undefined ? undefined : decodeStoredValue(key, v);
  }

  /** One atomic, synced batch for a group of writes (rvs are consecutive). */
  private async commit(events: StorageEvent[]): Promise<void> {
    const first = (events[0] as StorageEvent).rv;
    const last = (events[events.length - 1] as StorageEvent).rv;
    const trim = planTrim(this.droppedRv, first, last, this.historySize);
    const ops: BatchOp[] = [];
    for (const ev of events) {
      if (ev.type === 'DELETED') ops.push({ type: 'del', key: ev.key });
      else ops.push({ type: 'put', key: ev.key, value: encodeStoredValue(ev.rv, ev.json) });
      if (ev.rv > trim.droppedRv) {
        ops.push({ type: 'put', key: logKey(ev.rv), value: encodeLogEntry(ev) });
      }
    }
    for (let rv = trim.deleteFrom + 1; rv <= trim.deleteTo; rv++) {
      ops.push({ type: 'del', key: logKey(rv) });
    }
    ops.push({ type: 'put', key: META_RV_KEY, value: String(last) });
    if (trim.droppedRv !== this.droppedRv) {
      ops.push({ type: 'put', key: META_DROPPED_KEY, value: String(trim.droppedRv) });
    }
    await this.db.batch(ops, { sync: true });
    this.droppedRv = trim.droppedRv;
  }
}

function badKey(key: string): Error {
  return new Error(`storage keys start with "/": ${JSON.stringify(key)}`);
}
