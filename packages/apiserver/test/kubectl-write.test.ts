/** The real kubectl changing objects: apply, create, edit, label, annotate, scale, cordon, delete. */
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from '../src/testing/test-cluster.js';
import type { TestCluster } from '../src/testing/test-cluster.js';
import { deploymentYaml, nodeJson, podYaml } from './fixtures.js';

let c: TestCluster;

beforeAll(async () => {
  c = await startTestCluster();
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

describe('kubectl apply', () => {
  it('creates, leaves unchanged, then configures', async () => {
    expect(await ok(['apply', '-f', '-'], deploymentYaml('web'))).toBe('deployment.apps/web created');
    expect(await ok(['apply', '-f', '-'], deploymentYaml('web'))).toBe('deployment.apps/web unchanged');
    expect(await ok(['apply', '-f', '-'], deploymentYaml('web', 'nginx:1.26', 3))).toBe('deployment.apps/web configured');
    const d = JSON.parse(await ok(['get', 'deploy', 'web', '-o', 'json'])) as {
      metadata: { generation: number; annotations: Record<string, string> };
      spec: { replicas: number; template: { spec: { containers: { image: string }[] } }; strategy: { type: string } };
    };
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.template.spec.containers[0]?.image).toBe('nginx:1.26');
    expect(d.spec.strategy.type).toBe('RollingUpdate');
    expect(d.metadata.generation).toBe(2);
    expect(d.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain('nginx:1.26');
  });
});

describe('kubectl create', () => {
  it('creates namespaces, deployments and configmaps (protobuf bodies from kubectl 1.32)', async () => {
    expect(await ok(['create', 'namespace', 'team-a'])).toBe('namespace/team-a created');
    expect(await ok(['create', 'deployment', 'api', '--image=nginx:1.25', '--replicas=2', '-n', 'team-a'])).toBe('deployment.apps/api created');
    expect(await ok(['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=2', '-n', 'team-a'])).toBe('configmap/cfg created');
    const cm = JSON.parse(await ok(['get', 'cm', 'cfg', '-n', 'team-a', '-o', 'json'])) as { data: Record<string, string> };
    expect(cm.data).toEqual({ a: '1', b: '2' });
    const d = JSON.parse(await ok(['get', 'deploy', 'api', '-n', 'team-a', '-o', 'json'])) as {
      spec: { replicas: number; selector: { matchLabels: Record<string, string> }; template: { spec: { containers: { name: string; image: string }[] } } };
    };
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.selector.matchLabels).toEqual({ app: 'api' });
    expect(d.spec.template.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.25' });
  });

  it('creates secrets, services, jobs and service accounts', async () => {
    expect(await ok(['create', 'secret', 'generic', 'creds', '--from-literal=password=s3cret'])).toBe('secret/creds created');
    expect(await ok(['get', 'secret', 'creds', '-o', 'jsonpath={.data.password}'])).toBe(Buffer.from('s3cret').toString('base64'));
    expect(await ok(['create', 'service', 'clusterip', 'api', '--tcp=80:8080'])).toBe('service/api created');
    expect(await ok(['get', 'svc', 'api', '-o', 'jsonpath={.spec.clusterIP}'])).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(await ok(['create', 'job', 'once', '--image=busybox'])).toBe('job.batch/once created');
    expect(await ok(['get', 'job', 'once', '-o', 'jsonpath={.spec.selector.matchLabels}'])).toContain('batch.kubernetes.io/controller-uid');
    expect(await ok(['create', 'serviceaccount', 'robot'])).toBe('serviceaccount/robot created');
  });

  it('refuses a second create with AlreadyExists', async () => {
    await ok(['create', '-f', '-'], podYaml('dup'));
    const r = await c.kubectl(['create', '-f', '-'], { input: podYaml('dup') });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (AlreadyExists): error when creating "STDIN": pods "dup" already exists');
  });

  it('refuses objects in a namespace that does not exist', async () => {
    const r = await c.kubectl(['create', 'configmap', 'x', '-n', 'nowhere']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: failed to create configmap: namespaces "nowhere" not found');
  });
});

describe('kubectl edit', () => {
  it('applies what a scripted editor changed', async () => {
    await ok(['create', 'configmap', 'edited', '--from-literal=color=blue']);
    const editor = join(c.dir, 'editor.sh');
    await writeFile(editor, '#!/bin/sh\nsed -i "s/color: blue/color: green/" "$1"\n');
    await chmod(editor, 0o755);
    expect(await c.kubectl(['edit', 'cm', 'edited'], { env: { EDITOR: editor } }).then((r) => r.stdout.trim())).toBe('configmap/edited edited');
    expect(await ok(['get', 'cm', 'edited', '-o', 'jsonpath={.data.color}'])).toBe('green');
  });

  it('reports an unchanged edit without writing', async () => {
    const before = await ok(['get', 'cm', 'edited', '-o', 'jsonpath={.metadata.resourceVersion}']);
    const r = await c.kubectl(['edit', 'cm', 'edited'], { env: { EDITOR: 'true' } });
    expect(r.stderr.trim()).toBe('Edit cancelled, no changes made.');
    expect(await ok(['get', 'cm', 'edited', '-o', 'jsonpath={.metadata.resourceVersion}'])).toBe(before);
  });

  it('refuses a pod spec change the API does not allow', async () => {
    await ok(['apply', '-f', '-'], podYaml('frozen'));
    const editor = join(c.dir, 'editor-rp.sh');
    await writeFile(editor, '#!/bin/sh\nsed -i "s/restartPolicy: Always/restartPolicy: Never/" "$1"\n');
    await chmod(editor, 0o755);
    const r = await c.kubectl(['edit', 'pod', 'frozen'], { env: { EDITOR: editor } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: pods "frozen" is invalid');
    // kubectl keeps the reason in the copy of the edit it saves.
    const copy = /A copy of your changes has been stored to "([^"]+)"/.exec(r.stderr)?.[1];
    expect(copy).toBeDefined();
    expect(await readFile(copy as string, 'utf8')).toContain('spec: Forbidden: pod updates may not change fields other than');
    await rm(copy as string, { force: true });
    expect(await ok(['get', 'pod', 'frozen', '-o', 'jsonpath={.spec.restartPolicy}'])).toBe('Always');
  });
});

describe('kubectl label, annotate, scale, cordon', () => {
  it('labels and removes labels', async () => {
    await ok(['apply', '-f', '-'], podYaml('lbl'));
    expect(await ok(['label', 'pod', 'lbl', 'env=prod'])).toBe('pod/lbl labeled');
    expect(await ok(['get', 'pods', '-l', 'env=prod', '-o', 'name'])).toBe('pod/lbl');
    expect(await ok(['label', 'pod', 'lbl', 'env-'])).toBe('pod/lbl unlabeled');
    expect(await ok(['get', 'pods', '-l', 'env=prod', '-o', 'name'])).toBe('');
  });

  it('annotates', async () => {
    expect(await ok(['annotate', 'pod', 'lbl', 'note=hello'])).toBe('pod/lbl annotated');
    expect(await ok(['get', 'pod', 'lbl', '-o', 'jsonpath={.metadata.annotations.note}'])).toBe('hello');
  });

  it('scales through the scale subresource', async () => {
    await ok(['apply', '-f', '-'], deploymentYaml('scaled'));
    expect(await ok(['scale', 'deployment', 'scaled', '--replicas=5'])).toBe('deployment.apps/scaled scaled');
    expect(await ok(['get', 'deploy', 'scaled', '-o', 'jsonpath={.spec.replicas}'])).toBe('5');
  });

  it('cordons and uncordons a node', async () => {
    await ok(['create', '-f', '-'], JSON.stringify(nodeJson('node1')));
    expect(await ok(['cordon', 'node1'])).toBe('node/node1 cordoned');
    expect(await ok(['get', 'nodes'])).toMatch(/node1\s+\S*SchedulingDisabled/);
    expect(await ok(['uncordon', 'node1'])).toBe('node/node1 uncordoned');
    expect(await ok(['get', 'node', 'node1', '-o', 'jsonpath={.spec.unschedulable}'])).toBe('');
  });
});

describe('kubectl delete', () => {
  it('deletes an unbound pod at once and waits for it to be gone', async () => {
    await ok(['apply', '-f', '-'], podYaml('gone'));
    expect(await ok(['delete', 'pod', 'gone'])).toBe('pod "gone" deleted');
    const r = await c.kubectl(['get', 'pod', 'gone']);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): pods "gone" not found');
  });

  it('deletes a deployment, printing the group', async () => {
    await ok(['apply', '-f', '-'], deploymentYaml('todelete'));
    expect(await ok(['delete', 'deployment', 'todelete'])).toBe('deployment.apps "todelete" deleted');
  });

  it('keeps a bound pod Terminating until its kubelet confirms with grace 0', async () => {
    await ok(['create', '-f', '-'], podYaml('bound', '  nodeName: node1\n'));
    expect(await ok(['delete', 'pod', 'bound', '--wait=false'])).toBe('pod "bound" deleted');
    expect(await ok(['get', 'pod', 'bound'])).toMatch(/bound\s+0\/1\s+Terminating/);
    // The kubelet of node1 confirms.
    expect((await c.kubectl(['delete', 'pod', 'bound', '--grace-period=0', '--force'], { as: 'node1' })).code).toBe(0);
    expect((await c.kubectl(['get', 'pod', 'bound'])).stderr).toContain('NotFound');
  });
});
