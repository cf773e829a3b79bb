/**
 * Docker's `start` events for one cluster's containers, with the daemon's own timestamps: when
 * each control-plane pod's sandbox and container started, as Docker saw it. Subscribed before
 * the CLI is spawned.
 */
import type Dockerode from 'dockerode';

export interface StartEvent {
  /** `<pod>/<container>` (container POD for a sandbox). */
  what: string;
  /** Epoch ms (the event's timeNano). */
  at: number;
}

export class ClusterStarts {
  readonly starts: StartEvent[] = [];
  private buffered = '';

  private constructor(private readonly stream: NodeJS.ReadableStream & { destroy?: () => void }) {}

  static async open(docker: Dockerode, cluster: string): Promise<ClusterStarts> {
    const stream = (await docker.getEvents({
      filters: { type: ['container'], event: ['start'], label: [`io.kubelab.cluster=${cluster}`] },
    })) as NodeJS.ReadableStream;
    const log = new ClusterStarts(stream);
    stream.on('data', (chunk: Buffer) => log.onData(chunk.toString('utf8')));
    stream.on('error', () => undefined);
    return log;
  }

  /** The first start of a container whose `<pod>/<container>` starts with `prefix`. */
  first(prefix: string): number | undefined {
    return this.starts.find((s) => s.what.startsWith(prefix))?.at;
  }

  close(): void {
    this.stream.destroy?.();
  }

  private onData(text: string): void {
    const parts = (this.buffered + text).split('\n');
    this.buffered = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.trim()) continue;
      try {
        const ev = JSON.parse(line) as {
          timeNano?: number;
          Actor?: { Attributes?: Record<string, string> };
        };
        const a = ev.Actor?.Attributes ?? {};
        const pod = a['io.kubernetes.pod.name'] ?? '?';
        const container = a['io.kubernetes.container.name'] ?? a['name'] ?? '?';
        if (ev.timeNano) this.starts.push({ what: `${pod}/${container}`, at: ev.timeNano / 1e6 });
      } catch {
        // not an event
      }
    }
  }
}
