import type { DiscoveryEndpoint, EndpointSlice, Service } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import {
  CONTROLLER_NAME,
  HEADLESS_LABEL,
  MANAGED_BY_LABEL,
  SERVICE_NAME_LABEL,
  planSlices,
  sliceLabels,
} from './slice-plan.js';

const owner = {
  apiVersion: 'v1',
  kind: 'Service',
  name: 'web',
  uid: 'svc-uid',
  controller: true,
  blockOwnerDeletion: true,
};
const svc: Service = {
  metadata: { name: 'web', namespace: 'ns', uid: 'svc-uid', labels: { app: 'web' } },
  spec: { clusterIP: '10.96.0.10' },
};
const ep = (ip: string): DiscoveryEndpoint => ({
  addresses: [ip],
  conditions: { ready: true, serving: true, terminating: false },
});
const ports = [{ name: '', port: 8080, protocol: 'TCP' }];
const opts = { addressType: 'IPv4' as const, maxEndpointsPerSlice: 2, ownerRef: owner };
const slice = (name: string, endpoints: DiscoveryEndpoint[], p = ports): EndpointSlice => ({
  metadata: { name, namespace: 'ns', labels: sliceLabels(svc), ownerReferences: [owner] },
  addressType: 'IPv4',
  endpoints,
  ports: p,
});

describe('sliceLabels', () => {
  it('copies the service labels, marks headless services and sets the reserved labels', () => {
    expect(sliceLabels(svc)).toEqual({
      app: 'web',
      [SERVICE_NAME_LABEL]: 'web',
      [MANAGED_BY_LABEL]: CONTROLLER_NAME,
    });
    const headless: Service = {
      metadata: { name: 'db', labels: { [MANAGED_BY_LABEL]: 'me' } },
      spec: { clusterIP: 'None' },
    };
    expect(sliceLabels(headless)).toEqual({
      [HEADLESS_LABEL]: '',
      [SERVICE_NAME_LABEL]: 'db',
      [MANAGED_BY_LABEL]: CONTROLLER_NAME,
    });
  });
});

describe('planSlices', () => {
  it('creates slices of at most maxEndpointsPerSlice with generateName, owned by the service', () => {
    const plan = planSlices(
      svc,
      [{ ports, endpoints: [ep('10.0.0.1'), ep('10.0.0.2'), ep('10.0.0.3')] }],
      [],
      { ...opts, triggerTime: '2026-01-01T00:00:00Z' },
    );
    expect(plan.update).toEqual([]);
    expect(plan.delete).toEqual([]);
    expect(plan.create.map((s) => s.endpoints.length)).toEqual([2, 1]);
    const [first] = plan.create;
    if (!first) throw new Error('no slice created');
    expect(first.metadata?.generateName).toBe('web-');
    expect(first.metadata?.ownerReferences).toEqual([owner]);
    expect(first.metadata?.annotations).toEqual({
      'endpoints.kubernetes.io/last-change-trigger-time': '2026-01-01T00:00:00Z',
    });
    expect(first.addressType).toBe('IPv4');
    expect(first.ports).toEqual(ports);
  });

  it('leaves slices that already match alone and updates the ones that changed', () => {
    const existing = [
      slice('web-aaaaa', [ep('10.0.0.1'), ep('10.0.0.2')]),
      slice('web-bbbbb', [ep('10.0.0.3')]),
    ];
    expect(
      planSlices(
        svc,
        [{ ports, endpoints: [ep('10.0.0.1'), ep('10.0.0.2'), ep('10.0.0.3')] }],
        existing,
        opts,
      ),
    ).toEqual({ create: [], update: [], delete: [] });
    const plan = planSlices(
      svc,
      [{ ports, endpoints: [ep('10.0.0.1'), ep('10.0.0.2'), ep('10.0.0.4')] }],
      existing,
      opts,
    );
    expect(
      plan.update.map((s) => [s.metadata?.name, s.endpoints.map((e) => e.addresses[0])]),
    ).toEqual([['web-bbbbb', ['10.0.0.4']]]);
  });

  it('keeps one placeholder slice without ports or endpoints when no pod qualifies, and deletes the rest', () => {
    const existing = [slice('web-aaaaa', [ep('10.0.0.1')]), slice('web-bbbbb', [ep('10.0.0.3')])];
    const plan = planSlices(svc, [], existing, opts);
    expect(plan.create.map((s) => [s.ports, s.endpoints])).toEqual([[[], []]]);
    expect(plan.delete.map((s) => s.metadata?.name)).toEqual(['web-aaaaa', 'web-bbbbb']);
    const placeholder = { ...slice('web-ccccc', [], []) };
    expect(planSlices(svc, [], [placeholder], opts)).toEqual({
      create: [],
      update: [],
      delete: [],
    });
  });

  it('moves endpoints to a slice with the new ports when the ports change', () => {
    const existing = [slice('web-aaaaa', [ep('10.0.0.1')])];
    const newPorts = [{ name: '', port: 9090, protocol: 'TCP' }];
    const plan = planSlices(
      svc,
      [{ ports: newPorts, endpoints: [ep('10.0.0.1')] }],
      existing,
      opts,
    );
    expect(plan.create.map((s) => s.ports)).toEqual([newPorts]);
    expect(plan.delete.map((s) => s.metadata?.name)).toEqual(['web-aaaaa']);
  });

  it('updates the labels when the service labels change', () => {
    const relabelled: Service = {
      ...svc,
      metadata: { ...svc.metadata, labels: { app: 'web', tier: 'front' } },
    };
    const plan = planSlices(
      relabelled,
      [{ ports, endpoints: [ep('10.0.0.1')] }],
      [slice('web-aaaaa', [ep('10.0.0.1')])],
      opts,
    );
    expect(plan.update[0]?.metadata?.labels?.['tier']).toBe('front');
  });
});
