/** A FIFO lock for commands that change shared state (a worker's schedulability, its taints). */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  /** Runs fn once every earlier holder has finished; releases the lock also when fn throws. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/** Runs tasks with at most `size` in flight, in the order given. */
export async function runPool<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
