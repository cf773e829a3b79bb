import { describe, expect, it } from 'vitest';
import type { ContainerConfig, RuntimeSandbox, SandboxConfig } from '../container-runtime.js';
import { containerCreateOptions, dockerResources } from './container-spec.js';
import { formatResolvConf, sandboxCreateOptions } from './sandbox-spec.js';
import { normalizeImageRef, pullErrorKind, makeImagePullError } from './image-pull.js';

const pod = { name: 'web', namespace: 'default', uid: 'u-1' };
const owner = { clusterName: 'lab', nodeName: 'n1' };

describe('sandbox spec', () => {
  const config: SandboxConfig = {
    pod,
    attempt: 0,
    hostname: 'web',
    hostNetwork: false,
    portMappings: [
      { containerPort: 80, hostPort: 8080, protocol: 'TCP' },
      { containerPort: 53, hostPort: 0, protocol: 'UDP' },
    ],
    labels: {},
    annotations: {},
    dns: undefined,
    logDirectory: '/x',
  };
  it('joins the cluster network, sets the hostname and binds host ports', () => {
    const o = sandboxCreateOptions(config, { ...owner, networkName: 'kubelab-lab', pauseImage: 'kubelab/pause:3.10' });
    expect(o).toMatchObject({ name: 'k8s_POD_web_default_u-1_0', Image: 'kubelab/pause:3.10', Hostname: 'web' });
    expect(o.ExposedPorts).toEqual({ '80/tcp': {}, '53/udp': {} });
    expect(o.HostConfig).toMatchObject({ NetworkMode: 'kubelab-lab', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } });
  });
  it('uses the host network for hostNetwork pods, without port bindings', () => {
    const o = sandboxCreateOptions({ ...config, hostNetwork: true }, { ...owner, networkName: 'kubelab-lab', pauseImage: 'p' });
    expect(o.HostConfig).toMatchObject({ NetworkMode: 'host', PortBindings: {} });
  });
  it('formats resolv.conf as the kubelet does', () => {
    expect(formatResolvConf({ servers: ['10.96.0.10'], searches: ['default.svc.cluster.local', 'svc.cluster.local'], options: ['ndots:5'] })).toBe(
      'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local\noptions ndots:5\n',
    );
  });
});

describe('container spec', () => {
  const sandbox = { id: 'sb1', pod } as RuntimeSandbox;
  const config: ContainerConfig = {
    name: 'app',
    attempt: 1,
    hash: 'h',
    image: 'busybox',
    command: ['sh', '-c'],
    args: ['echo hi'],
    env: [{ name: 'A', value: 'b=c' }],
    mounts: [{ hostPath: '/h', containerPath: '/c', readOnly: true }],
    tty: false,
    stdin: false,
    stdinOnce: false,
    resources: { cpuMillis: 250, cpuShares: 256, memoryBytes: 64 * 1024 * 1024 },
    privileged: false,
    runAsUser: 1000,
    logPath: '/x/app/1.log',
    labels: {},
  };
  it('joins the sandbox namespaces; command is the entrypoint, args the cmd', () => {
    const o = containerCreateOptions(sandbox, config, owner);
    expect(o).toMatchObject({ name: 'k8s_app_web_default_u-1_1', Entrypoint: ['sh', '-c'], Cmd: ['echo hi'], Env: ['A=b=c'], User: '1000' });
    expect(o.HostConfig).toMatchObject({
      NetworkMode: 'container:sb1',
      IpcMode: 'container:sb1',
      Binds: ['/h:/c:ro'],
      NanoCpus: 250_000_000,
      CpuShares: 256,
      Memory: 67_108_864,
      MemorySwap: 67_108_864,
    });
  });
  it('leaves the image entrypoint and cmd when command and args are empty', () => {
    const o = containerCreateOptions(sandbox, { ...config, command: [], args: [] }, owner);
    expect(o.Entrypoint).toBeUndefined();
    expect(o.Cmd).toBeUndefined();
    expect(dockerResources({})).toEqual({});
  });
});

describe('image pull errors', () => {
  it('normalises references and classifies daemon messages', () => {
    expect(normalizeImageRef('busybox')).toBe('busybox:latest');
    expect(normalizeImageRef('localhost:5000/x')).toBe('localhost:5000/x:latest');
    expect(normalizeImageRef('x@sha256:abc')).toBe('x@sha256:abc');
    expect(pullErrorKind(404, "pull access denied for nope, repository does not exist or may require 'docker login'")).toBe('NotFound');
    expect(pullErrorKind(500, 'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host')).toBe('Other');
    const err = makeImagePullError('Error response from daemon: x', 'Other');
    expect(err.message).toBe('rpc error: code = Unknown desc = Error response from daemon: x');
  });
});
