/**
 * What the Endpoints controller computes for one Service from its pods (endpoints_controller.go
 * syncService, endpointslice util ShouldPodBeInEndpoints, podutil.FindPort and
 * api/v1/endpoints RepackSubsets): one subset per distinct set of ports, ready addresses apart
 * from not-ready ones, addresses sorted by IP then pod UID.
 */
import type { Pod, Service } from '@kubelab/api';
import { isPodReady } from '../../util/pod-status.js';

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

/** ShouldPodBeInEndpoints: not terminal, has an IP, and (unless included) not terminating. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') return false;
  if (!pod.status?.podIP && (pod.status?.podIPs ?? []).length === 0) return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  return true;
}

/** podutil.FindPort: a numeric targetPort as is, a named one from the containers' ports. */
export function findPort(
  pod: Pod,
  port: NonNullable<NonNullable<Service['spec']>['ports']>[number],
): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  const protocol = port.protocol ?? 'TCP';
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const c of [...(pod.spec?.containers ?? []), ...sidecars]) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}

function addressOf(service: Service, pod: Pod): EndpointAddress | undefined {
  const ip = pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip;
  if (!ip) return undefined;
  const address: EndpointAddress = {
    ip,
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      uid: pod.metadata?.uid ?? '',
    },
  };
  // ShouldSetHostname: the pod names this (headless) service as its subdomain.
  const hostname = pod.spec?.hostname;
  if (
    hostname &&
    pod.spec?.subdomain === service.metadata?.name &&
    pod.metadata?.namespace === service.metadata?.namespace
  ) {
    address.hostname = hostname;
  }
  return address;
}

const portKey = (p: EndpointPort | undefined): string =>
  p ? JSON.stringify([p.name ?? '', p.port, p.protocol, p.appProtocol ?? '']) : '';

function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  return a.targetRef.uid < b.targetRef.uid ? -1 : a.targetRef.uid > b.targetRef.uid ? 1 : 0;
}

/** The subsets of a Service's Endpoints (pods already selected by the Service's selector). */
export function computeSubsets(service: Service, pods: readonly Pod[]): EndpointSubset[] {
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  const ports = service.spec?.ports ?? [];
  // port key -> the port and the addresses (ready or not) that offer it, in pod order.
  const byPort = new Map<
    string,
    {
      port: EndpointPort | undefined;
      addresses: Map<string, { address: EndpointAddress; ready: boolean }>;
    }
  >();
  const offer = (
    port: EndpointPort | undefined,
    address: EndpointAddress,
    ready: boolean,
  ): void => {
    const key = portKey(port);
    const entry = byPort.get(key) ?? { port, addresses: new Map() };
    byPort.set(key, entry);
    entry.addresses.set(`${address.ip}/${address.targetRef.uid}`, { address, ready });
  };
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const address = addressOf(service, pod);
    if (!address) continue;
    const ready = publishNotReady || isPodReady(pod);
    if (ports.length === 0) {
      // Only a headless service may have no ports.
      if (service.spec?.clusterIP === 'None') offer(undefined, address, ready);
      continue;
    }
    for (const sp of ports) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const ep: EndpointPort = { port, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) ep.name = sp.name;
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
      offer(ep, address, ready);
    }
  }
  // RepackSubsets: ports offered by the same set of addresses share one subset.
  const bySet = new Map<string, EndpointSubset>();
  for (const { port, addresses } of byPort.values()) {
    const list = [...addresses.values()];
    const setKey = list
      .map((a) => `${a.address.ip}/${a.address.targetRef.uid}/${a.ready}`)
      .sort()
      .join(',');
    let subset = bySet.get(setKey);
    if (!subset) {
      subset = {};
      const readyAddrs = list
        .filter((a) => a.ready)
        .map((a) => a.address)
        .sort(compareAddresses);
      const notReady = list
        .filter((a) => !a.ready)
        .map((a) => a.address)
        .sort(compareAddresses);
      if (readyAddrs.length > 0) subset.addresses = readyAddrs;
      if (notReady.length > 0) subset.notReadyAddresses = notReady;
      bySet.set(setKey, subset);
    }
    if (port) (subset.ports ??= []).push(port);
  }
  return [...bySet.values()];
}
