/** kubectl get -w, auth can-i, and what the identities may do. */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECTL, startTestCluster } from '../src/testing/test-cluster.js';
import type { TestCluster } from '../src/testing/test-cluster.js';
import { podYaml } from './fixtures.js';

let c: TestCluster;

beforeAll(async () => {
  c = await startTestCluster();
});
afterAll(async () => {
  await c?.stop();
});

/** Runs `kubectl get pods -w` and resolves with its lines once `until` matches them. */
function watchUntil(args: string[], until: (lines: string[]) => boolean): { done: Promise<string[]>; ready: Promise<void> } {
  const child = spawn(KUBECTL, [`--kubeconfig=${c.identities.admin.kubeconfig}`, `--cache-dir=${c.dir}/kube-cache`, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: c.dir },
  });
  const lines: string[] = [];
  let buf = '';
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((r) => (readyResolve = r));
  const done = new Promise<string[]>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length > 0) readyResolve();
      if (until(lines)) {
        child.kill();
        resolve(lines);
      }
    });
    child.on('exit', (code) => {
      if (!until(lines)) reject(new Error(`kubectl exited ${code}: ${lines.join('\n')}`));
    });
  });
  return { done, ready };
}

describe('kubectl get -w', () => {
  it('prints the current rows, then each change once, without replaying the list', async () => {
    expect((await c.kubectl(['apply', '-f', '-'], { input: podYaml('w1') })).code).toBe(0);
    const w = watchUntil(['get', 'pods', '-w'], (l) => l.some((x) => x.startsWith('w2 ')) && l.filter((x) => x.startsWith('w1 ')).length >= 2);
    await w.ready;
    expect((await c.kubectl(['apply', '-f', '-'], { input: podYaml('w2') })).code).toBe(0);
    expect((await c.kubectl(['delete', 'pod', 'w1', '--wait=false'])).code).toBe(0);
    const lines = await w.done;
    expect(lines[0]?.split(/\s+/)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(lines.filter((l) => l.startsWith('w1 ')).length).toBe(2); // listed once, deleted once
    expect(lines.filter((l) => l.startsWith('w2 ')).length).toBe(1);
  });

  it('emits the initial row of a single object and its changes with -o json', async () => {
    expect((await c.kubectl(['apply', '-f', '-'], { input: podYaml('w3') })).code).toBe(0);
    const w = watchUntil(['get', 'pod', 'w3', '-w', '-o', 'jsonpath={.metadata.labels.v}{"\\n"}'], (l) => l.includes('2'));
    await w.ready;
    expect((await c.kubectl(['label', 'pod', 'w3', 'v=2'])).code).toBe(0);
    const lines = await w.done;
    expect(lines).toEqual(['', '2']);
  });
});

describe('authentication and authorization', () => {
  it('answers auth can-i for the admin and for a plain user', async () => {
    const yes = await c.kubectl(['auth', 'can-i', 'delete', 'nodes']);
    expect(yes.stdout.trim()).toBe('yes');
    const no = await c.kubectl(['auth', 'can-i', 'list', 'pods'], { as: 'jane' });
    expect(no.stdout.trim()).toBe('no');
    expect(no.code).toBe(1);
  });

  it('lists rules with auth can-i --list', async () => {
    const r = await c.kubectl(['auth', 'can-i', '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/m);
  });

  it('forbids a plain user with the upstream message', async () => {
    const r = await c.kubectl(['get', 'pods'], { as: 'jane' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"');
  });

  it('rejects requests without a valid token but serves health and version', async () => {
    const bad = await fetchRaw('/api/v1/namespaces', 'Bearer wrong');
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.body)).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    expect((await fetchRaw('/api/v1/namespaces')).status).toBe(401);
    expect((await fetchRaw('/healthz')).body).toBe('ok');
    expect((await fetchRaw('/livez')).status).toBe(200);
    expect((await fetchRaw('/readyz')).status).toBe(200);
    expect(JSON.parse((await fetchRaw('/version')).body)).toMatchObject({ major: '1' });
  });

  it('lets a node create only a mirror pod of its own, bound to itself', async () => {
    const r = await c.kubectl(['apply', '-f', '-'], { as: 'node1', input: podYaml('not-mirror', '  nodeName: node1\n') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pod does not have "kubernetes.io/config.mirror" annotation, node "node1" can only create mirror pods');
  });
});

async function fetchRaw(path: string, authorization?: string): Promise<{ status: number; body: string }> {
  const https = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port: c.port, path, ca: c.caPem, headers: authorization ? { authorization } : {} },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
