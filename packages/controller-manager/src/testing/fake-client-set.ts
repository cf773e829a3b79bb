/**
 * An in-memory ClientSet for unit tests: one FakeResourceClient store per resource, so that
 * every namespace-scoped client sees the same objects and informers watch them.
 */
import type { Namespace, ResourceInfo } from '@kubelab/api';
import type { KubeObject, ResourceClient } from '@kubelab/api/client';
import { FakeResourceClient } from '@kubelab/api/testing';
import type { ClientSet } from '../framework/client-set.js';
import { NAMESPACES } from '../framework/resources.js';

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

function randomSuffix(): string {
  let out = '';
  for (let i = 0; i < 5; i++) out += ALPHANUMS[Math.floor(Math.random() * ALPHANUMS.length)];
  return out;
}

export class FakeClientSet implements ClientSet {
  private readonly roots = new Map<ResourceInfo, FakeResourceClient<KubeObject>>();

  /** The cluster-wide fake client of a resource (its store records calls and injects faults). */
  fake<T extends KubeObject>(info: ResourceInfo): FakeResourceClient<T> {
    let c = this.roots.get(info);
    if (!c) {
      c = new FakeResourceClient<KubeObject>(info);
      // UIDs unique across resources, as the garbage collector's graph needs them.
      let n = 0;
      c.store.nextUid = () => `${info.plural}-uid-${++n}`;
      this.roots.set(info, c);
    }
    return c as unknown as FakeResourceClient<T>;
  }

  resource<T extends KubeObject>(info: ResourceInfo, namespace?: string): ResourceClient<T> {
    const client = this.fake<T>(info).inNamespace(info.namespaced ? namespace : undefined);
    const create = client.create.bind(client);
    // The fake store does not generate names; the apiserver does (names.SimpleNameGenerator).
    client.create = (obj: T) => {
      const meta = obj.metadata;
      if (meta && !meta.name && meta.generateName) {
        obj = { ...obj, metadata: { ...meta, name: `${meta.generateName}${randomSuffix()}` } };
      }
      return create(obj);
    };
    return client;
  }

  async finalizeNamespace(ns: Namespace): Promise<Namespace> {
    const client = this.fake<Namespace>(NAMESPACES);
    const cur = await client.get(ns.metadata?.name ?? '');
    const next = await client.update({
      ...cur,
      spec: { ...cur.spec, finalizers: ns.spec?.finalizers ?? [] },
    });
    if (next.metadata?.deletionTimestamp && (next.spec?.finalizers ?? []).length === 0) {
      await client.delete(next.metadata.name ?? '');
    }
    return next;
  }

  /** Objects currently stored for a resource. */
  objects<T extends KubeObject>(info: ResourceInfo): T[] {
    return this.fake<T>(info).store.all();
  }
}
