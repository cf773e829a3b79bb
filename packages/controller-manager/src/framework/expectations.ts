/**
 * ControllerExpectations (pkg/controller/controller_utils.go): after creating or deleting N
 * pods a controller waits until its informer has seen them before syncing that key again, so
 * a stale cache never makes it create or delete twice. Expectations expire after 5 minutes.
 */
import type { Clock } from '@kubelab/api';

export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  del: number;
  /** Keys (ns/name) of the pods whose deletion is awaited (UIDTrackingControllerExpectations). */
  deleting: Set<string>;
  timestamp: number;
}

export class ControllerExpectations {
  private readonly byKey = new Map<string, Expectation>();

  constructor(private readonly clock: Clock) {}

  /** True when the controller may sync the key: nothing pending, expired, or never set. */
  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.clock.now() - e.timestamp > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(key: string, n: number): void {
    this.byKey.set(key, { add: n, del: 0, deleting: new Set(), timestamp: this.clock.now() });
  }

  expectDeletions(key: string, podKeys: string[]): void {
    this.byKey.set(key, {
      add: 0,
      del: podKeys.length,
      deleting: new Set(podKeys),
      timestamp: this.clock.now(),
    });
  }

  /** SetExpectations: creations and deletions at once (the DaemonSet controller). */
  setExpectations(key: string, add: number, podKeys: string[]): void {
    this.byKey.set(key, {
      add,
      del: podKeys.length,
      deleting: new Set(podKeys),
      timestamp: this.clock.now(),
    });
  }

  creationObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.add--;
  }

  /** A pod went away (or started terminating); counts once per pod key. */
  deletionObserved(key: string, podKey: string): void {
    const e = this.byKey.get(key);
    if (e && e.deleting.delete(podKey)) e.del--;
  }

  /** A create that failed or was skipped will never be observed. */
  lowerExpectations(key: string, add: number, del: number): void {
    const e = this.byKey.get(key);
    if (!e) return;
    e.add -= add;
    e.del -= del;
  }

  delete(key: string): void {
    this.byKey.delete(key);
  }
}
