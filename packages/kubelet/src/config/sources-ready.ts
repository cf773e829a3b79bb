/**
 * SourcesReady (pkg/kubelet/config/sources.go): have all pod sources reported at least once?
 * The kubelet records every source it receives an update from; cleanup of pods and containers
 * it does not know about waits until this says yes, so a kubelet started while the API server
 * is down does not kill the API pods it cannot see yet.
 */

export interface SourcesReady {
  /** Records that an update from this source was received. */
  addSource(source: string): void;
  /** True when every configured source has reported. */
  allReady(): boolean;
}

/** `readyFn` is usually `(seen) => podConfig.seenAllSources(seen)`. */
export function createSourcesReady(readyFn: (seen: ReadonlySet<string>) => boolean): SourcesReady {
  const seen = new Set<string>();
  return {
    addSource: (source) => void seen.add(source),
    allReady: () => readyFn(seen),
  };
}
