import type { Namespace, ServiceAccount } from '@kubelab/api';
import { afterEach, describe, expect, it } from 'vitest';
import { NAMESPACES, SERVICE_ACCOUNTS } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import { waitFor } from '../../testing/wait-for.js';
import { ServiceAccountsController } from './serviceaccounts-controller.js';

describe('ServiceAccountsController', () => {
  let h: ControllerHarness;
  const stop = new AbortController();
  afterEach(() => {
    stop.abort();
    h.stop();
  });

  it('keeps a default ServiceAccount in every active namespace', async () => {
    h = new ControllerHarness();
    await h.seed(NAMESPACES, { metadata: { name: 'a' }, status: { phase: 'Active' } } as Namespace);
    await h.seed(NAMESPACES, {
      metadata: { name: 'gone', deletionTimestamp: '2024-01-01T00:00:00Z' },
      status: { phase: 'Terminating' },
    } as Namespace);
    const c = new ServiceAccountsController(h.context);
    await h.start();
    void c.run(stop.signal);
    const accounts = (): string[] =>
      h.clients
        .objects<ServiceAccount>(SERVICE_ACCOUNTS)
        .map((s) => `${s.metadata?.namespace}/${s.metadata?.name}`)
        .sort();
    await waitFor('default in a', () => accounts().includes('a/default'));
    await h.seed(NAMESPACES, { metadata: { name: 'b' }, status: { phase: 'Active' } } as Namespace);
    await waitFor('default in b', () => accounts().includes('b/default'));
    await h.clients.resource(SERVICE_ACCOUNTS, 'a').delete('default');
    await waitFor('default recreated in a', () => accounts().includes('a/default'));
    expect(accounts()).toEqual(['a/default', 'b/default']);
  });
});
