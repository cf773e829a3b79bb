import type { EndpointSlice, Pod, Service } from '@kubelab/api';
import { afterEach, describe, expect, it } from 'vitest';
import { ENDPOINT_SLICES, PODS, SERVICES } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import { endpointPod, endpointService } from '../../testing/endpoint-fixtures.js';
import { waitFor } from '../../testing/wait-for.js';
import { EndpointSliceController } from './endpointslice-controller.js';
import { CONTROLLER_NAME, MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from './slice-plan.js';

const service = endpointService;
const pod = (name: string, ip: string, ready: boolean): Pod => endpointPod(name, ip, { ready });

describe('EndpointSliceController', () => {
  let h: ControllerHarness;
  const stop = new AbortController();
  afterEach(() => {
    stop.abort();
    h.stop();
  });

  it('keeps the slices of each selecting Service in step with its pods', async () => {
    h = new ControllerHarness();
    await h.seed(
      SERVICES,
      service('web', {
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      }),
    );
    await h.seed(
      SERVICES,
      service('manual', { clusterIP: '10.96.0.11', ports: [{ port: 80, protocol: 'TCP' }] }),
    );
    await h.seed(
      SERVICES,
      service('empty', {
        selector: { app: 'nothing' },
        clusterIP: '10.96.0.12',
        ports: [{ port: 80, protocol: 'TCP' }],
      }),
    );
    await h.seed(PODS, pod('a', '10.244.1.2', true));
    await h.seed(PODS, pod('b', '10.244.1.3', false));
    const c = new EndpointSliceController(h.context);
    await h.start();
    void c.run(stop.signal);
    const slicesOf = (svc: string): EndpointSlice[] =>
      h.clients
        .objects<EndpointSlice>(ENDPOINT_SLICES)
        .filter((s) => s.metadata?.labels?.[SERVICE_NAME_LABEL] === svc);
    const view = (svc: string): string =>
      JSON.stringify(
        slicesOf(svc).map((s) => s.endpoints.map((e) => [e.addresses[0], e.conditions?.ready])),
      );

    await waitFor(
      'slices of web',
      () => view('web') === '[[["10.244.1.2",true],["10.244.1.3",false]]]',
    );
    const [web] = slicesOf('web');
    expect(web?.metadata?.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(web?.metadata?.labels).toEqual({
      app: 'web',
      [SERVICE_NAME_LABEL]: 'web',
      [MANAGED_BY_LABEL]: CONTROLLER_NAME,
    });
    const webUid = h.clients.objects<Service>(SERVICES).find((s) => s.metadata?.name === 'web')
      ?.metadata?.uid;
    expect(web?.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'web',
        uid: webUid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(web?.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(web?.addressType).toBe('IPv4');
    // A Service without a selector gets nothing; one selecting no pod gets a placeholder.
    await waitFor('placeholder of empty', () => slicesOf('empty').length === 1);
    expect(slicesOf('empty')[0]?.endpoints).toEqual([]);
    expect(slicesOf('empty')[0]?.ports).toEqual([]);
    expect(slicesOf('manual')).toEqual([]);

    const b = await h.clients.resource<Pod>(PODS, 'ns').get('b');
    await h.clients.resource<Pod>(PODS, 'ns').update({
      ...b,
      status: {
        ...b.status,
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:02Z' }],
      },
    });
    await waitFor('b ready', () => view('web') === '[[["10.244.1.2",true],["10.244.1.3",true]]]');
    expect(slicesOf('web')[0]?.metadata?.name).toBe(web?.metadata?.name);

    await h.clients.resource(PODS, 'ns').delete('a');
    await waitFor('a removed', () => view('web') === '[[["10.244.1.3",true]]]');

    // A managed slice deleted by hand comes back.
    await h.clients
      .resource(ENDPOINT_SLICES, 'ns')
      .delete(slicesOf('web')[0]?.metadata?.name ?? '');
    await waitFor('recreated', () => view('web') === '[[["10.244.1.3",true]]]');
    expect(h.events).toEqual([]);
  });
});
