/** Test helpers for the config sources: manifests and a collector of emitted updates. */
import type { PodUpdate } from '../pod-update.js';

/** A minimal valid pod manifest. */
export const podYaml = (name: string, image = 'busybox', namespace?: string): string =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    '  containers:',
    '  - name: app',
    `    image: ${image}`,
    '',
  ].join('\n');

/** `name:image` of every pod of an update, for compact assertions. */
export const podsOf = (u: PodUpdate | undefined): string[] =>
  (u?.pods ?? []).map((p) => `${p.metadata?.name}:${p.spec?.containers[0]?.image}`);

/** Collects emitted updates; next() resolves with the first later update that matches. */
export class UpdateCollector {
  readonly updates: PodUpdate[] = [];
  private waiters: {
    from: number;
    match: (u: PodUpdate) => boolean;
    resolve: (u: PodUpdate) => void;
  }[] = [];

  readonly emit = (u: PodUpdate): void => {
    this.updates.push(u);
    const index = this.updates.length - 1;
    this.waiters = this.waiters.filter((w) => {
      if (index < w.from || !w.match(u)) return true;
      w.resolve(u);
      return false;
    });
  };

  /** The first update from now on (or from `from`) for which `match` holds. */
  next(
    match: (u: PodUpdate) => boolean = () => true,
    from = this.updates.length,
  ): Promise<PodUpdate> {
    const found = this.updates.slice(from).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ from, match, resolve }));
  }
}
