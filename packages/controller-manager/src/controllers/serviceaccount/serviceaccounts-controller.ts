/**
 * The ServiceAccount controller (pkg/controller/serviceaccount/serviceaccounts_controller.go):
 * every active namespace has a `default` ServiceAccount, recreated when deleted.
 */
import {
  isAlreadyExists,
  isApiError,
  type Logger,
  type Namespace,
  type ServiceAccount,
} from '@kubelab/api';
import { createRateLimitingQueue, type Informer, type WorkQueue } from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import { NAMESPACES, SERVICE_ACCOUNTS } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';

/** DefaultServiceAccountsControllerOptions: the accounts every namespace gets. */
export const SERVICE_ACCOUNTS_TO_ENSURE = ['default'];

export class ServiceAccountsController implements Controller {
  readonly name = 'serviceaccount-controller';
  readonly queue: WorkQueue<string>;
  private readonly nsInformer: Informer<Namespace>;
  private readonly saInformer: Informer<ServiceAccount>;
  private readonly logger: Logger;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: { workers?: number } = {},
  ) {
    this.logger = ctx.logger.named('serviceaccounts_controller.go');
    this.queue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.nsInformer = ctx.informers.informer<Namespace>(NAMESPACES);
    this.saInformer = ctx.informers.informer<ServiceAccount>(SERVICE_ACCOUNTS);
    this.nsInformer.on('add', (ns) => this.queue.add(ns.metadata?.name ?? ''));
    this.nsInformer.on('update', (ns) => this.queue.add(ns.metadata?.name ?? ''));
    this.saInformer.on('delete', (sa) => {
      if (SERVICE_ACCOUNTS_TO_ENSURE.includes(sa.metadata?.name ?? ''))
        this.queue.add(sa.metadata?.namespace ?? '');
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting service account controller');
    await runWorkers(
      {
        queue: this.queue,
        sync: (k) => this.syncNamespace(k),
        workers: this.opts.workers ?? 1,
        logger: this.logger,
      },
      signal,
    );
  }

  async syncNamespace(name: string): Promise<void> {
    const ns = this.nsInformer.cache.get(undefined, name);
    // Terminating namespaces get no new accounts.
    if (!ns || (ns.status?.phase ?? 'Active') !== 'Active' || ns.metadata?.deletionTimestamp)
      return;
    for (const saName of SERVICE_ACCOUNTS_TO_ENSURE) {
      if (this.saInformer.cache.get(name, saName)) continue;
      try {
        await this.ctx.clients.resource<ServiceAccount>(SERVICE_ACCOUNTS, name).create({
          apiVersion: 'v1',
          kind: 'ServiceAccount',
          metadata: { name: saName, namespace: name },
        });
      } catch (err) {
        if (isAlreadyExists(err)) continue;
        // The namespace started terminating meanwhile: nothing to do.
        if (
          isApiError(err) &&
          err.reason === 'Forbidden' &&
          err.details?.causes?.some((c) => c.type === 'NamespaceTerminating')
        )
          continue;
        throw err;
      }
    }
  }
}
