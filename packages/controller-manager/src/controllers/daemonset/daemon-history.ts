/**
 * constructHistory / snapshot / cleanupHistory (update.go): the ControllerRevision matching the
 * current template (created with the next revision number when missing), the older ones, and
 * pruning them down to revisionHistoryLimit, never removing a revision a live pod still runs.
 */
import {
  labelSelectorFromMeta,
  isAlreadyExists,
  isNotFound,
  type ControllerRevision,
  type DaemonSet,
  type Logger,
  type Pod,
} from '@kubelab/api';
import type { ClientSet } from '../../framework/client-set.js';
import { newControllerRef } from '../../framework/controller-ref.js';
import { claimObjects } from '../../framework/controller-ref-manager.js';
import { CONTROLLER_REVISIONS, DAEMON_SETS } from '../../framework/resources.js';
import { computeHash } from '../../util/pod-template-hash/compute-hash.js';
import {
  byRevisionNumber,
  matchesRevision,
  maxRevision,
  revisionPatch,
} from './controller-history.js';
import { CONTROLLER_REVISION_HASH_LABEL } from './daemon-pod.js';

export interface History {
  cur: ControllerRevision;
  old: ControllerRevision[];
}

export class DaemonHistory {
  constructor(private readonly o: { clients: ClientSet; logger: Logger }) {}

  private client(ns: string | undefined) {
    return this.o.clients.resource<ControllerRevision>(CONTROLLER_REVISIONS, ns);
  }

  /** Claims the revisions the DaemonSet selects, then sorts them into current and old. */
  async construct(ds: DaemonSet, candidates: ControllerRevision[]): Promise<History> {
    const histories = await claimObjects(
      {
        owner: ds,
        controllerRef: newControllerRef(ds, DAEMON_SETS),
        selector: labelSelectorFromMeta(ds.spec?.selector),
        client: this.client(ds.metadata?.namespace),
        recheckOwner: async () => ds,
      },
      candidates,
    );
    const current: ControllerRevision[] = [];
    const old: ControllerRevision[] = [];
    for (let h of histories) {
      if (!h.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL]) {
        const copy = structuredClone(h);
        (copy.metadata ??= {}).labels = {
          ...copy.metadata.labels,
          [CONTROLLER_REVISION_HASH_LABEL]: copy.metadata.name ?? '',
        };
        h = await this.client(ds.metadata?.namespace).update(copy);
      }
      (matchesRevision(ds, h) ? current : old).push(h);
    }
    const next = maxRevision(old) + 1;
    if (current.length === 0) return { cur: await this.snapshot(ds, next), old };
    const cur = await this.dedup(current);
    if ((cur.revision ?? 0) < next) {
      const updated = await this.client(ds.metadata?.namespace).update({ ...cur, revision: next });
      return { cur: updated, old };
    }
    return { cur, old };
  }

  /** dedupCurHistories: keep the highest revision, delete the duplicates. */
  private async dedup(current: ControllerRevision[]): Promise<ControllerRevision> {
    const sorted = [...current].sort(byRevisionNumber);
    const keep = sorted[sorted.length - 1] as ControllerRevision;
    for (const dup of sorted.slice(0, -1)) {
      await this.client(dup.metadata?.namespace)
        .delete(dup.metadata?.name ?? '')
        .catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
    }
    return keep;
  }

  private async snapshot(ds: DaemonSet, revision: number): Promise<ControllerRevision> {
    const hash = computeHash(ds.spec?.template ?? {}, ds.status?.collisionCount);
    const name = `${ds.metadata?.name ?? ''}-${hash}`;
    const history: ControllerRevision = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name,
        namespace: ds.metadata?.namespace ?? '',
        labels: { ...ds.spec?.template?.metadata?.labels, [CONTROLLER_REVISION_HASH_LABEL]: hash },
        ...(ds.metadata?.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
        ownerReferences: [newControllerRef(ds, DAEMON_SETS)],
      },
      data: revisionPatch(ds),
      revision,
    };
    const client = this.client(ds.metadata?.namespace);
    try {
      return await client.create(history);
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      const existing = await client.get(name);
      if (matchesRevision(ds, existing)) return existing;
      const dsClient = this.o.clients.resource<DaemonSet>(DAEMON_SETS, ds.metadata?.namespace);
      const currDS = await dsClient.get(ds.metadata?.name ?? '');
      if ((currDS.status?.collisionCount ?? null) !== (ds.status?.collisionCount ?? null)) {
        throw new Error(
          `found a stale collision count (${ds.status?.collisionCount ?? 0}, expected ${currDS.status?.collisionCount ?? 0}) of DaemonSet "${ds.metadata?.name ?? ''}" while processing; will retry until it is updated`,
          { cause: err },
        );
      }
      const status = {
        ...(currDS.status ?? {
          currentNumberScheduled: 0,
          desiredNumberScheduled: 0,
          numberMisscheduled: 0,
          numberReady: 0,
        }),
      };
      status.collisionCount = (status.collisionCount ?? 0) + 1;
      await dsClient.updateStatus({ ...currDS, status });
      this.o.logger.info(
        'Found a hash collision for DaemonSet - bumping collisionCount to resolve it',
        {
          daemonset: `${ds.metadata?.namespace ?? ''}/${ds.metadata?.name ?? ''}`,
          collisionCount: status.collisionCount,
        },
      );
      throw err;
    }
  }

  async cleanup(ds: DaemonSet, old: ControllerRevision[], livePods: Pod[]): Promise<void> {
    let toKill = old.length - (ds.spec?.revisionHistoryLimit ?? 10);
    if (toKill <= 0) return;
    const live = new Set(
      livePods
        .map((p) => p.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL])
        .filter((h): h is string => !!h),
    );
    for (const h of [...old].sort(byRevisionNumber)) {
      if (toKill <= 0) break;
      if (live.has(h.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '')) continue;
      await this.client(h.metadata?.namespace)
        .delete(h.metadata?.name ?? '')
        .catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
      toKill--;
    }
  }
}
