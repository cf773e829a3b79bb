import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listManifests, type Listing } from './manifest-listing.js';
import { MAX_CONFIG_LENGTH } from './static-pod.js';
import { podYaml } from './testing/manifests.js';

const NODE_DIR = '/etc/kubernetes/manifests';

describe('listManifests', () => {
  let root: string;
  let dir: string;
  const list = (hostPath = dir, nodePath = NODE_DIR): Promise<Listing> =>
    listManifests({ hostPath, nodePath, nodeName: 'node1' });
  const pods = (l: Listing): string[] =>
    l.kind === 'pods'
      ? l.pods.map((p) => `${p.metadata?.name}:${p.spec?.containers[0]?.image}`)
      : [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kubelab-listing-'));
    dir = join(root, 'manifests');
    mkdirSync(dir);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads every non-hidden regular file, whatever its extension', async () => {
    writeFileSync(join(dir, 'a.yaml'), podYaml('a'));
    writeFileSync(
      join(dir, 'b.json'),
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'b' },
        spec: { containers: [{ name: 'c', image: 'busybox' }] },
      }),
    );
    writeFileSync(join(dir, 'notes.txt'), podYaml('c'));
    writeFileSync(join(dir, '.hidden.yaml'), podYaml('hidden'));
    writeFileSync(join(dir, '.a.yaml.swp'), 'garbage');
    expect(pods(await list())).toEqual(['a-node1:busybox', 'b-node1:busybox', 'c-node1:busybox']);
  });

  it('uses the node-view path for the UID and the messages', async () => {
    writeFileSync(join(dir, 'a.yaml'), podYaml('a'));
    writeFileSync(join(dir, 'bad.yaml'), 'kind: Pod\n');
    const here = await list(dir, NODE_DIR);
    const elsewhere = await list(dir, '/other/manifests');
    if (here.kind !== 'pods' || elsewhere.kind !== 'pods') throw new Error('expected pods');
    expect(here.pods[0]?.metadata?.uid).not.toBe(elsewhere.pods[0]?.metadata?.uid);
    expect(here.notices).toEqual([
      expect.objectContaining({
        msg: 'Could not process manifest file',
        path: `${NODE_DIR}/bad.yaml`,
      }),
    ]);
    expect(here.notices[0]?.err?.message).toBe(
      `${NODE_DIR}/bad.yaml: couldn't parse as pod(Object 'apiVersion' is missing in '{"kind":"Pod"}'), please check config file`,
    );
  });

  it('skips invalid files and keeps the others', async () => {
    writeFileSync(join(dir, 'a.yaml'), podYaml('a'));
    writeFileSync(join(dir, 'empty.yaml'), '');
    writeFileSync(join(dir, 'z.yaml'), podYaml('z'));
    const l = await list();
    expect(pods(l)).toEqual(['a-node1:busybox', 'z-node1:busybox']);
    expect(l.kind === 'pods' && l.notices.map((n) => n.err?.message)).toEqual([
      `${NODE_DIR}/empty.yaml: couldn't parse as pod(Object 'Kind' is missing in 'null'), please check config file`,
    ]);
  });

  it('does not recurse and reports sub-directories and non-regular entries', async () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'x.yaml'), podYaml('x'));
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'sock'), resolve));
    try {
      const l = await list();
      expect(pods(l)).toEqual([]);
      expect(l.kind === 'pods' && l.notices).toEqual([
        {
          msg: 'Manifest path is not a directory or file',
          path: `${NODE_DIR}/sock`,
          mode: expect.stringMatching(/^S[rwx-]{9}$/),
        },
        {
          msg: 'Provided manifest path is a directory, not recursing into manifest path',
          path: `${NODE_DIR}/sub`,
        },
      ]);
    } finally {
      server.close();
    }
  });

  it('follows symlinks and reports broken ones', async () => {
    writeFileSync(join(root, 'real.yaml'), podYaml('linked'));
    symlinkSync(join(root, 'real.yaml'), join(dir, 'linked.yaml'));
    symlinkSync(join(root, 'nowhere.yaml'), join(dir, 'broken.yaml'));
    const l = await list();
    expect(pods(l)).toEqual(['linked-node1:busybox']);
    expect(l.kind === 'pods' && l.notices.map((n) => n.msg)).toEqual(['Could not get metadata']);
  });

  it('lets the file sorting last win when two files give the same pod name', async () => {
    writeFileSync(
      join(dir, 'kube-apiserver.yaml'),
      podYaml('kube-apiserver', 'apiserver:new', 'kube-system'),
    );
    writeFileSync(
      join(dir, 'kube-apiserver.yaml.bak'),
      podYaml('kube-apiserver', 'apiserver:old', 'kube-system'),
    );
    writeFileSync(join(dir, 'other.yaml'), podYaml('kube-apiserver', 'apiserver:default-ns'));
    expect(pods(await list())).toEqual([
      'kube-apiserver-node1:apiserver:old',
      'kube-apiserver-node1:apiserver:default-ns',
    ]);
  });

  it('says missing for a path that does not exist', async () => {
    expect(await list(join(root, 'nope'))).toEqual({ kind: 'missing' });
  });

  it('reads a single file, and fails as a whole when that file is bad', async () => {
    const file = join(root, 'web.yaml');
    writeFileSync(file, podYaml('web'));
    expect(pods(await list(file, '/etc/web.yaml'))).toEqual(['web-node1:busybox']);
    writeFileSync(file, 'kind: List\napiVersion: v1\nitems: []\n');
    const l = await list(file, '/etc/web.yaml');
    expect(l.kind).toBe('error');
    expect(l.kind === 'error' && l.file).toBe('/etc/web.yaml');
    expect(l.kind === 'error' && l.error.message).toMatch(
      /^\/etc\/web\.yaml: couldn't parse as pod\(invalid pod: &core\.List\{/,
    );
  });

  it('refuses files over 10 MiB', async () => {
    writeFileSync(join(dir, 'huge.yaml'), Buffer.alloc(MAX_CONFIG_LENGTH + 10, 0x20));
    const l = await list();
    expect(l.kind === 'pods' && l.notices.map((n) => n.err?.message)).toEqual([
      'the read limit is reached',
    ]);
  });
});
