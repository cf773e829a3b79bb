/**
 * The root CA certificate publisher (pkg/controller/certificates/rootcacertpublisher): every
 * namespace has a ConfigMap `kube-root-ca.crt` holding the cluster CA (`ca.crt`) and one
 * annotation describing its use; it is recreated when deleted and restored when edited.
 */
import { isApiError, isNotFound, type ConfigMap, type Logger, type Namespace } from '@kubelab/api';
import { createRateLimitingQueue, type Informer, type WorkQueue } from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import { CONFIG_MAPS, NAMESPACES } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';

export const ROOT_CA_CONFIG_MAP_NAME = 'kube-root-ca.crt';
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

/** Whether the ConfigMap already holds exactly this CA and its description (no write needed). */
export function isPublished(cm: ConfigMap, rootCA: string): boolean {
  const data = cm.data ?? {};
  const keys = Object.keys(data);
  return (
    keys.length === 1 &&
    data['ca.crt'] === rootCA &&
    (cm.metadata?.annotations?.[DESCRIPTION_ANNOTATION] ?? '').length > 0
  );
}

export class RootCaCertPublisher implements Controller {
  readonly name = 'root-ca-certificate-publisher-controller';
  readonly queue: WorkQueue<string>;
  private readonly nsInformer: Informer<Namespace>;
  private readonly cmInformer: Informer<ConfigMap>;
  private readonly logger: Logger;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: { rootCA: string; workers?: number },
  ) {
    this.logger = ctx.logger.named('publisher.go');
    this.queue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.nsInformer = ctx.informers.informer<Namespace>(NAMESPACES);
    this.cmInformer = ctx.informers.informer<ConfigMap>(CONFIG_MAPS);
    this.nsInformer.on('add', (ns) => this.queue.add(ns.metadata?.name ?? ''));
    this.nsInformer.on('update', (ns) => {
      if ((ns.status?.phase ?? 'Active') === 'Active') this.queue.add(ns.metadata?.name ?? '');
    });
    const onConfigMap = (cm: ConfigMap): void => {
      if (cm.metadata?.name === ROOT_CA_CONFIG_MAP_NAME)
        this.queue.add(cm.metadata.namespace ?? '');
    };
    this.cmInformer.on('update', onConfigMap);
    this.cmInformer.on('delete', onConfigMap);
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting root CA cert publisher controller');
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

  async syncNamespace(ns: string): Promise<void> {
    const client = this.ctx.clients.resource<ConfigMap>(CONFIG_MAPS, ns);
    const cm = this.cmInformer.cache.get(ns, ROOT_CA_CONFIG_MAP_NAME);
    if (!cm) {
      try {
        await client.create({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: {
            name: ROOT_CA_CONFIG_MAP_NAME,
            namespace: ns,
            annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION },
          },
          data: { 'ca.crt': this.opts.rootCA },
        });
      } catch (err) {
        // Do not retry when the namespace is gone or terminating.
        if (isNotFound(err) || isNamespaceTerminating(err)) return;
        throw err;
      }
      return;
    }
    if (isPublished(cm, this.opts.rootCA)) return;
    await client.update({
      ...cm,
      metadata: {
        ...cm.metadata,
        annotations: { ...cm.metadata?.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION },
      },
      data: { 'ca.crt': this.opts.rootCA },
    });
  }
}

function isNamespaceTerminating(err: unknown): boolean {
  return (
    isApiError(err) && (err.details?.causes ?? []).some((c) => c.type === 'NamespaceTerminating')
  );
}
