/**
 * The serialised write path shared by every Storage: writes queue up, and each drain takes
 * everything queued so far as one group (group commit). Plans run one after another against a
 * view that includes the group's earlier writes, each write gets the next resourceVersion, the
 * backend makes the whole group durable in one atomic step, and only then are listeners told
 * (in resourceVersion order) and the writes' promises resolved.
 * So: rv order == commit order == notification order.
 *
 * Plans (and so tryUpdate and validateDeletion) run inside the serialised section: they may
 * await, which holds up the group, but must not wait for another write to the same storage,
 * which would queue behind them forever.
 */
import type { Logger } from '@kubelab/api';
import type { StorageEvent, StoredItem } from './storage.js';
import type { WritePlan, WriteView } from './write-plans.js';

export interface CommitBackend {
  /** The committed state of key (synchronous: plans run inside the serialised section). */
  read(key: string): StoredItem | undefined;
  /** Makes the events durable together (all or none), in order. */
  commit(events: StorageEvent[]): void | Promise<void>;
}

export interface CommitQueueOptions {
  backend: CommitBackend;
  /** The resourceVersion of the latest write already in the backend. */
  initialRv: number;
  logger: Logger;
  /** Most writes committed together; default 1000. */
  maxGroup?: number;
}

export type StorageListener = (ev: StorageEvent) => void;

interface Job {
  plan: WritePlan;
  resolve(item: StoredItem): void;
  reject(err: unknown): void;
  item?: StoredItem;
  failed?: boolean;
  error?: unknown;
}

export class CommitQueue {
  private readonly backend: CommitBackend;
  private readonly logger: Logger;
  private readonly maxGroup: number;
  private queue: Job[] = [];
  private listeners: readonly StorageListener[] = [];
  private draining: Promise<void> | null = null;
  private closed = false;
  private rv: number;

  constructor(opts: CommitQueueOptions) {
    this.backend = opts.backend;
    this.logger = opts.logger;
    this.rv = opts.initialRv;
    this.maxGroup = opts.maxGroup ?? 1000;
  }

  /** The resourceVersion of the latest write whose listeners have been called. */
  currentResourceVersion(): number {
    return this.rv;
  }

  submit(plan: WritePlan): Promise<StoredItem> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    return new Promise<StoredItem>((resolve, reject) => {
      this.queue.push({ plan, resolve, reject });
      // Start on a microtask so that writes issued in the same tick share one group.
      this.draining ??= Promise.resolve().then(() => this.drain());
    });
  }

  subscribe(listener: StorageListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Refuses new writes and waits for the queued ones. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const jobs =
          this.queue.length <= this.maxGroup ? this.queue : this.queue.slice(0, this.maxGroup);
        this.queue = jobs === this.queue ? [] : this.queue.slice(this.maxGroup);
        await this.runGroup(jobs);
      }
    } finally {
      this.draining = null;
    }
  }

  private async runGroup(jobs: Job[]): Promise<void> {
    const overlay = new Map<string, StoredItem | null>();
    const view: WriteView = {
      read: (key) => {
        const o = overlay.get(key);
        return o === undefined ? this.backend.read(key) : (o ?? undefined);
      },
    };
    const events: StorageEvent[] = [];
    let rv = this.rv;
    for (const job of jobs) {
      try {
        let out = job.plan(view, rv + 1);
        if (out instanceof Promise) out = await out;
        if (out.kind === 'noop') {
          job.item = out.item;
          continue;
        }
        const ev = out.event;
        rv = ev.rv;
        events.push(ev);
        job.item = { key: ev.key, rv: ev.rv, json: ev.json };
        overlay.set(ev.key, ev.type === 'DELETED' ? null : job.item);
      } catch (err) {
        job.failed = true;
        job.error = err;
      }
    }
    if (events.length > 0 && !(await this.commit(events, jobs))) return;
    for (const ev of events) {
      this.rv = ev.rv;
      this.notify(ev);
    }
    for (const job of jobs) {
      if (job.failed) job.reject(job.error);
      else if (job.item) job.resolve(job.item);
    }
  }

  private async commit(events: StorageEvent[], jobs: Job[]): Promise<boolean> {
    try {
      const c = this.backend.commit(events);
      if (c) await c;
      return true;
    } catch (err) {
      this.logger.error('Failed to commit writes', err, { writes: events.length });
      for (const job of jobs) job.reject(job.failed ? job.error : err);
      return false;
    }
  }

  private notify(ev: StorageEvent): void {
    for (const l of this.listeners) {
      try {
        l(ev);
      } catch (err) {
        this.logger.error('Storage listener failed', err, { key: ev.key, rv: ev.rv });
      }
    }
  }
}
