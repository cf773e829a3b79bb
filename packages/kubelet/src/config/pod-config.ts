/**
 * PodConfig (pkg/kubelet/config/config.go, incremental mode): merges the full snapshots (SET) of
 * every source into one ordered stream of ADD / UPDATE / DELETE / REMOVE / RECONCILE, keyed by
 * pod UID per source. Pods are stamped with `kubernetes.io/config.source`, and with
 * `kubernetes.io/config.seen` when first seen (kept across updates).
 */
import {
  noopLogger,
  realClock,
  rfc3339NanoFixed,
  type Clock,
  type Logger,
  type ObjectReference,
  type Pod,
} from '@kubelab/api';
import { nullRecorder, type EventRecorder } from '../events/event-recorder.js';
import { checkAndUpdatePod } from './pod-diff.js';
import type { PodSource } from './pod-source.js';
import {
  CONFIG_FIRST_SEEN_ANNOTATION,
  CONFIG_SOURCE_ANNOTATION,
  podDesc,
  podFullName,
  type PodUpdate,
  type SourceName,
} from './pod-update.js';

export interface PodConfigOptions {
  clock?: Clock;
  logger?: Logger;
  recorder?: EventRecorder;
  /** Sources registered up front (upstream: each PodConfig.Channel call). */
  sources?: readonly SourceName[];
}

/** The event reference of a pod (reference.GetReference). */
export function podReference(pod: Pod): ObjectReference {
  const m = pod.metadata ?? {};
  const ref: ObjectReference = {
    kind: 'Pod',
    apiVersion: 'v1',
    name: m.name ?? '',
    namespace: m.namespace ?? '',
  };
  if (m.uid) ref.uid = m.uid;
  if (m.resourceVersion) ref.resourceVersion = m.resourceVersion;
  return ref;
}

export class PodConfig {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly recorder: EventRecorder;
  private readonly sources = new Set<SourceName>();
  private readonly sourcesSeen = new Set<SourceName>();
  private readonly pods = new Map<SourceName, Map<string, Pod>>();

  constructor(opts: PodConfigOptions = {}) {
    this.clock = opts.clock ?? realClock;
    this.logger = opts.logger ?? noopLogger;
    this.recorder = opts.recorder ?? nullRecorder;
    for (const s of opts.sources ?? []) this.sources.add(s);
  }

  /** Registers a source whose first SET the kubelet must see before it is "ready". */
  addSource(source: SourceName): void {
    this.sources.add(source);
  }

  /**
   * True when every registered source is in `seenSources` (the sources the consumer got an
   * update from) and has sent at least one SET here (PodConfig.SeenAllSources).
   */
  seenAllSources(seenSources: Iterable<string>): boolean {
    const seen = new Set(seenSources);
    return [...this.sources].every((s) => seen.has(s) && this.sourcesSeen.has(s));
  }

  /** A copy of every pod of every source (mergedState). */
  mergedState(): Pod[] {
    return [...this.pods.values()].flatMap((m) => [...m.values()].map((p) => structuredClone(p)));
  }

  /**
   * Folds one source update in and returns the resulting updates, in upstream's channel order:
   * REMOVE, ADD, UPDATE, DELETE, then RECONCILE. The first SET of a source with no ADD, UPDATE
   * or DELETE still yields an empty ADD, so that the consumer learns the source is ready.
   */
  merge(update: PodUpdate): PodUpdate[] {
    const source = update.source;
    const seenBefore = this.sourcesSeen.has(source);
    const adds: Pod[] = [];
    const updates: Pod[] = [];
    const deletes: Pod[] = [];
    const removes: Pod[] = [];
    const reconciles: Pod[] = [];
    let pods = this.pods.get(source) ?? new Map<string, Pod>();

    const fold = (newPods: Pod[], oldPods: Map<string, Pod>, into: Map<string, Pod>): void => {
      for (const ref of this.filterInvalidPods(newPods, source)) {
        const meta = (ref.metadata ??= {});
        meta.annotations = { ...meta.annotations, [CONFIG_SOURCE_ANNOTATION]: source };
        const uid = meta.uid ?? '';
        const existing = oldPods.get(uid);
        if (existing) {
          into.set(uid, existing);
          const change = checkAndUpdatePod(existing, ref);
          if (change === 'update') updates.push(existing);
          else if (change === 'reconcile') reconciles.push(existing);
          else if (change === 'delete') deletes.push(existing);
          continue;
        }
        this.logger.debug('Receiving a new pod', {
          pod: `${meta.namespace ?? ''}/${meta.name ?? ''}`,
        });
        meta.annotations[CONFIG_FIRST_SEEN_ANNOTATION] = rfc3339NanoFixed(this.clock.now());
        into.set(uid, ref);
        adds.push(ref);
      }
    };

    switch (update.op) {
      case 'ADD':
      case 'UPDATE':
      case 'DELETE':
        fold(update.pods, pods, pods);
        break;
      case 'REMOVE':
        for (const p of update.pods) {
          const uid = p.metadata?.uid ?? '';
          const existing = pods.get(uid);
          if (!existing) continue;
          pods.delete(uid);
          removes.push(existing);
        }
        break;
      case 'SET': {
        this.sourcesSeen.add(source);
        const oldPods = pods;
        pods = new Map();
        fold(update.pods, oldPods, pods);
        for (const [uid, existing] of oldPods) if (!pods.has(uid)) removes.push(existing);
        break;
      }
      default:
        this.logger.info('Received invalid update type', { type: update.op });
    }
    this.pods.set(source, pods);

    const firstSet = !seenBefore && this.sourcesSeen.has(source);
    const out: PodUpdate[] = [];
    const push = (op: PodUpdate['op'], list: Pod[]): void => {
      out.push({ op, source, pods: list.map((p) => structuredClone(p)) });
    };
    if (removes.length) push('REMOVE', removes);
    if (adds.length) push('ADD', adds);
    if (updates.length) push('UPDATE', updates);
    if (deletes.length) push('DELETE', deletes);
    if (firstSet && !adds.length && !updates.length && !deletes.length) push('ADD', []);
    if (reconciles.length) push('RECONCILE', reconciles);
    return out;
  }

  /** Runs every source into this merger, calling onUpdate for each merged update, until aborted. */
  async run(
    sources: readonly PodSource[],
    onUpdate: (u: PodUpdate) => void,
    signal: AbortSignal,
  ): Promise<void> {
    for (const s of sources) this.addSource(s.name);
    await Promise.all(
      sources.map((s) =>
        s.run((u) => {
          for (const out of this.merge(u)) onUpdate(out);
        }, signal),
      ),
    );
  }

  /** filterInvalidPods: of pods sharing a full name within one source, only the first is kept. */
  private filterInvalidPods(pods: Pod[], source: SourceName): Pod[] {
    const names = new Set<string>();
    const kept: Pod[] = [];
    pods.forEach((pod, index) => {
      const name = podFullName(pod);
      if (!names.has(name)) {
        names.add(name);
        kept.push(pod);
        return;
      }
      const m = pod.metadata ?? {};
      this.logger.info('Pod failed validation due to duplicate pod name, ignoring', {
        index,
        pod: `${m.namespace ?? ''}/${m.name ?? ''}`,
        source,
      });
      this.recorder.event(
        podReference(pod),
        'Warning',
        'FailedValidation',
        `Error validating pod ${podDesc(pod)} from ${source} due to duplicate pod name ${JSON.stringify(m.name ?? '')}, ignoring`,
      );
    });
    return kept;
  }
}
