/**
 * Docker's event stream for one lab's containers (create/start/die/destroy), kept as a log with
 * the daemon's own timestamps, so that "container started" is when Docker says it started, not
 * when a poll happened to notice it.
 */
import type Docker from 'dockerode';
import { wallNow } from './kubelet-timing.js';

export interface ContainerEvent {
  action: string;
  id: string;
  labels: Record<string, string>;
  /** When the daemon emitted it (its timeNano), in epoch milliseconds. */
  atMs: number;
  /** When this process read it. */
  receivedMs: number;
}

type Match = (e: ContainerEvent) => boolean;

interface Waiter {
  from: number;
  match: Match;
  resolve: (e: ContainerEvent) => void;
}

export class DockerEventLog {
  readonly events: ContainerEvent[] = [];
  private readonly waiters = new Set<Waiter>();
  private stream: NodeJS.ReadableStream | undefined;
  private buffered = '';

  private constructor() {}

  /** Subscribed once this resolves: Docker has answered the events request. */
  static async open(docker: Docker, clusterName: string): Promise<DockerEventLog> {
    const log = new DockerEventLog();
    const stream = (await docker.getEvents({
      filters: {
        type: ['container'],
        event: ['create', 'start', 'die', 'destroy'],
        label: [`io.kubelab.cluster=${clusterName}`],
      },
    })) as NodeJS.ReadableStream;
    log.stream = stream;
    stream.on('data', (chunk: Buffer) => log.onData(chunk.toString('utf8')));
    stream.on('error', () => undefined);
    return log;
  }

  /** A position in the log: waits from here on ignore what came before. */
  mark(): number {
    return this.events.length;
  }

  /** The first event from `from` on that matches, as soon as Docker reports it. */
  waitFor(
    match: Match,
    from: number,
    timeoutMs = 60_000,
    what = 'a Docker event',
  ): Promise<ContainerEvent> {
    const seen = this.events.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = {
        from,
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Events from `from` on that match. */
  since(from: number, match: Match): ContainerEvent[] {
    return this.events.slice(from).filter(match);
  }

  /** Resolves once no event came for quietMs from now on (or after maxMs): the runtime has settled. */
  async quiet(quietMs: number, maxMs: number): Promise<void> {
    const start = wallNow();
    const until = start + maxMs;
    for (;;) {
      const last = Math.max(start, this.events[this.events.length - 1]?.receivedMs ?? 0);
      const now = wallNow();
      if (now - last >= quietMs || now >= until) return;
      await new Promise((r) => setTimeout(r, Math.min(quietMs - (now - last), until - now)));
    }
  }

  close(): void {
    const s = this.stream as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
    s?.destroy?.();
    for (const w of this.waiters) this.waiters.delete(w);
  }

  private onData(text: string): void {
    const receivedMs = wallNow();
    this.buffered += text;
    let nl: number;
    while ((nl = this.buffered.indexOf('\n')) >= 0) {
      const line = this.buffered.slice(0, nl).trim();
      this.buffered = this.buffered.slice(nl + 1);
      if (line) this.add(line, receivedMs);
    }
  }

  private add(line: string, receivedMs: number): void {
    const raw = JSON.parse(line) as {
      Action?: string;
      status?: string;
      id?: string;
      timeNano?: number;
      Actor?: { ID?: string; Attributes?: Record<string, string> };
    };
    const e: ContainerEvent = {
      action: raw.Action ?? raw.status ?? '',
      id: raw.Actor?.ID ?? raw.id ?? '',
      labels: raw.Actor?.Attributes ?? {},
      atMs: raw.timeNano !== undefined ? raw.timeNano / 1e6 : receivedMs,
      receivedMs,
    };
    this.events.push(e);
    const index = this.events.length - 1;
    for (const w of this.waiters) {
      if (index >= w.from && w.match(e)) {
        this.waiters.delete(w);
        w.resolve(e);
      }
    }
  }
}

/** The `start` of a kubelet-run container: `POD` for the sandbox, else the container's name. */
export const podContainerStarted =
  (podName: string, container: string, action = 'start'): Match =>
  (e) =>
    e.action === action &&
    e.labels['io.kubernetes.pod.name'] === podName &&
    e.labels['io.kubernetes.container.name'] === container;
