import { describe, expect, it } from 'vitest';
import { notFound, type Container, type Pod } from '@kubelab/api';
import { CreateContainerConfigError, resolveEnv, type EnvContext } from './resolve-env.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

function context(extra: Partial<EnvContext> = {}): EnvContext & { warnings: string[] } {
  const warnings: string[] = [];
  const configMaps: Record<string, { data?: Record<string, string> }> = {
    cfg: { data: { LOG_LEVEL: 'debug', '1bad': 'x', 'ok.dotted': 'y' } },
    other: { data: { color: 'blue' } },
  };
  const secrets: Record<string, { data?: Record<string, string> }> = {
    creds: { data: { password: b64('s3cr3t'), user: b64('admin') } },
  };
  return {
    warnings,
    nodeName: 'node-1',
    podIp: '10.244.0.7',
    hostIp: '172.18.0.2',
    nodeAllocatable: { cpu: '2', memory: '4Gi' },
    getConfigMap: (_ns, name) => Promise.resolve(configMaps[name]),
    getSecret: (_ns, name) => {
      const s = secrets[name];
      return s ? Promise.resolve(s) : Promise.reject(notFound({ group: '', resource: 'secrets' }, name));
    },
    recordWarning: (reason, message) => warnings.push(`${reason}: ${message}`),
    ...extra,
  };
}

const pod = (container: Container): Pod => ({
  metadata: { name: 'web', namespace: 'shop', uid: 'uid-1', labels: { app: 'web' } },
  spec: { nodeName: 'node-1', serviceAccountName: 'robot', containers: [container] },
});

describe('resolveEnv', () => {
  it('expands $(VAR) over earlier variables and service env, in declaration order', async () => {
    const c: Container = {
      name: 'app',
      env: [
        { name: 'A', value: 'alpha' },
        { name: 'B', value: '$(A)-$(LATER)-$$(A)-$(SVC_HOST)' },
        { name: 'LATER', value: 'late' },
        { name: 'EMPTY' },
      ],
    };
    const env = await resolveEnv(pod(c), c, context({ serviceEnv: { SVC_HOST: '10.96.0.1', A: 'svc' } }));
    expect(env).toEqual([
      { name: 'A', value: 'alpha' },
      { name: 'B', value: 'alpha-$(LATER)-$(A)-10.96.0.1' },
      { name: 'LATER', value: 'late' },
      { name: 'EMPTY', value: '' },
      { name: 'SVC_HOST', value: '10.96.0.1' },
    ]);
  });

  it('resolves field references', async () => {
    const ref = (fieldPath: string) => ({ valueFrom: { fieldRef: { fieldPath } } });
    const c: Container = {
      name: 'app',
      env: [
        { name: 'NAME', ...ref('metadata.name') },
        { name: 'NS', ...ref('metadata.namespace') },
        { name: 'UID', ...ref('metadata.uid') },
        { name: 'APP', ...ref("metadata.labels['app']") },
        { name: 'LABELS', ...ref('metadata.labels') },
        { name: 'NODE', ...ref('spec.nodeName') },
        { name: 'SA', ...ref('spec.serviceAccountName') },
        { name: 'HOST_IP', ...ref('status.hostIP') },
        { name: 'HOST_IPS', ...ref('status.hostIPs') },
        { name: 'POD_IP', ...ref('status.podIP') },
        { name: 'POD_IPS', ...ref('status.podIPs') },
      ],
    };
    const env = await resolveEnv(pod(c), c, context({ podIps: ['10.244.0.7', 'fd00::7'] }));
    expect(Object.fromEntries(env.map((e) => [e.name, e.value]))).toEqual({
      NAME: 'web',
      NS: 'shop',
      UID: 'uid-1',
      APP: 'web',
      LABELS: 'app="web"',
      NODE: 'node-1',
      SA: 'robot',
      HOST_IP: '172.18.0.2',
      HOST_IPS: '172.18.0.2',
      POD_IP: '10.244.0.7',
      POD_IPS: '10.244.0.7,fd00::7',
    });
  });

  it('resolves resource fields, defaulting limits to node allocatable', async () => {
    const c: Container = {
      name: 'app',
      resources: { requests: { cpu: '250m' } },
      env: [
        { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
        { name: 'CPU_REQ', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
        { name: 'MEM_MI', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      ],
    };
    const env = await resolveEnv(pod(c), c, context());
    expect(env.map((e) => e.value)).toEqual(['2', '250', '4096']);
  });

  it('reads configMap and secret keys, skipping optional misses', async () => {
    const c: Container = {
      name: 'app',
      env: [
        { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'LOG_LEVEL' } } },
        { name: 'PASS', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
        { name: 'GONE', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k', optional: true } } },
        { name: 'NOKEY', valueFrom: { secretKeyRef: { name: 'creds', key: 'k', optional: true } } },
        { name: 'NOSECRET', valueFrom: { secretKeyRef: { name: 'absent', key: 'k', optional: true } } },
      ],
    };
    const env = await resolveEnv(pod(c), c, context());
    expect(env).toEqual([
      { name: 'LEVEL', value: 'debug' },
      { name: 'PASS', value: 's3cr3t' },
    ]);
  });

  it.each([
    [{ configMapKeyRef: { name: 'cfg', key: 'k' } }, "couldn't find key k in ConfigMap shop/cfg"],
    [{ secretKeyRef: { name: 'creds', key: 'k' } }, "couldn't find key k in Secret shop/creds"],
    [{ configMapKeyRef: { name: 'missing', key: 'k' } }, 'configmap "missing" not found'],
    [{ secretKeyRef: { name: 'absent', key: 'k' } }, 'secret "absent" not found'],
    [{ fieldRef: { fieldPath: 'spec.containers' } }, 'field label not supported: spec.containers'],
  ])('fails with a CreateContainerConfigError: %j', async (valueFrom, message) => {
    const c: Container = { name: 'app', env: [{ name: 'X', valueFrom }] };
    const err = await resolveEnv(pod(c), c, context()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CreateContainerConfigError);
    expect((err as Error).message).toBe(message);
  });

  it('passes API errors other than NotFound through as the message', async () => {
    const c: Container = { name: 'app', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }] };
    const ctx = context({ getConfigMap: () => Promise.reject(new Error('connection refused')) });
    await expect(resolveEnv(pod(c), c, ctx)).rejects.toThrow('connection refused');
  });

  it('imports envFrom with prefixes, env overriding, invalid names skipped with a warning', async () => {
    const c: Container = {
      name: 'app',
      envFrom: [
        { configMapRef: { name: 'cfg' } },
        { prefix: 'DB_', secretRef: { name: 'creds' } },
        { configMapRef: { name: 'nope', optional: true } },
      ],
      env: [{ name: 'LOG_LEVEL', value: 'info:$(DB_user)' }],
    };
    const ctx = context();
    const env = await resolveEnv(pod(c), c, ctx);
    expect(env).toEqual([
      { name: 'LOG_LEVEL', value: 'info:admin' },
      { name: 'ok.dotted', value: 'y' },
      { name: 'DB_password', value: 's3cr3t' },
      { name: 'DB_user', value: 'admin' },
    ]);
    expect(ctx.warnings).toEqual([
      'InvalidEnvironmentVariableNames: Keys [1bad] from the EnvFrom configMap shop/cfg were skipped since they are considered invalid environment variable names.',
    ]);
  });

  it('fails on a required envFrom configMap that does not exist', async () => {
    const c: Container = { name: 'app', envFrom: [{ configMapRef: { name: 'missing' } }] };
    await expect(resolveEnv(pod(c), c, context())).rejects.toThrow('configmap "missing" not found');
  });
});
