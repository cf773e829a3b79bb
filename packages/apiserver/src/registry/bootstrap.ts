/**
 * What the apiserver's bootstrap controller ensures at start: the system namespaces, and the
 * `kubernetes` Service with Endpoints pointing at this apiserver.
 */
import type { ApiObject, Logger } from '@kubelab/api';
import { isAlreadyExists } from '@kubelab/api';
import type { Registry } from './registry.js';
import { systemContext } from './request-context.js';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export interface BootstrapOptions {
  serviceIp: string;
  advertiseAddress: string;
  securePort: number;
  logger: Logger;
}

async function ensure(registry: Registry, plural: string, obj: ApiObject, ns?: string): Promise<void> {
  const store = registry.mustStore('', plural);
  if (store.cacher.get(store.key(ns, obj.metadata?.name ?? ''))) return;
  try {
    await store.create(systemContext(ns), obj);
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
}

export async function ensureSystemNamespaces(registry: Registry): Promise<void> {
  for (const name of SYSTEM_NAMESPACES) {
    await ensure(registry, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
}

/** The `kubernetes` Service and its Endpoints (once the serving port is known). */
export async function ensureKubernetesService(registry: Registry, opts: BootstrapOptions): Promise<void> {
  await ensure(
    registry,
    'services',
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: {
        type: 'ClusterIP',
        clusterIP: opts.serviceIp,
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: opts.securePort }],
        sessionAffinity: 'None',
      },
    },
    'default',
  );
  await reconcileEndpoints(registry, opts);
}

async function reconcileEndpoints(registry: Registry, opts: BootstrapOptions): Promise<void> {
  if (/^127\./.test(opts.advertiseAddress) || opts.advertiseAddress === '::1') {
    // Endpoints may not point at loopback (upstream validation); a loopback-only apiserver
    // (tests) has a kubernetes Service without endpoints.
    opts.logger.warn('Not publishing endpoints for a loopback advertise address', { address: opts.advertiseAddress });
    return;
  }
  const store = registry.mustStore('', 'endpoints');
  const desired = {
    subsets: [
      {
        addresses: [{ ip: opts.advertiseAddress }],
        ports: [{ name: 'https', port: opts.securePort, protocol: 'TCP' }],
      },
    ],
  };
  await store.update(
    systemContext('default'),
    'kubernetes',
    (cur) => ({
      ...(cur ?? { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } } }),
      ...desired,
    }),
  );
  await reconcileEndpointSlice(registry, opts);
  opts.logger.info('Ensured the kubernetes service endpoints', { address: `${opts.advertiseAddress}:${opts.securePort}` });
}

/** The apiserver writes the kubernetes Service's EndpointSlice beside its Endpoints (endpointsadapter). */
async function reconcileEndpointSlice(registry: Registry, opts: BootstrapOptions): Promise<void> {
  const store = registry.mustStore('discovery.k8s.io', 'endpointslices');
  const desired = {
    addressType: opts.advertiseAddress.includes(':') ? 'IPv6' : 'IPv4',
    endpoints: [{ addresses: [opts.advertiseAddress], conditions: { ready: true } }],
    ports: [{ name: 'https', port: opts.securePort, protocol: 'TCP' }],
  };
  const labels = { 'endpointslice.kubernetes.io/skip-mirror': 'true', 'kubernetes.io/service-name': 'kubernetes' };
  // EndpointSlices are not created by an update (AllowCreateOnUpdate is false for them).
  if (!store.cacher.get(store.key('default', 'kubernetes'))) {
    try {
      const metadata = { name: 'kubernetes', namespace: 'default', labels };
      await store.create(systemContext('default'), { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata, ...desired });
      return;
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  }
  await store.update(systemContext('default'), 'kubernetes', (cur) => ({ ...cur, ...desired }));
}
