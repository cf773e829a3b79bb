import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildKubeconfig } from './build-kubeconfig.js';
import { resolveConnection } from './load-kubeconfig.js';
import { parseKubeconfig } from './kubeconfig-file.js';
import { mergeKubeconfig, removeFromKubeconfig } from './merge-kubeconfig.js';

const lab = buildKubeconfig({
  clusterName: 'kubelab-lab',
  server: 'https://127.0.0.1:6443',
  caData: '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n',
  user: 'kubelab-lab',
  token: 'secret',
});

const OTHER = `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster: {server: "https://prod:6443", extensions: [{name: x, extension: {a: 1}}]}
users:
- name: prod-admin
  user: {token: prod-token}
contexts:
- name: prod
  context: {cluster: prod, user: prod-admin, namespace: web}
current-context: prod
preferences: {colors: true}
`;

describe('buildKubeconfig', () => {
  it('writes one cluster, user and context in kubectl field order', () => {
    expect(lab).toBe(
      [
        'apiVersion: v1',
        'clusters:',
        '- name: kubelab-lab',
        '  cluster:',
        `    certificate-authority-data: ${Buffer.from('-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n').toString('base64')}`,
        '    server: https://127.0.0.1:6443',
        'contexts:',
        '- name: kubelab-lab',
        '  context:',
        '    cluster: kubelab-lab',
        '    user: kubelab-lab',
        'current-context: kubelab-lab',
        'kind: Config',
        'preferences: {}',
        'users:',
        '- name: kubelab-lab',
        '  user:',
        '    token: secret',
        '',
      ].join('\n'),
    );
  });

  it('round-trips through the loader', () => {
    expect(resolveConnection(parseKubeconfig(lab))).toEqual({
      server: 'https://127.0.0.1:6443',
      caData: Buffer.from('-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n'),
      token: 'secret',
    });
  });
});

describe('mergeKubeconfig', () => {
  it('creates a file from nothing', () => {
    const merged = mergeKubeconfig(undefined, lab, { setCurrent: true });
    expect(parse(merged)).toEqual(parse(lab));
  });

  it('appends new entries, keeps the others intact and switches context when asked', () => {
    const merged = parse(mergeKubeconfig(OTHER, lab, { setCurrent: true })) as Record<
      string,
      unknown
    >;
    const before = parse(OTHER) as Record<string, unknown[]>;
    expect(merged['clusters']).toEqual([
      ...(before['clusters'] ?? []),
      ...(parse(lab).clusters as unknown[]),
    ]);
    expect(merged['users']).toHaveLength(2);
    expect(merged['contexts']).toHaveLength(2);
    expect(merged['current-context']).toBe('kubelab-lab');
    expect(merged['preferences']).toEqual({ colors: true });
  });

  it('replaces same-named entries in place and keeps current-context unless asked', () => {
    const first = mergeKubeconfig(OTHER, lab, { setCurrent: false });
    const moved = buildKubeconfig({
      clusterName: 'kubelab-lab',
      server: 'https://127.0.0.1:7443',
      user: 'kubelab-lab',
      token: 'new',
    });
    const merged = parseKubeconfig(mergeKubeconfig(first, moved, { setCurrent: false }));
    expect(merged.clusters?.map((c) => [c.name, c.cluster.server])).toEqual([
      ['prod', 'https://prod:6443'],
      ['kubelab-lab', 'https://127.0.0.1:7443'],
    ]);
    expect(merged.users?.[1]?.user.token).toBe('new');
    expect(merged['current-context']).toBe('prod');
  });
});

describe('removeFromKubeconfig', () => {
  const names = { cluster: 'kubelab-lab', user: 'kubelab-lab', context: 'kubelab-lab' };

  it('removes only the named entries and unsets current-context that pointed at them', () => {
    const merged = mergeKubeconfig(OTHER, lab, { setCurrent: true });
    const removed = parseKubeconfig(removeFromKubeconfig(merged, names));
    expect(removed).toEqual({ ...parse(OTHER), 'current-context': '' });
  });

  it('keeps current-context when it points elsewhere and writes empty lists as null', () => {
    const merged = mergeKubeconfig(OTHER, lab, { setCurrent: false });
    expect(parseKubeconfig(removeFromKubeconfig(merged, names))['current-context']).toBe('prod');
    const emptied = removeFromKubeconfig(lab, names);
    expect(emptied).toContain('clusters: null\ncontexts: null\ncurrent-context: ""\n');
  });
});

describe.runIf(existsSync('/usr/bin/kubectl'))('kubectl reads what we write', () => {
  it('lists the merged contexts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-kubeconfig-'));
    try {
      const path = join(dir, 'config');
      writeFileSync(path, mergeKubeconfig(OTHER, lab, { setCurrent: true }));
      const { stdout } = await promisify(execFile)(
        '/usr/bin/kubectl',
        ['--kubeconfig', path, 'config', 'get-contexts', '-o', 'name'],
        { env: { PATH: process.env['PATH'] ?? '', HOME: dir } },
      );
      expect(stdout.split('\n').filter(Boolean).sort()).toEqual(['kubelab-lab', 'prod']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
