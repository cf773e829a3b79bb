/**
 * An in-memory Storage for unit tests, with the same write path (CommitQueue, write plans) and
 * the same bounded event history as LevelDbStorage, minus the disk.
 */
import { noopLogger, type ApiObject, type Logger } from '@kubelab/api';
import { CommitQueue, type StorageListener } from '../commit-queue.js';
import { RingBuffer } from '../ring-buffer.js';
import { SortedKeys } from '../sorted-keys.js';
import type {
  DeleteOptions,
  Storage,
  StorageEvent,
  StoredItem,
  TryUpdate,
  UpdateOptions,
} from '../storage.js';
import { planCreate, planDelete, planUpdate } from '../write-plans.js';

export interface MemoryStorageOptions {
  /** Events kept for history(); default 10000. */
  historySize?: number;
  logger?: Logger;
}

export class MemoryStorage implements Storage {
  private readonly objects = new Map<string, StoredItem>();
  private readonly keys = new SortedKeys();
  private readonly events: RingBuffer<StorageEvent>;
  /** The rv of the newest event dropped from the history (0: none dropped). */
  private droppedRv = 0;
  private appliedRv = 0;
  private readonly queue: CommitQueue;

  constructor(opts: MemoryStorageOptions = {}) {
    this.events = new RingBuffer(opts.historySize ?? 10000);
    this.queue = new CommitQueue({
      initialRv: 0,
      logger: opts.logger ?? noopLogger,
      backend: {
        read: (key) => this.objects.get(key),
        commit: (events) => this.apply(events),
      },
    });
  }

  create(key: string, obj: ApiObject): Promise<StoredItem> {
    return this.queue.submit(planCreate(key, obj));
  }

  get(key: string): Promise<StoredItem | undefined> {
    return Promise.resolve(this.objects.get(key));
  }

  list(prefix: string): Promise<{ items: StoredItem[]; rv: number }> {
    const items = this.keys.withPrefix(prefix).map((k) => this.objects.get(k) as StoredItem);
    return Promise.resolve({ items, rv: this.appliedRv });
  }

  guaranteedUpdate(key: string, tryUpdate: TryUpdate, opts?: UpdateOptions): Promise<StoredItem> {
    return this.queue.submit(planUpdate(key, tryUpdate, opts));
  }

  delete(key: string, opts?: DeleteOptions): Promise<StoredItem> {
    return this.queue.submit(planDelete(key, opts));
  }

  currentResourceVersion(): number {
    return this.queue.currentResourceVersion();
  }

  history(afterRv: number): Promise<{ events: StorageEvent[]; complete: boolean }> {
    const from = this.events.findFirst((ev) => ev.rv > afterRv);
    return Promise.resolve({
      events: this.events.slice(from),
      complete: afterRv >= this.droppedRv,
    });
  }

  subscribe(listener: StorageListener): () => void {
    return this.queue.subscribe(listener);
  }

  close(): Promise<void> {
    return this.queue.close();
  }

  private apply(events: StorageEvent[]): void {
    for (const ev of events) {
      if (ev.type === 'DELETED') {
        this.objects.delete(ev.key);
        this.keys.remove(ev.key);
      } else {
        if (!this.objects.has(ev.key)) this.keys.insert(ev.key);
        this.objects.set(ev.key, { key: ev.key, rv: ev.rv, json: ev.json });
      }
      const evicted = this.events.push({ type: ev.type, key: ev.key, rv: ev.rv, json: ev.json });
      if (evicted) this.droppedRv = evicted.rv;
      this.appliedRv = ev.rv;
    }
  }
}
