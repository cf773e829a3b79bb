/**
 * The kubelet's HTTPS server wired to the running kubelet: serving certificate (configured or
 * self-signed, as the kubelet makes one when tlsCertFile is unset), x509 client CA, webhook
 * token review and authorization through the API server, pods, container logs, exec, attach
 * and port-forward (to the pod's IP on the cluster network, the node's for hostNetwork pods).
 */
import { createCertificateAuthority, issueCertificate } from '@kubelab/api/pki';
import type { Logger, Pod } from '@kubelab/api';
import { ApiError } from '@kubelab/api';
import type { KubeletConfiguration } from './config/kubelet-config.js';
import type { KubeletApp } from './kubelet-app.js';
import type { NodeRoot } from './node-root.js';
import type { RuntimeContainer } from './runtime/container-runtime.js';
import type { DockerRuntime } from './runtime/docker/docker-runtime.js';
import { createKubeletServer, execContainerNotFound, podDoesNotExist, podNotFoundForLogs, validateContainerLogStatus } from './server/index.js';
import type { KubeletServer } from './server/index.js';
import type { PodStreamRef } from './server/kubelet-server-options.js';
import { createTcpPortForwarder } from './streaming/index.js';

export interface KubeletServerWiring {
  app: KubeletApp;
  config: KubeletConfiguration;
  nodeRoot: NodeRoot;
  nodeName: string;
  logger: Logger;
  readFile: (nodePath: string) => string;
}

function findPod(app: KubeletApp, ref: PodStreamRef): Pod | undefined {
  return app.podManager.pods().find((p) => p.metadata?.namespace === ref.namespace && p.metadata?.name === ref.pod && (!ref.podUid || p.metadata?.uid === ref.podUid));
}

function instance(app: KubeletApp, pod: Pod, containerId: string): RuntimeContainer | undefined {
  const id = containerId.replace(/^docker:\/\//, '');
  return app.pleg.podState(pod.metadata?.uid ?? '').containers.find((c) => c.id === id);
}

export async function startKubeletServer(w: KubeletServerWiring): Promise<KubeletServer> {
  const { app, config } = w;
  let tls: { certPem: string; keyPem: string };
  if (config.tlsCertFile && config.tlsPrivateKeyFile) {
    tls = { certPem: w.readFile(config.tlsCertFile), keyPem: w.readFile(config.tlsPrivateKeyFile) };
  } else {
    const ca = await createCertificateAuthority({ commonName: `${w.nodeName}-ca@kubelet` });
    tls = await issueCertificate(ca, { commonName: `${w.nodeName}@kubelet`, dnsNames: [w.nodeName, 'localhost'], ipAddresses: ['127.0.0.1'], usage: 'server' });
  }
  const clientCaPem = config.authentication.x509.clientCAFile ? w.readFile(config.authentication.x509.clientCAFile) : undefined;
  const api = app.api;
  const runtime = app.runtime as DockerRuntime;
  const server = createKubeletServer({
    nodeName: w.nodeName,
    address: config.address,
    port: config.port,
    healthzBindAddress: config.healthzBindAddress,
    healthzPort: config.healthzPort,
    tls,
    clientCaPem,
    anonymousAuth: config.authentication.anonymous.enabled,
    authenticateToken: api && config.authentication.webhook.enabled ? async (token) => {
      const r = await api.reviewToken(token);
      return r ? { name: r.user, groups: r.groups } : undefined;
    } : undefined,
    authorize: api && config.authorization.mode === 'Webhook'
      ? (attrs) => api.reviewAccess(attrs.user.name, attrs.user.groups, attrs.verb, attrs.subresource, w.nodeName)
      : undefined,
    getPods: () => app.kubelet.runningPods(),
    resolveContainerLog: (ref, previous) => {
      const pod = findPod(app, ref);
      if (!pod) throw podNotFoundForLogs(ref.pod);
      const status = app.statusManager.getPodStatus(pod.metadata?.uid ?? '') ?? pod.status ?? {};
      const chosen = validateContainerLogStatus(ref.pod, status, ref.container, previous);
      if ('error' in chosen) return chosen.error;
      const c = instance(app, pod, chosen.containerId);
      if (!c) return `container "${ref.container}" in pod "${ref.pod}" is not available`;
      return {
        logPath: c.logPath,
        running: chosen.current && c.state === 'running',
        isActive: () => instance(app, pod, chosen.containerId)?.state === 'running' || runtime.logs?.isWriting?.(c.logPath) === true,
      };
    },
    exec: async (ref, command, opts) => {
      const pod = findPod(app, ref);
      if (!pod) throw podDoesNotExist();
      const c = app.pleg.podState(pod.metadata?.uid ?? '').containers.find((x) => x.name === ref.container && x.state === 'running');
      if (!c) throw execContainerNotFound(ref.container);
      return app.runtime.exec(c.id, { command, ...opts });
    },
    attach: async (ref, opts, signal) => {
      const pod = findPod(app, ref);
      if (!pod) throw podDoesNotExist();
      const c = app.pleg.podState(pod.metadata?.uid ?? '').containers.find((x) => x.name === ref.container && x.state === 'running');
      if (!c) throw execContainerNotFound(ref.container);
      return app.runtime.attach(c.id, opts, signal);
    },
    portForward: (ref) => {
      const pod = findPod(app, ref);
      if (!pod) throw podDoesNotExist();
      const sandbox = app.pleg.podState(pod.metadata?.uid ?? '').sandboxes
        .filter((s) => s.state === 'ready')
        .sort((a, b) => b.attempt - a.attempt)[0];
      // GetPortForward: the runtime has no running pod of that name.
      if (!sandbox) throw new ApiError('InternalError', `pod not found ("${ref.pod}_${ref.namespace}")`);
      // The CRI streaming server knows the pod by its sandbox ID; the UID is not passed on.
      return createTcpPortForwarder({ podName: sandbox.id, uid: '', host: sandbox.ip });
    },
    healthChecks: [{ name: 'syncloop', check: () => (app.pleg.healthy() ? undefined : 'PLEG is not healthy') }],
    logger: w.logger.named('server.go'),
  });
  await server.listen();
  return server;
}
