/**
 * The kube-apiserver: HTTPS with the registry over a Storage, token authentication, the
 * built-in authorizer and admission chain. Built without side effects; listen() starts it.
 */
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock, Logger } from '@kubelab/api';
import { noopLogger, realClock } from '@kubelab/api';
import { AdmissionChain } from './admission/admission.js';
import { DefaultTolerationSeconds } from './admission/default-toleration-seconds.js';
import { NamespaceLifecycle } from './admission/namespace-lifecycle.js';
import { NodeRestriction } from './admission/node-restriction.js';
import { Priority } from './admission/priority.js';
import { ServiceAccountAdmission } from './admission/service-account.js';
import { TaintNodesByCondition } from './admission/taint-nodes-by-condition.js';
import { TokenAuthenticator } from './auth/authenticator.js';
import { DefaultAuthorizer } from './auth/default-authorizer.js';
import { registryNodeGraph } from './auth/registry-node-graph.js';
import { createRequestListener } from './http/app.js';
import type { ServerDeps } from './http/handler-context.js';
import type { KubeletClientConfig } from './http/kubelet-connector.js';
import { HttpsKubeletConnector } from './http/kubelet-connector.js';
import { createUpgradeHandler } from './http/upgrade-handler.js';
import { ensureKubernetesService, ensureSystemNamespaces } from './registry/bootstrap.js';
import { Registry } from './registry/registry.js';
import type { UserInfo } from './registry/request-context.js';
import { firstServiceIp, parseCidr } from './registry/services/allocators.js';
import type { Storage } from './storage/storage.js';

export interface ApiServerOptions {
  storage: Storage;
  tls: { certPem: string; keyPem: string };
  tokens: Map<string, UserInfo>;
  bindAddress?: string;
  securePort?: number;
  advertiseAddress?: string;
  serviceClusterIpRange?: string;
  kubeletClient?: KubeletClientConfig;
  clock?: Clock;
  logger?: Logger;
  bookmarkIntervalMs?: number;
  minRequestTimeoutSeconds?: number;
  historySize?: number;
  /** DefaultTolerationSeconds (--default-not-ready-toleration-seconds, --default-unreachable-...). */
  defaultTolerationSeconds?: { notReady: number; unreachable: number };
}

export class ApiServer {
  private server: https.Server | undefined;
  /** Every accepted TCP connection, so that close() ends them all (see close()). */
  private readonly sockets = new Set<Socket>();
  private ready = false;

  private constructor(
    readonly registry: Registry,
    private readonly opts: ApiServerOptions,
    private readonly deps: ServerDeps,
    private readonly serviceIp: string,
  ) {}

  static async create(opts: ApiServerOptions): Promise<ApiServer> {
    const clock = opts.clock ?? realClock;
    const logger = opts.logger ?? noopLogger;
    const cidr = parseCidr(opts.serviceClusterIpRange ?? '10.96.0.0/12');
    const registry = await Registry.create({
      storage: opts.storage,
      clock,
      serviceCidr: cidr,
      logger,
      historySize: opts.historySize,
      admission: (lookup) =>
        new AdmissionChain([
          new NamespaceLifecycle(lookup),
          new ServiceAccountAdmission(),
          new NodeRestriction(lookup),
          new TaintNodesByCondition(),
          new Priority(),
          new DefaultTolerationSeconds(opts.defaultTolerationSeconds),
        ]),
    });
    const deps: ServerDeps = {
      registry,
      authenticator: new TokenAuthenticator(opts.tokens),
      authorizer: new DefaultAuthorizer(registryNodeGraph(registry)),
      clock,
      logger,
      kubelet: new HttpsKubeletConnector(opts.kubeletClient ?? {}),
      bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 60_000,
      minRequestTimeoutSeconds: opts.minRequestTimeoutSeconds ?? 1800,
    };
    await ensureSystemNamespaces(registry);
    return new ApiServer(registry, opts, deps, firstServiceIp(cidr));
  }

  async listen(): Promise<{ port: number; host: string }> {
    const authenticator = this.deps.authenticator;
    const host = this.opts.bindAddress ?? '0.0.0.0';
    const listener = createRequestListener({
      deps: this.deps,
      authenticator,
      healthChecks: [{ name: 'etcd', check: () => (this.ready ? undefined : 'storage not ready') }],
      serverAddress: `${this.opts.advertiseAddress ?? '127.0.0.1'}:${this.opts.securePort ?? 6443}`,
    });
    const server = https.createServer({ cert: this.opts.tls.certPem, key: this.opts.tls.keyPem, keepAliveTimeout: 60_000 }, listener);
    server.headersTimeout = 65_000;
    server.requestTimeout = 0;
    server.on('upgrade', createUpgradeHandler(this.deps, authenticator));
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.securePort ?? 6443, host, () => resolve());
    });
    this.server = server;
    const addr = server.address() as AddressInfo;
    await ensureKubernetesService(this.registry, {
      serviceIp: this.serviceIp,
      advertiseAddress: this.opts.advertiseAddress ?? '127.0.0.1',
      securePort: addr.port,
      logger: this.deps.logger,
    });
    this.ready = true;
    return { port: addr.port, host };
  }

  async close(): Promise<void> {
    this.ready = false;
    const server = this.server;
    this.server = undefined;
    if (server) {
      // closeAllConnections() only knows connections that have started a request: one still in
      // its TLS handshake, or accepted in the same tick, would be kept alive by keep-alive and
      // hold close() open forever (a kubelet probing every 250 ms hits that window). Stop
      // accepting first, then end every socket accepted, upgraded ones included.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
      this.sockets.clear();
      await closed;
    }
    this.registry.close();
    await this.opts.storage.close();
  }
}
