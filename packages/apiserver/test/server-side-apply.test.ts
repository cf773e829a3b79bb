/** Server-side apply and managedFields with the real kubectl: create, unchanged, configured, conflicts, --force-conflicts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from '../src/testing/test-cluster.js';
import type { TestCluster } from '../src/testing/test-cluster.js';
import { deploymentYaml } from './fixtures.js';
import { raw } from './http-client.js';

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

const ssa = (yaml: string, ...flags: string[]) => c.kubectl(['apply', '--server-side', ...flags, '-f', '-'], { input: yaml });
const rvOf = (kind: string, name: string) => ok(['get', kind, name, '-o', 'jsonpath={.metadata.resourceVersion}']);

interface Entry {
  manager: string;
  operation: string;
  apiVersion: string;
  subresource?: string;
  fieldsV1: Record<string, unknown>;
}
const managedFields = async (kind: string, name: string): Promise<Entry[]> =>
  JSON.parse(await ok(['get', kind, name, '-o', 'jsonpath={.metadata.managedFields}'])) as Entry[];

const CONFLICT_HELP = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

describe('kubectl apply --server-side', () => {
  it('creates, leaves an unchanged object alone and configures a changed one', async () => {
    const created = await ssa(deploymentYaml('web'));
    expect(created.stdout.trim()).toBe('deployment.apps/web serverside-applied');
    const rv = await rvOf('deploy', 'web');
    expect((await ssa(deploymentYaml('web'))).stdout.trim()).toBe('deployment.apps/web serverside-applied');
    expect(await rvOf('deploy', 'web')).toBe(rv);
    expect((await ssa(deploymentYaml('web', 'nginx:1.26'))).stdout.trim()).toBe('deployment.apps/web serverside-applied');
    expect(await rvOf('deploy', 'web')).not.toBe(rv);
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('nginx:1.26');
  });

  it('records the applier in managedFields, shown only with --show-managed-fields', async () => {
    expect(await ok(['get', 'deploy', 'web', '-o', 'yaml'])).not.toContain('managedFields');
    const yaml = await ok(['get', 'deploy', 'web', '-o', 'yaml', '--show-managed-fields']);
    expect(yaml).toContain(`  managedFields:
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata:
        f:labels:
          f:app: {}
      f:spec:
        f:replicas: {}
        f:selector: {}
        f:template:
          f:metadata:
            f:labels:
              f:app: {}
          f:spec:
            f:containers:
              k:{"name":"web"}:
                .: {}
                f:image: {}
                f:name: {}
                f:ports:
                  k:{"containerPort":80,"protocol":"TCP"}:
                    .: {}
                    f:containerPort: {}
    manager: kubectl
    operation: Apply
    time: "`);
  });

  it('removes fields the applier stops specifying', async () => {
    const withTier = deploymentYaml('web', 'nginx:1.26').replace('    app: web\nspec:', '    app: web\n    tier: fe\nspec:');
    await ssa(withTier);
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.labels.tier}'])).toBe('fe');
    await ssa(deploymentYaml('web', 'nginx:1.26'));
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.labels}'])).toBe('{"app":"web"}');
  });

  it('conflicts with kubectl scale, and --force-conflicts takes replicas back', async () => {
    expect(await ok(['scale', 'deploy', 'web', '--replicas=3'])).toBe('deployment.apps/web scaled');
    expect((await managedFields('deploy', 'web')).find((e) => e.subresource === 'scale')).toEqual({
      manager: 'kubectl',
      operation: 'Update',
      apiVersion: 'apps/v1',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:replicas': {} } },
      subresource: 'scale',
    });
    const r = await ssa(deploymentYaml('web', 'nginx:1.26'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas\n${CONFLICT_HELP}`,
    );
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).toBe('3');

    expect((await ssa(deploymentYaml('web', 'nginx:1.26'), '--force-conflicts')).stdout.trim()).toBe('deployment.apps/web serverside-applied');
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).toBe('2');
    expect((await managedFields('deploy', 'web')).map((e) => [e.manager, e.operation])).toEqual([['kubectl', 'Apply']]);
  });

  it('answers a conflict with 409 and FieldManagerConflict causes', async () => {
    await ok(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":4}}']);
    const body = JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2 } });
    const res = await raw(c, 'PATCH', '/apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl&force=false', {
      body,
      contentType: 'application/apply-patch+yaml',
    });
    expect(res.status).toBe(409);
    expect(res.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-patch" using apps/v1: .spec.replicas',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-patch" using apps/v1', field: '.spec.replicas' }] },
      code: 409,
    });
  });

  it('requires a field manager and accepts YAML bodies', async () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  a: "1"\n';
    const missing = await raw(c, 'PATCH', '/api/v1/namespaces/default/configmaps/from-yaml', { body: yaml, contentType: 'application/apply-patch+yaml' });
    expect(missing.status).toBe(422);
    expect(missing.json<{ message: string }>().message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    const created = await raw(c, 'PATCH', '/api/v1/namespaces/default/configmaps/from-yaml?fieldManager=tool', {
      body: yaml,
      contentType: 'application/apply-patch+yaml',
    });
    expect(created.status).toBe(201);
    expect(created.json<{ data: Record<string, string> }>().data).toEqual({ a: '1' });
    const again = await raw(c, 'PATCH', '/api/v1/namespaces/default/configmaps/from-yaml?fieldManager=tool', {
      body: yaml,
      contentType: 'application/apply-patch+yaml',
    });
    expect(again.status).toBe(200);
  });

  it('takes over from client-side apply without conflicts', async () => {
    expect(await ok(['apply', '-f', '-'], deploymentYaml('migrated'))).toBe('deployment.apps/migrated created');
    expect((await ssa(deploymentYaml('migrated', 'nginx:1.27', 4))).stdout.trim()).toBe('deployment.apps/migrated serverside-applied');
    expect(await ok(['get', 'deploy', 'migrated', '-o', 'jsonpath={.spec.replicas}'])).toBe('4');
    const lastApplied = await ok(['get', 'deploy', 'migrated', '-o', "jsonpath={.metadata.annotations['kubectl\\.kubernetes\\.io/last-applied-configuration']}"]);
    expect(JSON.parse(lastApplied)).toMatchObject({ spec: { replicas: 4 } });
  });
});

describe('managedFields of other writes', () => {
  it('attributes creates and updates to the fieldManager or the user agent', async () => {
    await ok(['create', 'deployment', 'made', '--image=nginx']);
    await ok(['label', 'deploy', 'made', 'team=a']);
    const entries = await managedFields('deploy', 'made');
    expect(entries.map((e) => [e.manager, e.operation])).toEqual([
      ['kubectl-create', 'Update'],
      ['kubectl-label', 'Update'],
    ]);
    expect(entries[1]?.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:team': {} } } });

    const res = await raw(c, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'by-agent' }, data: { k: 'v' } }),
    });
    expect(res.status).toBe(201);
    const cm = res.json<{ metadata: { managedFields: Entry[] } }>();
    expect(cm.metadata.managedFields.map((e) => [e.manager, e.fieldsV1])).toEqual([['unknown', { 'f:data': { '.': {}, 'f:k': {} } }]]);
  });
});
