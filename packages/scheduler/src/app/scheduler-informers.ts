/**
 * The informers kube-scheduler runs: pods that are not finished (field selector
 * status.phase!=Succeeded,status.phase!=Failed), nodes, and the namespaces, services and
 * replicasets the affinity and default spreading plugins read.
 */
import { findResource, type Namespace, type Node, type Pod, type ReplicaSet, type Service } from '@kubelab/api';
import type { KubeObject, RestClient } from '@kubelab/api/client';
import { createInformer, type Informer } from '@kubelab/api/informer';
import type { Clock, Logger } from '@kubelab/api';
import type { SchedulerListers } from '../scheduler-handle.js';

export const POD_FIELD_SELECTOR = 'status.phase!=Succeeded,status.phase!=Failed';

export interface SchedulerInformers {
  pods: Informer<Pod>;
  nodes: Informer<Node>;
  namespaces: Informer<Namespace>;
  services: Informer<Service>;
  replicaSets: Informer<ReplicaSet>;
}

function informer<T extends KubeObject>(rest: RestClient, group: string, plural: string, o: { clock: Clock; logger: Logger; fieldSelector?: string }): Informer<T> {
  const info = findResource(group, 'v1', plural);
  if (!info) throw new Error(`${plural} are not in the resource table`);
  return createInformer<T>({
    client: rest.resource<T>(info),
    clock: o.clock,
    logger: o.logger,
    ...(o.fieldSelector ? { fieldSelector: o.fieldSelector } : {}),
  });
}

export function createSchedulerInformers(rest: RestClient, o: { clock: Clock; logger: Logger }): SchedulerInformers {
  return {
    pods: informer<Pod>(rest, '', 'pods', { ...o, fieldSelector: POD_FIELD_SELECTOR }),
    nodes: informer<Node>(rest, '', 'nodes', o),
    namespaces: informer<Namespace>(rest, '', 'namespaces', o),
    services: informer<Service>(rest, '', 'services', o),
    replicaSets: informer<ReplicaSet>(rest, 'apps', 'replicasets', o),
  };
}

export function allInformers(i: SchedulerInformers): Informer<KubeObject>[] {
  return [i.pods, i.nodes, i.namespaces, i.services, i.replicaSets] as unknown as Informer<KubeObject>[];
}

export function informerListers(i: SchedulerInformers): SchedulerListers {
  return {
    namespaces: () => i.namespaces.cache.list(),
    services: (ns) => i.services.cache.list(ns),
    replicaSet: (ns, name) => i.replicaSets.cache.get(ns, name),
  };
}
