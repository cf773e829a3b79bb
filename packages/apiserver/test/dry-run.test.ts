/** --dry-run=server on every write verb: the answer of the real write, and nothing stored or watched. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from '../src/testing/test-cluster.js';
import type { TestCluster } from '../src/testing/test-cluster.js';
import { deploymentYaml, nodeJson, podYaml } from './fixtures.js';
import { raw } from './http-client.js';
import { openWatch } from './watch-stream.js';

let c: TestCluster;

beforeAll(async () => {
  c = await startTestCluster();
  await ok(['apply', '--server-side', '-f', '-'], deploymentYaml('web'));
  await ok(['create', '-f', '-'], podYaml('p1'));
});
afterAll(async () => {
  await c?.stop();
});

async function ok(args: string[], input?: string): Promise<string> {
  const r = await c.kubectl(args, input === undefined ? {} : { input });
  expect(r.stderr, `kubectl ${args.join(' ')}`).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.trim();
}

const snapshot = async (): Promise<string> =>
  ok(['get', 'deploy,pods,configmaps', '-o', 'jsonpath={range .items[*]}{.kind}/{.metadata.name}@{.metadata.resourceVersion} {end}']);

describe('--dry-run=server', () => {
  it('prints what the real write prints and changes nothing, with no watch event', async () => {
    const before = await snapshot();
    const watch = await openWatch(c, `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${await ok(['get', 'cm', '-o', 'jsonpath={.metadata.resourceVersion}'])}`);
    try {
      const dry = ['--dry-run=server'];
      expect(await ok(['create', '-f', '-', ...dry], podYaml('p2'))).toBe('pod/p2 created (server dry run)');
      expect(await ok(['create', 'configmap', 'cfg', '--from-literal=a=b', ...dry])).toBe('configmap/cfg created (server dry run)');
      expect(await ok(['apply', '-f', '-', ...dry], deploymentYaml('web3'))).toBe('deployment.apps/web3 created (server dry run)');
      expect(await ok(['apply', '--server-side', '-f', '-', ...dry], deploymentYaml('web2'))).toBe('deployment.apps/web2 serverside-applied (server dry run)');
      expect(await ok(['apply', '--server-side', '-f', '-', ...dry], deploymentYaml('web', 'nginx:1.26', 5))).toBe(
        'deployment.apps/web serverside-applied (server dry run)',
      );
      expect(await ok(['replace', '-f', '-', ...dry], deploymentYaml('web', 'nginx:1.27'))).toBe('deployment.apps/web replaced (server dry run)');
      expect(await ok(['scale', 'deploy', 'web', '--replicas=9', ...dry])).toBe('deployment.apps/web scaled (server dry run)');
      expect(await ok(['label', 'pod', 'p1', 'x=y', ...dry])).toBe('pod/p1 labeled (server dry run)');
      expect(await ok(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":7}}', ...dry])).toBe('deployment.apps/web patched');
      expect(await ok(['delete', 'pod', 'p1', ...dry])).toBe('pod "p1" deleted (server dry run)');
      expect(await ok(['delete', 'deploy', 'web', ...dry])).toBe('deployment.apps "web" deleted (server dry run)');
      expect(await snapshot()).toBe(before);
      // The first event the watch sees is this real write: the dry runs emitted none.
      await ok(['create', 'configmap', 'marker']);
      const events = await watch.waitFor((e) => e.length > 0);
      expect(events.map((e) => `${e.type} ${e.object.metadata?.name ?? ''}`)).toEqual(['ADDED marker']);
    } finally {
      watch.close();
    }
  });

  it('returns the object the create would store: generated name, uid, defaults, no resourceVersion', async () => {
    const out = await ok(
      ['create', '-f', '-', '--dry-run=server', '-o', 'jsonpath={.metadata.name}|{.metadata.uid}|{.metadata.resourceVersion}|{.spec.template.spec.dnsPolicy}'],
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  generateName: gen-\nspec:\n  selector:\n    matchLabels: {app: g}\n  template:\n    metadata:\n      labels: {app: g}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n',
    );
    expect(out).toMatch(/^gen-[a-z0-9]{5}\|[0-9a-f-]{36}\|\|ClusterFirst$/);
    expect(await ok(['get', 'deploy', '-o', 'name'])).toBe('deployment.apps/web');
  });

  it('fails as the real write would: conflicts, existing objects, bad dryRun values', async () => {
    await ok(['scale', 'deploy', 'web', '--replicas=3']);
    const conflict = await c.kubectl(['apply', '--server-side', '--dry-run=server', '-f', '-'], { input: deploymentYaml('web') });
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
    const exists = await c.kubectl(['create', '-f', '-', '--dry-run=server'], { input: podYaml('p1') });
    expect(exists.stderr.trim()).toBe('Error from server (AlreadyExists): error when creating "STDIN": pods "p1" already exists');
    const bad = await raw(c, 'DELETE', '/api/v1/namespaces/default/pods/p1', { body: '{"dryRun":["Some"]}' });
    expect(bad.status).toBe(422);
    expect(bad.json<{ message: string }>().message).toBe('DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: ["Some"]: supported values: "All"');
    expect(await ok(['get', 'pod', 'p1', '-o', 'name'])).toBe('pod/p1');
  });

  it('drains a node without cordoning it or evicting its pods', async () => {
    await ok(['create', '-f', '-'], JSON.stringify(nodeJson('node1')));
    await ok(['create', '-f', '-'], podYaml('bound', '  nodeName: node1\n'));
    const r = await c.kubectl(['drain', 'node1', '--force', '--dry-run=server']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'node/node1 cordoned (server dry run)',
      'evicting pod default/bound (server dry run)',
      'node/node1 drained (server dry run)',
    ]);
    expect(await ok(['get', 'node', 'node1', '-o', 'jsonpath={.spec.unschedulable}'])).toBe('');
    expect(await ok(['get', 'pod', 'bound', '-o', 'jsonpath={.metadata.deletionTimestamp}'])).toBe('');
  });
});
