/**
 * The state behind FakeResourceClient: objects, a resourceVersion counter, the event history
 * watches replay from, open watches, and injected faults. Several clients (namespaces) can
 * share one store.
 */
import type { KubeObject } from '../client/resource-client.js';
import { resourceExpired } from '../errors.js';
import type { ResourceInfo } from '../resources.js';
import type { WatchEvent } from '../types/index.js';
import { FakeWatchStream } from './fake-watch-stream.js';

export type FakeOperation =
  'get' | 'list' | 'create' | 'update' | 'updateStatus' | 'patch' | 'delete' | 'watch';

export interface FakeStoreOptions {
  /** How a watch from a compacted resourceVersion fails: an ERROR event (default, as the
   * watch cache answers) or an HTTP 410 response. */
  expiredWatchAs?: 'event' | 'http';
}

const rvOf = (o: KubeObject): number => Number(o.metadata?.resourceVersion ?? 0);

export class FakeResourceStore<T extends KubeObject> {
  readonly calls: { op: FakeOperation; namespace: string | undefined; options?: unknown }[] = [];
  private readonly objects = new Map<string, T>();
  private readonly history: WatchEvent<T>[] = [];
  private readonly streams = new Set<FakeWatchStream<T>>();
  private readonly faults = new Map<FakeOperation, Error[]>();
  private watchWaiters: { count: number; resolve: () => void }[] = [];
  private rv = 0;
  private uids = 0;
  private oldestRv = 0;

  constructor(
    readonly info: ResourceInfo,
    private readonly opts: FakeStoreOptions = {},
  ) {}

  get resourceVersion(): string {
    return String(this.rv);
  }

  nextResourceVersion(): string {
    return String(++this.rv);
  }

  nextUid(): string {
    return `fake-uid-${++this.uids}`;
  }

  /** Makes the next `op` call fail with `err` (queue several to fail several calls). */
  failNext(op: FakeOperation, err: Error): void {
    this.faults.set(op, [...(this.faults.get(op) ?? []), err]);
  }

  enter(op: FakeOperation, namespace: string | undefined, options?: unknown): void {
    this.calls.push({ op, namespace, ...(options === undefined ? {} : { options }) });
    const err = this.faults.get(op)?.shift();
    if (err) throw err;
  }

  read(key: string): T | undefined {
    const obj = this.objects.get(key);
    return obj && structuredClone(obj);
  }

  all(): T[] {
    return [...this.objects.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, o]) => structuredClone(o));
  }

  /** Commits a change (the object already carries its new resourceVersion) and fans it out. */
  commit(type: 'ADDED' | 'MODIFIED' | 'DELETED', key: string, obj: T): void {
    if (type === 'DELETED') this.objects.delete(key);
    else this.objects.set(key, structuredClone(obj));
    const ev: WatchEvent<T> = { type, object: structuredClone(obj) };
    this.history.push(ev);
    for (const s of this.streams) s.push(ev);
  }

  /** Forgets the event history: watches from any older resourceVersion now get 410. */
  compact(): void {
    this.history.length = 0;
    this.oldestRv = this.rv;
  }

  /** Ends every open watch, normally (as a server timeout does) or with an error. */
  endWatches(err?: Error): void {
    for (const s of this.streams) s.end(err);
    this.streams.clear();
  }

  /** Delivers a raw event (ERROR, BOOKMARK, a duplicate ...) to every open watch. */
  sendWatchEvent(ev: WatchEvent<T>): void {
    for (const s of this.streams) s.push(ev);
  }

  get activeWatches(): number {
    return this.streams.size;
  }

  /** Resolves once at least `count` watches are open. */
  waitForWatches(count = 1): Promise<void> {
    if (this.streams.size >= count) return Promise.resolve();
    return new Promise((resolve) => this.watchWaiters.push({ count, resolve }));
  }

  async *watch(
    from: string | undefined,
    accepts: (obj: T) => boolean,
    signal?: AbortSignal,
  ): AsyncGenerator<WatchEvent<T>> {
    if (from && from !== '0' && Number(from) < this.oldestRv) {
      const err = resourceExpired(`too old resource version: ${from} (${this.oldestRv + 1})`);
      if (this.opts.expiredWatchAs === 'http') throw err;
      yield { type: 'ERROR', object: err.toStatus() as unknown as T };
      return;
    }
    const stream = new FakeWatchStream<T>(
      (ev) => ev.type === 'ERROR' || ev.type === 'BOOKMARK' || accepts(ev.object),
    );
    if (!from || from === '0')
      for (const object of this.all()) stream.push({ type: 'ADDED', object });
    else for (const ev of this.history) if (rvOf(ev.object) > Number(from)) stream.push(ev);
    this.streams.add(stream);
    const ready = this.watchWaiters.filter((w) => this.streams.size >= w.count);
    this.watchWaiters = this.watchWaiters.filter((w) => this.streams.size < w.count);
    for (const w of ready) w.resolve();
    try {
      yield* stream.events(signal);
    } finally {
      this.streams.delete(stream);
    }
  }
}
