/**
 * TimedWorkerQueue (pkg/controller/tainteviction/timed_workers.go): work per key that fires at
 * a time, can be cancelled, and remembers when it was first scheduled.
 */
import type { Clock } from '@kubelab/api';

interface TimedWorker {
  createdAt: number;
  fireAt: number;
  cancel: AbortController;
}

export class TimedWorkerQueue {
  private readonly workers = new Map<string, TimedWorker>();

  constructor(
    private readonly clock: Clock,
    private readonly fn: (key: string) => Promise<void>,
  ) {}

  get(key: string): { createdAt: number; fireAt: number } | undefined {
    return this.workers.get(key);
  }

  addWork(key: string, createdAt: number, fireAt: number): void {
    if (this.workers.has(key)) return;
    const cancel = new AbortController();
    this.workers.set(key, { createdAt, fireAt, cancel });
    const run = async (): Promise<void> => {
      const delay = fireAt - this.clock.now();
      if (delay > 0) await this.clock.sleep(delay, cancel.signal);
      if (cancel.signal.aborted) return;
      try {
        await this.fn(key);
      } finally {
        if (this.workers.get(key)?.cancel === cancel) this.workers.delete(key);
      }
    };
    void run().catch(() => undefined);
  }

  /** Cancels pending work; true when there was some. */
  cancelWork(key: string): boolean {
    const w = this.workers.get(key);
    if (!w) return false;
    w.cancel.abort();
    this.workers.delete(key);
    return true;
  }

  stop(): void {
    for (const w of this.workers.values()) w.cancel.abort();
    this.workers.clear();
  }
}
