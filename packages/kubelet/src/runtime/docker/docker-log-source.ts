/** The runtime side of the log writer: a container's Docker log stream as log entries. */
import type Dockerode from 'dockerode';
import { toUnixSecondsString, type ContainerLogSource, type LogEntry } from '../../logs/index.js';
import { DockerLogParser } from './docker-log-parser.js';

export class DockerLogSource implements ContainerLogSource {
  constructor(private readonly docker: Dockerode) {}

  async *streamLogs(containerId: string, opts: { sinceNanos?: bigint; signal: AbortSignal }): AsyncIterable<LogEntry> {
    const container = this.docker.getContainer(containerId);
    const info = await container.inspect();
    const stream = (await container.logs({
      follow: true,
      stdout: true,
      stderr: true,
      timestamps: true,
      since: opts.sinceNanos !== undefined ? toUnixSecondsString(opts.sinceNanos) : 0,
      abortSignal: opts.signal,
    } as Dockerode.ContainerLogsOptions & { follow: true })) as NodeJS.ReadableStream & { destroy?: () => void };
    const onAbort = (): void => stream.destroy?.();
    opts.signal.addEventListener('abort', onAbort, { once: true });
    const parser = new DockerLogParser(info.Config.Tty);
    try {
      for await (const chunk of stream) {
        for (const entry of parser.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))) yield entry;
      }
      for (const entry of parser.end()) yield entry;
    } finally {
      opts.signal.removeEventListener('abort', onAbort);
      stream.destroy?.();
    }
  }
}
