/**
 * Breaking and repairing the control plane the kubeadm way: a bad flag written into
 * kube-scheduler.yaml makes the scheduler's static pod crash-loop with the reason in
 * `kubectl logs`; restoring the manifest heals it.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '@kubelab/api';
import { waitFor } from '../../kubelet/test/harness/wait-for.js';
import { readClusterRecord } from '../src/cluster/cluster-store.js';
import type { ClusterRecord } from '../src/cluster/layout.js';
import { createClusterHarness, type ClusterHarness } from './cluster-harness.js';

let h: ClusterHarness;
let name: string;
let manifest: string;

async function schedulerPod(): Promise<Pod | undefined> {
  const r = await h.kubectl(name, ['get', 'pod', '-n', 'kube-system', `kube-scheduler-${name}-control-plane`, '-o', 'json']);
  return r.code === 0 ? (JSON.parse(r.stdout) as Pod) : undefined;
}

/** Written elsewhere and moved in, as an editor saving the file does. */
async function replaceManifest(text: string): Promise<void> {
  const tmp = join(h.home, 'kube-scheduler.yaml.tmp');
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, manifest);
}

beforeAll(async () => {
  h = await createClusterHarness('klfix');
  name = h.name('r');
  const r = await h.kubelab(['create', 'cluster', '--name', name, '--workers', '0', '--wait', '2m']);
  expect(r.stderr, r.stdout).toBe('');
  expect(r.code, r.stdout).toBe(0);
  const record = (await readClusterRecord(name, h.env)) as ClusterRecord;
  manifest = join(record.nodes[0]?.root ?? '', 'etc/kubernetes/manifests/kube-scheduler.yaml');
});

afterAll(async () => {
  await h?.cleanup();
});

describe('a broken kube-scheduler manifest', () => {
  it('crash-loops the scheduler with the reason in its logs, and heals when restored', async () => {
    const original = await readFile(manifest, 'utf8');
    await replaceManifest(original.replace('    - --leader-elect=true\n', '    - --leader-elect=true\n    - --this-flag-does-not-exist=1\n'));

    const crashing = await waitFor(
      'the scheduler to crash-loop',
      async () => {
        const pod = await schedulerPod();
        const state = pod?.status?.containerStatuses?.[0];
        return state?.state?.waiting?.reason === 'CrashLoopBackOff' ? pod : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    expect(crashing.spec?.containers[0]?.command).toContain('--this-flag-does-not-exist=1');
    const logs = await waitFor(
      'the reason in the logs',
      async () => {
        const r = await h.kubectl(name, ['logs', '-n', 'kube-system', `kube-scheduler-${name}-control-plane`]);
        return r.stdout.includes('unknown flag: --this-flag-does-not-exist') ? r.stdout : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(logs).toContain('unknown flag: --this-flag-does-not-exist');

    await replaceManifest(original);
    const healed = await waitFor(
      'the scheduler to run again',
      async () => {
        const pod = await schedulerPod();
        const running = pod?.status?.phase === 'Running' && pod.status.containerStatuses?.[0]?.state?.running !== undefined;
        return running && !pod.spec?.containers[0]?.command?.includes('--this-flag-does-not-exist=1') ? pod : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    expect(healed.status?.containerStatuses?.[0]?.restartCount).toBe(0);
  });
});
