/**
 * The pods of one namespace as a client sees them: a LIST, then a WATCH from its
 * resourceVersion (re-established if the server ends it). Conditions registered with `until`
 * are checked on every change and resolve with the time the change that satisfied them was
 * read: the LIST response or the watch event.
 */
import type { Pod, PodList } from '@kubelab/api';
import type { BenchApiClient } from './kubelet-api-client.js';
import { wallNow } from './kubelet-timing.js';

export type PodsCondition = (pods: ReadonlyMap<string, Pod>) => boolean;

interface Waiter {
  condition: PodsCondition;
  resolve: (atMs: number) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class PodWatch {
  readonly pods = new Map<string, Pod>();
  private readonly waiters = new Set<Waiter>();
  private closed = false;
  private stopWatch: (() => void) | undefined;
  private resourceVersion = '';

  constructor(
    private readonly client: BenchApiClient,
    private readonly namespace: string,
  ) {}

  /** Lists, checks every condition against the list, then follows changes. */
  async start(): Promise<void> {
    const list = await this.client.expectOk<PodList>(
      'GET',
      `/api/v1/namespaces/${this.namespace}/pods`,
    );
    const receivedMs = wallNow();
    for (const p of list.items) this.pods.set(p.metadata?.name ?? '', p);
    this.resourceVersion = list.metadata?.resourceVersion ?? '';
    this.check(receivedMs);
    await this.follow();
  }

  /** Resolves with the time the pods first satisfied the condition (checked at once, too). */
  until(condition: PodsCondition, timeoutMs = 60_000, what = 'pods'): Promise<number> {
    if (this.resourceVersion && condition(this.pods)) return Promise.resolve(wallNow());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        condition,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  close(): void {
    this.closed = true;
    this.stopWatch?.();
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error('pod watch closed'));
    }
    this.waiters.clear();
  }

  private async follow(): Promise<void> {
    const path = `/api/v1/namespaces/${this.namespace}/pods?watch=1&allowWatchBookmarks=false&resourceVersion=${encodeURIComponent(this.resourceVersion)}`;
    const w = await this.client.watch<Pod>(path, (e) => {
      const name = e.object.metadata?.name ?? '';
      if (e.object.metadata?.resourceVersion)
        this.resourceVersion = e.object.metadata.resourceVersion;
      if (e.type === 'DELETED') this.pods.delete(name);
      else if (e.type === 'ADDED' || e.type === 'MODIFIED') this.pods.set(name, e.object);
      else return;
      this.check(e.receivedMs);
    });
    this.stopWatch = w.close;
    void w.done.then(() => {
      // The server ended the watch (timeout or restart): pick up where it left off, if it answers.
      if (!this.closed) this.follow().catch(() => undefined);
    });
  }

  private check(atMs: number): void {
    for (const w of this.waiters) {
      if (w.condition(this.pods)) {
        clearTimeout(w.timer);
        this.waiters.delete(w);
        w.resolve(atMs);
      }
    }
  }
}

export const podRunning = (pods: ReadonlyMap<string, Pod>, name: string): boolean =>
  pods.get(name)?.status?.phase === 'Running';

/** Every name present (and, with running, in phase Running). */
export const allPresent =
  (names: string[], running = false): PodsCondition =>
  (pods) =>
    names.every((n) => pods.has(n) && (!running || podRunning(pods, n)));

export const noneLeft =
  (names: string[]): PodsCondition =>
  (pods) =>
    names.every((n) => !pods.has(n));
