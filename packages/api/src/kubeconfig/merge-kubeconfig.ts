/**
 * Adds or removes one cluster's entries in a user's kubeconfig, keeping every other entry and
 * field as it was (kind's kubeconfig merge.go and remove.go).
 */
import { parseKubeconfig, serializeKubeconfig, type KubeconfigFile } from './kubeconfig-file.js';

type Entry = { name: string };

/** Replaces entries with the same name in place; appends the others. */
function upsert<T extends Entry>(existing: T[] | undefined, additions: T[] | undefined): T[] {
  const out = [...(existing ?? [])];
  for (const add of additions ?? []) {
    const i = out.findIndex((e) => e.name === add.name);
    if (i >= 0) out[i] = add;
    else out.push(add);
  }
  return out;
}

export function mergeKubeconfig(
  existingYaml: string | undefined,
  addition: string,
  opts: { setCurrent: boolean },
): string {
  const existing = parseKubeconfig(existingYaml ?? '');
  const add = parseKubeconfig(addition);
  const merged: KubeconfigFile = {
    ...existing,
    apiVersion: existing.apiVersion ?? add.apiVersion ?? 'v1',
    kind: existing.kind ?? add.kind ?? 'Config',
    clusters: upsert(existing.clusters, add.clusters),
    users: upsert(existing.users, add.users),
    contexts: upsert(existing.contexts, add.contexts),
  };
  if (opts.setCurrent && add['current-context']) merged['current-context'] = add['current-context'];
  return serializeKubeconfig(merged);
}

export interface KubeconfigEntryNames {
  cluster: string;
  user: string;
  context: string;
}

/** Drops the named entries; unsets current-context when it pointed at the removed context. */
export function removeFromKubeconfig(existingYaml: string, names: KubeconfigEntryNames): string {
  const cfg = parseKubeconfig(existingYaml);
  const without = <T extends Entry>(list: T[] | undefined, name: string): T[] | undefined =>
    list?.filter((e) => e.name !== name);
  const out: KubeconfigFile = {
    ...cfg,
    clusters: without(cfg.clusters, names.cluster),
    users: without(cfg.users, names.user),
    contexts: without(cfg.contexts, names.context),
  };
  if (out['current-context'] === names.context) delete out['current-context'];
  return serializeKubeconfig(out);
}
