/**
 * What the EndpointSlice controller wants for one Service (pkg/controller/endpointslice
 * reconciler.reconcile, utils podToEndpoint and getEndpointPorts): the Service's pods grouped
 * by the ports they offer, each pod one endpoint with its conditions, node, zone and target.
 * Terminating pods stay in, not ready, as upstream since EndpointSliceTerminatingCondition.
 */
import type { DiscoveryEndpoint, DiscoveryEndpointPort, Pod, Service } from '@kubelab/api';
import { isPodReady } from '../../util/pod-status.js';
import { findPort, shouldPodBeInEndpoints } from '../endpoint/endpoint-subsets.js';

export type AddressType = 'IPv4' | 'IPv6';

/** Endpoints that share one port list (one "endpointMeta" upstream). */
export interface EndpointGroup {
  ports: DiscoveryEndpointPort[];
  endpoints: DiscoveryEndpoint[];
}

/** The address families the Service asks for (ipFamilies, else its clusterIP's, else IPv4). */
export function serviceAddressTypes(service: Service): AddressType[] {
  const families = service.spec?.ipFamilies ?? [];
  if (families.length > 0)
    return families.filter((f): f is AddressType => f === 'IPv4' || f === 'IPv6');
  const ip = service.spec?.clusterIP;
  return ip && ip !== 'None' && ip.includes(':') ? ['IPv6'] : ['IPv4'];
}

/** getEndpointPorts: each Service port with the pod's number for it; ports it lacks are left out. */
export function endpointPorts(service: Service, pod: Pod): DiscoveryEndpointPort[] {
  const out: DiscoveryEndpointPort[] = [];
  for (const sp of service.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: DiscoveryEndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol !== undefined) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

function podAddresses(pod: Pod, addressType: AddressType): string[] {
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip).filter((ip): ip is string => !!ip);
  if (ips.length === 0 && pod.status?.podIP) ips.push(pod.status.podIP);
  const v6 = addressType === 'IPv6';
  return ips.filter((ip) => ip.includes(':') === v6).slice(0, 1);
}

/** podToEndpoint. */
export function podToEndpoint(
  pod: Pod,
  service: Service,
  addresses: string[],
  zoneOf: (node: string) => string | undefined,
): DiscoveryEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata?.deletionTimestamp;
  // "ready" is never true for a terminating pod, unless publishNotReadyAddresses is set.
  const ready = service.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: DiscoveryEndpoint = {
    addresses,
    conditions: { ready, serving, terminating },
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      uid: pod.metadata?.uid ?? '',
    },
  };
  const node = pod.spec?.nodeName;
  if (node) {
    ep.nodeName = node;
    const zone = zoneOf(node);
    if (zone) ep.zone = zone;
  }
  const hostname = pod.spec?.hostname;
  if (
    hostname &&
    pod.spec?.subdomain === service.metadata?.name &&
    pod.metadata?.namespace === service.metadata?.namespace
  ) {
    ep.hostname = hostname;
  }
  return ep;
}

export const portsKey = (ports: readonly DiscoveryEndpointPort[]): string =>
  JSON.stringify(
    ports.map((p) => [p.name ?? '', p.port ?? null, p.protocol ?? 'TCP', p.appProtocol ?? '']),
  );

function compareEndpoints(a: DiscoveryEndpoint, b: DiscoveryEndpoint): number {
  const ka = `${a.addresses[0] ?? ''}/${a.targetRef?.uid ?? ''}`;
  const kb = `${b.addresses[0] ?? ''}/${b.targetRef?.uid ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The Service's pods (already selected by its selector) as endpoint groups, in a stable order. */
export function desiredEndpointGroups(
  service: Service,
  pods: readonly Pod[],
  addressType: AddressType,
  zoneOf: (node: string) => string | undefined,
): EndpointGroup[] {
  const groups = new Map<string, EndpointGroup>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const addresses = podAddresses(pod, addressType);
    if (addresses.length === 0) continue;
    const ports = endpointPorts(service, pod);
    const key = portsKey(ports);
    const group = groups.get(key) ?? { ports, endpoints: [] };
    groups.set(key, group);
    group.endpoints.push(podToEndpoint(pod, service, addresses, zoneOf));
  }
  for (const g of groups.values()) g.endpoints.sort(compareEndpoints);
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}
