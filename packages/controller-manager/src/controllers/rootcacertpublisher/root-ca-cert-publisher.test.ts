import type { ConfigMap, Namespace } from '@kubelab/api';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_MAPS, NAMESPACES } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import { waitFor } from '../../testing/wait-for.js';
import {
  DESCRIPTION,
  DESCRIPTION_ANNOTATION,
  isPublished,
  RootCaCertPublisher,
} from './root-ca-cert-publisher.js';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('isPublished', () => {
  const cm = (data: Record<string, string>, annotations?: Record<string, string>): ConfigMap => ({
    metadata: { name: 'kube-root-ca.crt', annotations },
    data,
  });
  it('needs exactly the CA and a description', () => {
    expect(isPublished(cm({ 'ca.crt': CA }, { [DESCRIPTION_ANNOTATION]: DESCRIPTION }), CA)).toBe(
      true,
    );
    expect(isPublished(cm({ 'ca.crt': CA }), CA)).toBe(false);
    expect(isPublished(cm({ 'ca.crt': 'old' }, { [DESCRIPTION_ANNOTATION]: 'x' }), CA)).toBe(false);
    expect(
      isPublished(cm({ 'ca.crt': CA, extra: '1' }, { [DESCRIPTION_ANNOTATION]: 'x' }), CA),
    ).toBe(false);
  });
});

describe('RootCaCertPublisher', () => {
  let h: ControllerHarness;
  const stop = new AbortController();
  afterEach(() => {
    stop.abort();
    h.stop();
  });

  it('keeps kube-root-ca.crt in every namespace, recreated and restored', async () => {
    h = new ControllerHarness();
    await h.seed(NAMESPACES, { metadata: { name: 'a' }, status: { phase: 'Active' } } as Namespace);
    const c = new RootCaCertPublisher(h.context, { rootCA: CA });
    await h.start();
    void c.run(stop.signal);
    const published = (): string[] =>
      h.clients
        .objects<ConfigMap>(CONFIG_MAPS)
        .filter((cm) => isPublished(cm, CA))
        .map((cm) => `${cm.metadata?.namespace}/${cm.metadata?.name}`)
        .sort();
    await waitFor('published in a', () => published().includes('a/kube-root-ca.crt'));
    const first = h.clients.objects<ConfigMap>(CONFIG_MAPS)[0];
    expect(first?.metadata?.annotations).toEqual({ [DESCRIPTION_ANNOTATION]: DESCRIPTION });
    expect(first?.data).toEqual({ 'ca.crt': CA });

    await h.seed(NAMESPACES, { metadata: { name: 'b' }, status: { phase: 'Active' } } as Namespace);
    await waitFor('published in b', () => published().includes('b/kube-root-ca.crt'));

    await h.clients.resource(CONFIG_MAPS, 'a').delete('kube-root-ca.crt');
    await waitFor('recreated in a', () => published().includes('a/kube-root-ca.crt'));

    const edited = await h.clients.resource<ConfigMap>(CONFIG_MAPS, 'b').get('kube-root-ca.crt');
    await h.clients
      .resource<ConfigMap>(CONFIG_MAPS, 'b')
      .update({ ...edited, data: { 'ca.crt': 'tampered' } });
    await waitFor('restored in b', () => published().length === 2);
    expect(published()).toEqual(['a/kube-root-ca.crt', 'b/kube-root-ca.crt']);
  });
});
