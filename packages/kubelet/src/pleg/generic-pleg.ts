/**
 * The pod lifecycle event generator (pleg/generic.go): relists the runtime every second (and
 * whenever asked), keeps the latest state of every pod, and reports the pods whose sandboxes
 * or containers changed. The diff is a pure function.
 */
import type { Clock, Logger } from '@kubelab/api';
import type { ContainerRuntime, RuntimeContainer, RuntimeSandbox } from '../runtime/container-runtime.js';
import type { RuntimePodState } from '../kuberuntime/pod-syncer.js';

export type RuntimeSnapshot = Map<string, RuntimePodState>;

function fingerprint(s: RuntimePodState): string {
  const parts = [
    ...s.sandboxes.map((x) => `s:${x.id}:${x.state}`),
    ...s.containers.map((c) => `c:${c.id}:${c.state}:${c.exitCode ?? ''}`),
  ];
  return parts.sort().join('|');
}

export function groupByPod(sandboxes: RuntimeSandbox[], containers: RuntimeContainer[]): RuntimeSnapshot {
  const out: RuntimeSnapshot = new Map();
  const get = (uid: string): RuntimePodState => {
    let s = out.get(uid);
    if (!s) {
      s = { sandboxes: [], containers: [] };
      out.set(uid, s);
    }
    return s;
  };
  for (const s of sandboxes) get(s.pod.uid).sandboxes.push(s);
  for (const c of containers) get(c.pod.uid).containers.push(c);
  return out;
}

/** UIDs of pods whose runtime state differs between two relists. */
export function changedPods(prev: RuntimeSnapshot, next: RuntimeSnapshot): string[] {
  const changed: string[] = [];
  for (const [uid, s] of next) {
    const p = prev.get(uid);
    if (!p || fingerprint(p) !== fingerprint(s)) changed.push(uid);
  }
  for (const uid of prev.keys()) if (!next.has(uid)) changed.push(uid);
  return changed;
}

export class GenericPleg {
  private snapshot: RuntimeSnapshot = new Map();
  private relisting: Promise<void> | undefined;
  private again = false;
  private readonly ac = new AbortController();
  private lastRelist = 0;

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly onChange: (uids: string[]) => void,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly periodMs = 1000,
  ) {}

  podState(uid: string): RuntimePodState {
    return this.snapshot.get(uid) ?? { sandboxes: [], containers: [] };
  }

  allPods(): RuntimeSnapshot {
    return this.snapshot;
  }

  /** Healthy when a relist succeeded within the last 3 minutes (upstream's relistThreshold). */
  healthy(): boolean {
    return this.clock.now() - this.lastRelist < 180_000;
  }

  start(): void {
    void (async () => {
      while (!this.ac.signal.aborted) {
        await this.relist();
        await this.clock.sleep(this.periodMs, this.ac.signal).catch(() => undefined);
      }
    })();
  }

  stop(): void {
    this.ac.abort();
  }

  /** Relists now (coalescing concurrent requests); resolves when a relist after this call ended. */
  relist(): Promise<void> {
    if (this.relisting) {
      this.again = true;
      return this.relisting;
    }
    this.relisting = (async () => {
      do {
        this.again = false;
        try {
          const [sandboxes, containers] = await Promise.all([this.runtime.listSandboxes(), this.runtime.listContainers()]);
          const next = groupByPod(sandboxes, containers);
          const changed = changedPods(this.snapshot, next);
          this.snapshot = next;
          this.lastRelist = this.clock.now();
          if (changed.length) this.onChange(changed);
        } catch (err) {
          this.logger.error('GenericPLEG: Unable to retrieve pods', err);
        }
      } while (this.again);
    })().finally(() => {
      this.relisting = undefined;
    });
    return this.relisting;
  }
}
