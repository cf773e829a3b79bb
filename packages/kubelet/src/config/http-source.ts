/**
 * The HTTP source (pkg/kubelet/config/http.go): polls staticPodURL every httpCheckFrequency
 * with a 10 s timeout and the configured headers; a body identical to the last one changes
 * nothing; a single pod or a PodList becomes a SET for source `http`. Pod UIDs hash the URL
 * (not the node), and these pods get no NoExecute toleration.
 */
import { noopLogger, realClock, type Clock, type Logger } from '@kubelab/api';
import type { PodSource } from './pod-source.js';
import type { PodUpdate } from './pod-update.js';
import { MAX_CONFIG_LENGTH, READ_LIMIT_REACHED, decodePodList } from './static-pod.js';

export interface HttpSourceOptions {
  url: string;
  /** staticPodURLHeader: every value of a header is sent. */
  headers?: Record<string, string | readonly string[]>;
  nodeName: string;
  /** Poll period; default 20 s (httpCheckFrequency). */
  httpCheckFrequencyMs?: number;
  /** Per request, body included; default 10 s. */
  timeoutMs?: number;
  clock?: Clock;
  logger?: Logger;
  fetch?: typeof fetch;
}

export const DEFAULT_HTTP_CHECK_FREQUENCY_MS = 20_000;

/** Go's net/http error text for the common failures. */
function requestError(url: string, err: unknown): Error {
  const cause = (
    err as { cause?: { code?: string; address?: string; port?: number; hostname?: string } }
  ).cause;
  const u = new URL(url);
  if (cause?.code === 'ECONNREFUSED') {
    const addr = cause.address ? `${cause.address}:${cause.port ?? u.port}` : u.host;
    return new Error(`Get "${url}": dial tcp ${addr}: connect: connection refused`);
  }
  if (cause?.code === 'ENOTFOUND')
    return new Error(`Get "${url}": dial tcp: lookup ${u.hostname}: no such host`);
  const msg =
    err instanceof Error ? (cause instanceof Error ? cause.message : err.message) : String(err);
  return new Error(`Get "${url}": ${msg}`);
}

async function readAtMost(body: ReadableStream<Uint8Array> | null): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(chunk));
    total += chunk.length;
    if (total > MAX_CONFIG_LENGTH) throw new Error(READ_LIMIT_REACHED);
  }
  return Buffer.concat(chunks, total);
}

export class HttpSource implements PodSource {
  readonly name = 'http' as const;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private data: Buffer | undefined;
  private failureLogs = 0;

  constructor(private readonly opts: HttpSourceOptions) {
    this.clock = opts.clock ?? realClock;
    this.logger = opts.logger ?? noopLogger;
  }

  async run(emit: (update: PodUpdate) => void, signal: AbortSignal): Promise<void> {
    this.logger.info('Watching URL', { URL: this.opts.url });
    while (!signal.aborted) {
      await this.poll(emit, signal);
      try {
        await this.clock.sleep(
          this.opts.httpCheckFrequencyMs ?? DEFAULT_HTTP_CHECK_FREQUENCY_MS,
          signal,
        );
      } catch {
        return;
      }
    }
  }

  /** One poll, with upstream's logging: three failures in full, then quietly until a success. */
  async poll(emit: (update: PodUpdate) => void, signal: AbortSignal): Promise<void> {
    try {
      await this.extractFromURL(emit, signal);
    } catch (err) {
      if (signal.aborted) return;
      if (this.failureLogs < 3) this.logger.info('Failed to read pods from URL', { err });
      else if (this.failureLogs === 3) {
        this.logger.info(
          'Failed to read pods from URL. Dropping verbosity of this message to V(4)',
          { err },
        );
      } else this.logger.debug('Failed to read pods from URL', { err });
      this.failureLogs++;
      return;
    }
    if (this.failureLogs > 0) {
      this.logger.info('Successfully read pods from URL');
      this.failureLogs = 0;
    }
  }

  private async fetchBody(
    signal: AbortSignal,
  ): Promise<{ status: number; statusText: string; data: Buffer }> {
    const { url } = this.opts;
    const headers = new Headers();
    for (const [k, v] of Object.entries(this.opts.headers ?? {})) {
      for (const value of typeof v === 'string' ? [v] : v) headers.append(k, value);
    }
    // The request timeout is I/O, not a decision: a real timer, as Go's http.Client.Timeout.
    const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 10_000);
    const requestSignal = AbortSignal.any([signal, timeout]);
    try {
      const res = await (this.opts.fetch ?? fetch)(url, { headers, signal: requestSignal });
      const data = await readAtMost(res.body);
      return { status: res.status, statusText: res.statusText, data };
    } catch (err) {
      if (timeout.aborted && !signal.aborted)
        throw new Error(
          `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
        );
      if ((err as Error).message === READ_LIMIT_REACHED) throw err;
      throw requestError(url, err);
    }
  }

  private async extractFromURL(
    emit: (update: PodUpdate) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const { url } = this.opts;
    const { status, statusText, data } = await this.fetchBody(signal);
    if (status !== 200) throw new Error(`${url}: ${status} ${statusText}`);
    if (data.length === 0) {
      // Emit an empty snapshot so that the source counts as seen.
      emit({ op: 'SET', source: 'http', pods: [] });
      throw new Error(`zero-length data received from ${url}`);
    }
    if (this.data?.equals(data)) return;
    this.data = data;
    emit({ op: 'SET', source: 'http', pods: decodePodList(data, url, this.opts.nodeName) });
  }
}
