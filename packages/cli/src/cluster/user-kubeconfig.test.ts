import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { userKubeconfig } from './kubeconfigs.js';
import { exportUserKubeconfig, kubeconfigPaths, pathForMerge, removeUserKubeconfig } from './user-kubeconfig.js';
import { TempDirs } from '@kubelab/api/testing';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

const OTHER = 'apiVersion: v1\nkind: Config\nclusters:\n- name: other\n  cluster:\n    server: https://other:6443\ncontexts:\n- name: other\n  context:\n    cluster: other\n    user: other\ncurrent-context: other\nusers:\n- name: other\n  user:\n    token: t\n';

describe('user kubeconfig', () => {
  it('chooses files as kubectl and kind do', async () => {
    const dir = await temp.make('kubelab-kc-');
    expect(kubeconfigPaths({ HOME: dir })).toEqual([join(dir, '.kube', 'config')]);
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect(await pathForMerge({ KUBECONFIG: `${a}:${b}:${a}` })).toBe(b);
    await writeFile(a, OTHER);
    expect(await pathForMerge({ KUBECONFIG: `${b}:${a}` })).toBe(a);
  });

  it('merges the cluster as current and removes it again, keeping other entries', async () => {
    const dir = await temp.make('kubelab-kc-');
    const file = join(dir, 'config');
    await writeFile(file, OTHER);
    const env = { KUBECONFIG: file };
    await exportUserKubeconfig(userKubeconfig('lab', 'https://127.0.0.1:6443', 'CA', 'tok'), env);
    let cfg = parse(await readFile(file, 'utf8')) as { 'current-context': string; clusters: { name: string }[]; users: { name: string }[] };
    expect(cfg['current-context']).toBe('kubelab-lab');
    expect(cfg.clusters.map((c) => c.name)).toEqual(['other', 'kubelab-lab']);
    await removeUserKubeconfig('lab', env);
    cfg = parse(await readFile(file, 'utf8')) as typeof cfg;
    expect(cfg.clusters.map((c) => c.name)).toEqual(['other']);
    expect(cfg.users.map((c) => c.name)).toEqual(['other']);
    expect(cfg['current-context'] ?? '').toBe('');
  });
});
