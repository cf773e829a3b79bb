/**
 * A create that fails part-way: without --retain everything made so far is removed; with it
 * the half-made cluster stays for debugging, blocks a second create of that name, and
 * `delete cluster` removes it from what exists (labels and directories).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterDir } from '../src/cluster/layout.js';
import { createClusterHarness, type ClusterHarness } from './cluster-harness.js';

let h: ClusterHarness;
let config: string;

/** A control plane without a static pod directory cannot boot: the [control-plane] phase fails. */
const BROKEN = ['kind: Cluster', 'apiVersion: kubelab.dev/v1alpha1', 'nodes:', '- role: control-plane', '  kubelet:', '    staticPodPath: ""', '- role: worker', ''].join('\n');

beforeAll(async () => {
  h = await createClusterHarness('klfail');
  config = join(h.home, 'broken.yaml');
  await writeFile(config, BROKEN);
});

afterAll(async () => {
  await h?.cleanup();
});

describe('a failed create', () => {
  it('removes what it made', async () => {
    const name = h.name('gone');
    const r = await h.kubelab(['create', 'cluster', '--name', name, '--config', config]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`ERROR: failed to create cluster: the control-plane node "${name}-control-plane" has no staticPodPath: its kubelet could not boot the control plane\n`);
    expect(r.stdout).toContain('[certs] Generating "ca" certificate and key');
    expect(await h.leftovers(name)).toEqual([]);
  });

  it('keeps it with --retain; the name is then taken until delete removes the half-made cluster', async () => {
    const name = h.name('kept');
    const r = await h.kubelab(['create', 'cluster', '--name', name, '--config', config, '--retain']);
    expect(r.code).toBe(1);
    expect(await h.leftovers(name)).toEqual(['network', 'directory']);
    expect(existsSync(join(clusterDir(name, h.env), 'nodes', `${name}-control-plane`, 'etc/kubernetes/pki/ca.key'))).toBe(true);

    const again = await h.kubelab(['create', 'cluster', '--name', name]);
    expect(again.stderr).toBe(`ERROR: failed to create cluster: node(s) already exist for a cluster with the name "${name}"\n`);
    expect(await h.leftovers(name)).toEqual(['network', 'directory']);

    const deleted = await h.kubelab(['delete', 'cluster', '--name', name]);
    expect(deleted.code).toBe(0);
    expect(await h.leftovers(name)).toEqual([]);
  });
});
