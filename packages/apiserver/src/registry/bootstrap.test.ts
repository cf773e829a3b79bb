import { noopLogger, realClock, type ApiObject } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { noAdmission } from '../admission/admission.js';
import { MemoryStorage } from '../storage/memory/memory-storage.js';
import { ensureKubernetesService, ensureSystemNamespaces } from './bootstrap.js';
import { Registry } from './registry.js';
import { parseCidr } from './services/allocators.js';

async function registry(): Promise<Registry> {
  const r = await Registry.create({ storage: new MemoryStorage(), clock: realClock, serviceCidr: parseCidr('10.96.0.0/12'), admission: () => noAdmission });
  await ensureSystemNamespaces(r);
  return r;
}

const stored = (r: Registry, group: string, plural: string): ApiObject | undefined => {
  const store = r.mustStore(group, plural);
  const entry = store.cacher.get(store.key('default', 'kubernetes'));
  return entry ? (JSON.parse(entry.json.toString()) as ApiObject) : undefined;
};

describe('ensureKubernetesService', () => {
  const opts = { serviceIp: '10.96.0.1', advertiseAddress: '172.18.0.2', securePort: 6443, logger: noopLogger };

  it('publishes the Service, its Endpoints and its EndpointSlice, and keeps them current on restart', async () => {
    const r = await registry();
    await ensureKubernetesService(r, opts);
    expect(stored(r, '', 'services')).toMatchObject({ spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] } });
    expect(stored(r, '', 'endpoints')).toMatchObject({ subsets: [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443 }] }] });
    expect(stored(r, 'discovery.k8s.io', 'endpointslices')).toMatchObject({
      metadata: { labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['172.18.0.2'], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    });
    // A restart on another port updates both in place.
    await ensureKubernetesService(r, { ...opts, securePort: 7443 });
    expect(stored(r, 'discovery.k8s.io', 'endpointslices')).toMatchObject({ ports: [{ name: 'https', port: 7443 }] });
    expect(stored(r, '', 'endpoints')).toMatchObject({ subsets: [{ ports: [{ port: 7443 }] }] });
  });

  it('publishes no endpoints for a loopback advertise address', async () => {
    const r = await registry();
    await ensureKubernetesService(r, { ...opts, advertiseAddress: '127.0.0.1' });
    expect(stored(r, '', 'services')).toBeDefined();
    expect(stored(r, '', 'endpoints')).toBeUndefined();
    expect(stored(r, 'discovery.k8s.io', 'endpointslices')).toBeUndefined();
  });
});
