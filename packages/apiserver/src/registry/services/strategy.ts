/**
 * Services (pkg/registry/core/service): a ClusterIP and node ports are allocated on create and
 * kept on update; the status stays out of spec writes.
 */
import type { ApiObject, ResourceInfo, Service } from '@kubelab/api';
import { ApiError, invalidValue, invalid } from '@kubelab/api';
import { createDefaultStrategy } from '../default-strategy.js';
import type { Strategy } from '../strategy.js';
import type { Cidr } from './allocators.js';
import { allocateIp, allocateNodePort, inCidr } from './allocators.js';

export interface ServiceAllocation {
  cidr: Cidr;
  /** Every Service currently stored. */
  listServices(): Service[];
}

function usedIps(services: Service[]): Set<string> {
  const s = new Set<string>();
  for (const svc of services) for (const ip of svc.spec?.clusterIPs ?? [svc.spec?.clusterIP ?? '']) if (ip) s.add(ip);
  return s;
}

function usedPorts(services: Service[]): Set<number> {
  const s = new Set<number>();
  for (const svc of services) for (const p of svc.spec?.ports ?? []) if (p.nodePort) s.add(p.nodePort);
  return s;
}

function allocate(svc: Service, alloc: ServiceAllocation, old?: Service): void {
  const spec = svc.spec;
  if (!spec) return;
  const others = alloc.listServices().filter((s) => s.metadata?.uid !== svc.metadata?.uid);
  if (spec.type !== 'ExternalName') {
    if (old?.spec?.clusterIP && !spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
    if (!spec.clusterIP) {
      const ip = allocateIp(alloc.cidr, usedIps(others));
      if (!ip) throw new ApiError('InternalError', 'Internal error occurred: failed to allocate a serviceIP: range is full');
      spec.clusterIP = ip;
    } else if (spec.clusterIP !== 'None' && !old) {
      if (!inCidr(alloc.cidr, spec.clusterIP)) {
        throw invalid({ group: '', kind: 'Service' }, svc.metadata?.name ?? '', [
          invalidValue('spec.clusterIPs', [spec.clusterIP], `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${alloc.cidr.text}`),
        ]);
      }
      if (usedIps(others).has(spec.clusterIP)) {
        throw invalid({ group: '', kind: 'Service' }, svc.metadata?.name ?? '', [
          invalidValue('spec.clusterIPs', [spec.clusterIP], `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`),
        ]);
      }
    }
    spec.clusterIPs = [spec.clusterIP];
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    const used = usedPorts(others);
    for (const p of spec.ports ?? []) {
      const prev = old?.spec?.ports?.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      if (!p.nodePort && prev?.nodePort) p.nodePort = prev.nodePort;
      if (!p.nodePort) {
        const port = allocateNodePort(used);
        if (port === undefined) throw new ApiError('InternalError', 'Internal error occurred: failed to allocate a nodePort: range is full');
        p.nodePort = port;
      }
      used.add(p.nodePort);
    }
  } else {
    for (const p of spec.ports ?? []) delete p.nodePort;
  }
}

export function createServiceStrategy(info: ResourceInfo, alloc: ServiceAllocation): Strategy {
  const base = createDefaultStrategy(info);
  return {
    ...base,
    prepareForCreate(obj, ctx) {
      base.prepareForCreate(obj, ctx);
      (obj as Service).status = { loadBalancer: {} };
      allocate(obj as Service, alloc);
    },
    prepareForUpdate(newObj: ApiObject, oldObj: ApiObject, ctx) {
      base.prepareForUpdate(newObj, oldObj, ctx);
      allocate(newObj as Service, alloc, oldObj as Service);
    },
  };
}
