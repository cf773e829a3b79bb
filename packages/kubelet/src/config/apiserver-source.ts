/**
 * The API server source (pkg/kubelet/config/apiserver.go): pods bound to this node
 * (fieldSelector spec.nodeName=<node>, all namespaces) through a list-watch informer, sent as
 * SET snapshots for source `api`. Nothing is sent before the first successful list, so the
 * sources stay "not ready" while the API server is down; the informer retries with backoff for
 * as long as it takes, and relists after a 410.
 */
import { noopLogger, realClock, type Clock, type Logger, type Pod } from '@kubelab/api';
import type { ListerWatcher } from '@kubelab/api/client';
import { createInformer, type BackoffOptions, type Informer } from '@kubelab/api/informer';
import type { PodSource } from './pod-source.js';
import type { PodUpdate } from './pod-update.js';

export interface ApiserverSourceOptions {
  /** A pods client for all namespaces. */
  client: ListerWatcher<Pod>;
  nodeName: string;
  clock?: Clock;
  logger?: Logger;
  backoff?: BackoffOptions;
  /**
   * When given, pods are not watched before this says the Node informer has synced
   * (checked every second, WaitForAPIServerSyncPeriod), as newer kubelets do.
   */
  nodeHasSynced?: () => boolean;
}

/** WaitForAPIServerSyncPeriod. */
export const NODE_SYNC_POLL_MS = 1000;

export class ApiserverSource implements PodSource {
  readonly name = 'api' as const;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(private readonly opts: ApiserverSourceOptions) {
    this.clock = opts.clock ?? realClock;
    this.logger = opts.logger ?? noopLogger;
  }

  async run(emit: (update: PodUpdate) => void, signal: AbortSignal): Promise<void> {
    if (this.opts.nodeHasSynced && !(await this.waitForNodeSync(this.opts.nodeHasSynced, signal)))
      return;
    this.logger.info('Watching apiserver');
    const informer: Informer<Pod> = createInformer<Pod>({
      client: this.opts.client,
      fieldSelector: `spec.nodeName=${this.opts.nodeName}`,
      clock: this.clock,
      logger: this.logger,
      ...(this.opts.backoff ? { backoff: this.opts.backoff } : {}),
    });
    // Changes arriving together (a relist) become one snapshot.
    let queued = false;
    let sent = false;
    const send = (): void => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (signal.aborted || !informer.hasSynced()) return;
        const pods = informer.cache.list().map((p) => structuredClone(p));
        sent = true;
        emit({ op: 'SET', source: 'api', pods });
      });
    };
    informer.on('add', send);
    informer.on('update', send);
    informer.on('delete', send);
    informer.start();
    try {
      await informer.waitForSync(signal);
      if (!sent) send(); // an empty first list calls no handler
      await new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } catch {
      // aborted before the first list
    } finally {
      informer.stop();
    }
  }

  private async waitForNodeSync(synced: () => boolean, signal: AbortSignal): Promise<boolean> {
    this.logger.info('Waiting for node sync before watching apiserver pods');
    while (!synced()) {
      try {
        await this.clock.sleep(NODE_SYNC_POLL_MS, signal);
      } catch {
        return false;
      }
      this.logger.debug('node sync has not completed yet');
    }
    this.logger.debug('node sync completed');
    return true;
  }
}
