/**
 * One shared informer per resource for the whole process, as client-go's
 * SharedInformerFactory: controllers ask for the informers they need before start(), then all
 * of them list and watch once.
 */
import type { Clock, Logger, ResourceInfo } from '@kubelab/api';
import type { KubeObject } from '@kubelab/api/client';
import { createInformer, type Informer } from '@kubelab/api/informer';
import type { ClientSet } from './client-set.js';

export interface InformerFactoryOptions {
  clients: ClientSet;
  clock: Clock;
  logger: Logger;
  /** Re-deliver every object this often (the controller-manager's --min-resync-period). */
  resyncMs?: number;
}

export class SharedInformerFactory {
  private readonly informers = new Map<ResourceInfo, Informer<KubeObject>>();
  private started = false;

  constructor(private readonly opts: InformerFactoryOptions) {}

  informer<T extends KubeObject>(info: ResourceInfo): Informer<T> {
    let inf = this.informers.get(info);
    if (!inf) {
      inf = createInformer<KubeObject>({
        client: this.opts.clients.resource<KubeObject>(info),
        clock: this.opts.clock,
        logger: this.opts.logger.with({ resource: info.plural }),
        ...(this.opts.resyncMs ? { resyncMs: this.opts.resyncMs } : {}),
      });
      this.informers.set(info, inf);
      if (this.started) inf.start();
    }
    return inf as unknown as Informer<T>;
  }

  start(): void {
    this.started = true;
    for (const inf of this.informers.values()) inf.start();
  }

  hasSynced(): boolean {
    return [...this.informers.values()].every((i) => i.hasSynced());
  }

  async waitForSync(signal?: AbortSignal): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.waitForSync(signal)));
  }

  stop(): void {
    for (const inf of this.informers.values()) inf.stop();
  }
}
