/**
 * How the EndpointSlice controller turns the endpoint groups it wants into writes (reconciler
 * reconcileByAddressType, simplified): each group fills the existing slices that carry its
 * ports, at most maxEndpointsPerSlice endpoints each; slices that change are updated, missing
 * ones created with generateName `<service>-`, the rest deleted. A Service with no endpoints
 * keeps one placeholder slice with no ports and no endpoints, as upstream.
 */
import type { EndpointSlice, OwnerReference, Service } from '@kubelab/api';
import type { AddressType, EndpointGroup } from './slice-endpoints.js';
import { portsKey } from './slice-endpoints.js';
import { sameJson } from '../../util/same-json.js';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

export interface SlicePlan {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

export interface PlanOptions {
  addressType: AddressType;
  maxEndpointsPerSlice: number;
  ownerRef: OwnerReference;
  /** RFC 3339; recorded on every slice written. */
  triggerTime?: string;
}

/** setEndpointSliceLabels: the Service's labels, headless marker, then the reserved two. */
export function sliceLabels(service: Service): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(service.metadata?.labels ?? {})) {
    if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL) labels[k] = v;
  }
  const ip = service.spec?.clusterIP;
  if (!ip || ip === 'None') labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  labels[SERVICE_NAME_LABEL] = service.metadata?.name ?? '';
  labels[MANAGED_BY_LABEL] = CONTROLLER_NAME;
  return labels;
}

/** getEndpointSlicePrefix. */
export function slicePrefix(serviceName: string): string {
  return serviceName.length + 1 <= 253 - 5 ? `${serviceName}-` : 'slice-';
}

function chunks<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const byName = (a: EndpointSlice, b: EndpointSlice): number => {
  const x = a.metadata?.name ?? '';
  const y = b.metadata?.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The writes that bring `existing` (this controller's slices of the Service) to `groups`. */
export function planSlices(
  service: Service,
  groups: readonly EndpointGroup[],
  existing: readonly EndpointSlice[],
  opts: PlanOptions,
): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const labels = sliceLabels(service);
  const wanted: EndpointGroup[] = groups.length > 0 ? [...groups] : [{ ports: [], endpoints: [] }];
  const available = new Map<string, EndpointSlice[]>();
  for (const slice of [...existing].sort(byName)) {
    if (slice.addressType !== opts.addressType) {
      plan.delete.push(slice);
      continue;
    }
    const key = portsKey(slice.ports ?? []);
    available.set(key, [...(available.get(key) ?? []), slice]);
  }
  const annotate = (slice: EndpointSlice): EndpointSlice => {
    if (!opts.triggerTime) return slice;
    const meta = slice.metadata ?? {};
    return {
      ...slice,
      metadata: {
        ...meta,
        annotations: { ...meta.annotations, [TRIGGER_TIME_ANNOTATION]: opts.triggerTime },
      },
    };
  };
  for (const group of wanted) {
    const pool = available.get(portsKey(group.ports)) ?? [];
    for (const endpoints of chunks(group.endpoints, opts.maxEndpointsPerSlice)) {
      const current = pool.shift();
      if (!current) {
        plan.create.push(
          annotate({
            apiVersion: 'discovery.k8s.io/v1',
            kind: 'EndpointSlice',
            metadata: {
              generateName: slicePrefix(service.metadata?.name ?? ''),
              namespace: service.metadata?.namespace,
              labels,
              ownerReferences: [opts.ownerRef],
            },
            addressType: opts.addressType,
            endpoints,
            ports: group.ports,
          }),
        );
        continue;
      }
      const owners = current.metadata?.ownerReferences ?? [];
      const owned = owners.some((r) => r.uid === opts.ownerRef.uid);
      if (
        sameJson(current.endpoints ?? [], endpoints) &&
        sameJson(current.metadata?.labels ?? {}, labels) &&
        owned
      )
        continue;
      plan.update.push(
        annotate({
          ...current,
          metadata: {
            ...current.metadata,
            labels,
            ownerReferences: owned
              ? owners
              : [...owners.filter((r) => r.controller !== true), opts.ownerRef],
          },
          endpoints,
          ports: group.ports,
        }),
      );
    }
    available.set(portsKey(group.ports), pool);
  }
  for (const rest of available.values()) plan.delete.push(...rest);
  return plan;
}
