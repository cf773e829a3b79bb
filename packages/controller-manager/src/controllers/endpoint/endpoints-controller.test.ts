import type { Endpoints, Pod } from '@kubelab/api';
import { afterEach, describe, expect, it } from 'vitest';
import { ENDPOINTS, PODS, SERVICES } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import { endpointPod, endpointService } from '../../testing/endpoint-fixtures.js';
import { waitFor } from '../../testing/wait-for.js';
import {
  EndpointsController,
  HEADLESS_LABEL,
  TRIGGER_TIME_ANNOTATION,
} from './endpoints-controller.js';

const service = endpointService;
const pod = (name: string, ip: string, ready: boolean): Pod => endpointPod(name, ip, { ready });

describe('EndpointsController', () => {
  let h: ControllerHarness;
  const stop = new AbortController();
  afterEach(() => {
    stop.abort();
    h.stop();
  });

  it('keeps an Endpoints object per selecting Service in step with its pods', async () => {
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
    await h.seed(ENDPOINTS, {
      metadata: { name: 'orphan', namespace: 'ns' },
      subsets: [],
    } as Endpoints);
    await h.seed(PODS, pod('a', '10.244.1.2', true));
    await h.seed(PODS, pod('b', '10.244.1.3', false));
    const c = new EndpointsController(h.context);
    await h.start();
    void c.run(stop.signal);
    const ep = (name: string): Endpoints | undefined =>
      h.clients.objects<Endpoints>(ENDPOINTS).find((e) => e.metadata?.name === name);
    const ips = (e: Endpoints | undefined): string =>
      JSON.stringify([
        e?.subsets?.[0]?.addresses?.map((a) => a.ip),
        e?.subsets?.[0]?.notReadyAddresses?.map((a) => a.ip),
      ]);

    await waitFor('endpoints of web', () => ep('web') !== undefined && ep('orphan') === undefined);
    const web = ep('web');
    expect(ips(web)).toBe('[["10.244.1.2"],["10.244.1.3"]]');
    expect(web?.subsets?.[0]?.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    expect(web?.metadata?.labels).toEqual({ app: 'web' });
    expect(web?.metadata?.annotations).toEqual({
      [TRIGGER_TIME_ANNOTATION]: '2026-01-01T00:00:00Z',
    });
    expect(ep('manual')).toBeUndefined();

    const b = await h.clients.resource<Pod>(PODS, 'ns').get('b');
    await h.clients.resource<Pod>(PODS, 'ns').update({
      ...b,
      status: {
        ...b.status,
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:02Z' }],
      },
    });
    await waitFor('b ready', () => ips(ep('web')) === '[["10.244.1.2","10.244.1.3"],null]');
    expect(ep('web')?.metadata?.annotations?.[TRIGGER_TIME_ANNOTATION]).toBe(
      '2026-01-01T00:00:02Z',
    );

    await h.clients.resource(PODS, 'ns').delete('a');
    await waitFor('a removed', () => ips(ep('web')) === '[["10.244.1.3"],null]');

    await h.clients.resource(ENDPOINTS, 'ns').delete('web');
    await waitFor('recreated', () => ips(ep('web')) === '[["10.244.1.3"],null]');

    await h.seed(
      SERVICES,
      service('headless', {
        selector: { app: 'web' },
        clusterIP: 'None',
        ports: [{ port: 80, protocol: 'TCP' }],
      }),
    );
    await waitFor('headless endpoints', () => ep('headless') !== undefined);
    expect(ep('headless')?.metadata?.labels).toEqual({ app: 'headless', [HEADLESS_LABEL]: '' });

    await h.clients.resource(SERVICES, 'ns').delete('web');
    await waitFor('deleted with the service', () => ep('web') === undefined);
    expect(h.events).toEqual([]);
  });
});
