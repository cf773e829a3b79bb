/**
 * uidTrackingExpectations (tracking_utils.go): the pods whose tracking finalizer this controller
 * removed and whose update it has not yet seen, so that a stale cache never counts a pod twice.
 */
export class FinalizerExpectations {
  private readonly byJob = new Map<string, Set<string>>();
  private readonly jobOfPod = new Map<string, string>();

  expectFinalizersRemoved(jobKey: string, uids: string[]): void {
    let set = this.byJob.get(jobKey);
    if (!set) this.byJob.set(jobKey, (set = new Set()));
    for (const uid of uids) {
      set.add(uid);
      this.jobOfPod.set(uid, jobKey);
    }
  }

  finalizerRemovalObserved(jobKey: string, uid: string): void {
    this.byJob.get(jobKey)?.delete(uid);
    this.jobOfPod.delete(uid);
  }

  expectedUids(jobKey: string): ReadonlySet<string> {
    return this.byJob.get(jobKey) ?? new Set();
  }

  deleteExpectations(jobKey: string): void {
    for (const uid of this.byJob.get(jobKey) ?? []) this.jobOfPod.delete(uid);
    this.byJob.delete(jobKey);
  }
}
