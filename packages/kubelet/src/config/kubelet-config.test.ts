import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingLogger } from '@kubelab/api/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultKubeletConfiguration } from './kubelet-config.js';
import { decodeKubeletConfiguration, loadKubeletConfigFile } from './kubelet-config-file.js';
import {
  checkKubeletConfiguration,
  validateKubeletConfiguration,
} from './kubelet-config-validation.js';

const HEAD = 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n';

/** What `kubeadm init` writes to /var/lib/kubelet/config.yaml (v1.30). */
const KUBEADM = `${HEAD}authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;

describe('decodeKubeletConfiguration', () => {
  it('applies the v1beta1 defaults', () => {
    expect(decodeKubeletConfiguration(HEAD)).toEqual(defaultKubeletConfiguration());
    expect(defaultKubeletConfiguration()).toMatchObject({
      staticPodPath: '',
      fileCheckFrequency: 20_000,
      httpCheckFrequency: 20_000,
      syncFrequency: 60_000,
      nodeStatusUpdateFrequency: 10_000,
      nodeStatusReportFrequency: 300_000,
      nodeLeaseDurationSeconds: 40,
      address: '0.0.0.0',
      port: 10250,
      readOnlyPort: 0,
      healthzBindAddress: '127.0.0.1',
      healthzPort: 10248,
      registerNode: true,
      maxPods: 110,
      podsPerCore: 0,
      authentication: {
        x509: { clientCAFile: '' },
        webhook: { enabled: true, cacheTTL: 120_000 },
        anonymous: { enabled: false },
      },
      authorization: {
        mode: 'Webhook',
        webhook: { cacheAuthorizedTTL: 300_000, cacheUnauthorizedTTL: 30_000 },
      },
      cgroupDriver: 'cgroupfs',
      containerRuntimeEndpoint: 'unix:///run/containerd/containerd.sock',
      evictionHard: { 'memory.available': '100Mi', 'nodefs.available': '10%' },
    });
  });

  it('reads what kubeadm writes, zero durations meaning "default"', () => {
    const logger = new RecordingLogger();
    const c = decodeKubeletConfiguration(KUBEADM, { logger });
    expect(c.staticPodPath).toBe('/etc/kubernetes/manifests');
    expect(c.fileCheckFrequency).toBe(20_000);
    expect(c.nodeStatusReportFrequency).toBe(300_000);
    expect(c.clusterDNS).toEqual(['10.96.0.10']);
    expect(c.clusterDomain).toBe('cluster.local');
    expect(c.cgroupDriver).toBe('systemd');
    expect(c.authentication.x509.clientCAFile).toBe('/etc/kubernetes/pki/ca.crt');
    expect(c.authentication.webhook.cacheTTL).toBe(120_000);
    expect(logger.entries).toEqual([]);
  });

  it('parses Go durations and ties the report frequency to an explicit update frequency', () => {
    const c = decodeKubeletConfiguration(
      `${HEAD}fileCheckFrequency: 1s\nhttpCheckFrequency: 1m30s\nnodeStatusUpdateFrequency: 4s\n`,
    );
    expect(c.fileCheckFrequency).toBe(1000);
    expect(c.httpCheckFrequency).toBe(90_000);
    expect(c.nodeStatusUpdateFrequency).toBe(4000);
    expect(c.nodeStatusReportFrequency).toBe(4000);
  });

  it('reads the kubelab capacity, JSON files and the remaining fields', () => {
    const c = decodeKubeletConfiguration(
      JSON.stringify({
        apiVersion: 'kubelet.config.k8s.io/v1beta1',
        kind: 'KubeletConfiguration',
        'kubelab.io/capacity': { cpu: '2', memory: '4Gi', pods: 30 },
        registerWithTaints: [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }],
        staticPodURL: 'http://10.0.0.1/pods',
        staticPodURLHeader: { Authorization: ['Bearer x'] },
        healthzPort: 0,
        readOnlyPort: 10255,
        systemReserved: { cpu: '100m' },
        registerNode: false,
      }),
    );
    expect(c.capacity).toEqual({ cpu: '2', memory: '4Gi', pods: 30 });
    expect(c.registerWithTaints).toEqual([
      { key: 'dedicated', value: 'infra', effect: 'NoSchedule' },
    ]);
    expect(c.staticPodURLHeader).toEqual({ Authorization: ['Bearer x'] });
    expect(c.healthzPort).toBe(0);
    expect(c.readOnlyPort).toBe(10255);
    expect(c.systemReserved).toEqual({ cpu: '100m' });
    expect(c.registerNode).toBe(false);
  });

  it('decodes unknown fields leniently, logging the strict decoding error as upstream', () => {
    const logger = new RecordingLogger();
    const c = decodeKubeletConfiguration(
      `${HEAD}foo: 1\nport: 10251\nauthentication:\n  bar: true\n`,
      { logger },
    );
    expect(c.port).toBe(10251);
    expect(logger.entries).toEqual([
      {
        level: 'info',
        msg: 'Using lenient decoding as strict decoding failed',
        fields: {
          err: 'strict decoding error: unknown field "foo", unknown field "authentication.bar"',
        },
      },
    ]);
  });

  it.each([
    [
      'kind: KubeletConfiguration\napiVersion: kubelet.config.k8s.io/v1beta1_broken\n',
      'failed to decode: no kind "KubeletConfiguration" is registered for version "kubelet.config.k8s.io/v1beta1_broken" in scheme "pkg/kubelet/apis/config/scheme/scheme.go:33"',
    ],
    [
      'kind: Config\napiVersion: v1\n',
      'failed to decode: no kind "Config" is registered for version "v1" in scheme "pkg/kubelet/apis/config/scheme/scheme.go:33"',
    ],
    [
      'apiVersion: kubelet.config.k8s.io/v1beta1\n',
      `failed to decode: Object 'Kind' is missing in '{"apiVersion":"kubelet.config.k8s.io/v1beta1"}'`,
    ],
    [
      `${HEAD}port: "abc"\n`,
      'failed to decode: json: cannot unmarshal string into Go struct field KubeletConfiguration.port of type int32',
    ],
    [
      `${HEAD}maxPods: 1.5\n`,
      'failed to decode: json: cannot unmarshal number 1.5 into Go struct field KubeletConfiguration.maxPods of type int32',
    ],
    [
      `${HEAD}authentication:\n  webhook:\n    enabled: "yes please"\n`,
      'failed to decode: json: cannot unmarshal string into Go struct field KubeletWebhookAuthentication.authentication.webhook.enabled of type bool',
    ],
    [
      `${HEAD}authentication: nope\n`,
      'failed to decode: json: cannot unmarshal string into Go struct field KubeletConfiguration.authentication of type v1beta1.KubeletAuthentication',
    ],
    [
      `${HEAD}fileCheckFrequency: 20\n`,
      'failed to decode: json: cannot unmarshal number into Go value of type string',
    ],
    [`${HEAD}syncFrequency: 1d\n`, 'failed to decode: time: unknown unit "d" in duration "1d"'],
    [
      `${HEAD}kubelab.io/capacity: {cpu: lots}\n`,
      "failed to decode: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    [`${HEAD}staticPodPath: [a\n`, 'failed to decode: error converting YAML to JSON: yaml: line '],
  ])('refuses %j', (data, msg) => {
    expect(() => decodeKubeletConfiguration(data)).toThrow(msg);
  });
});

describe('loadKubeletConfigFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kubelab-kubeletconfig-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes relative paths relative to the config file', async () => {
    const path = join(dir, 'config.yaml');
    writeFileSync(
      path,
      `${HEAD}staticPodPath: manifests\ntlsCertFile: pki/kubelet.crt\ntlsPrivateKeyFile: /abs/kubelet.key\n`,
    );
    const c = await loadKubeletConfigFile(path);
    expect(c.staticPodPath).toBe(join(dir, 'manifests'));
    expect(c.tlsCertFile).toBe(join(dir, 'pki/kubelet.crt'));
    expect(c.tlsPrivateKeyFile).toBe('/abs/kubelet.key');
  });

  it('reads through the given reader (the node root) with the node-view path', async () => {
    const seen: string[] = [];
    const c = await loadKubeletConfigFile('/var/lib/kubelet/config.yaml', {
      readFile: (p) => {
        seen.push(p);
        return Promise.resolve(Buffer.from(`${HEAD}maxPods: 20\n`));
      },
    });
    expect(seen).toEqual(['/var/lib/kubelet/config.yaml']);
    expect(c.maxPods).toBe(20);
  });

  it('fails with the one-line error the kubelet exits with', async () => {
    const path = join(dir, 'config.yaml');
    const prefix = `failed to load kubelet config file, path: ${path}, error: failed to load Kubelet config file ${path}, error `;
    await expect(loadKubeletConfigFile(path)).rejects.toThrow(
      `${prefix}failed to read kubelet config file "${path}", error: open ${path}: no such file or directory`,
    );
    writeFileSync(path, '');
    await expect(loadKubeletConfigFile(path)).rejects.toThrow(
      `${prefix}kubelet config file "${path}" was empty`,
    );
    writeFileSync(
      path,
      'kind: KubeletConfiguration\napiVersion: kubelet.config.k8s.io/v1beta1_broken\n',
    );
    await expect(loadKubeletConfigFile(path)).rejects.toThrow(
      `${prefix}failed to decode: no kind "KubeletConfiguration" is registered for version "kubelet.config.k8s.io/v1beta1_broken" in scheme "pkg/kubelet/apis/config/scheme/scheme.go:33"`,
    );
  });
});

describe('validateKubeletConfiguration', () => {
  it('accepts the defaults and what kubeadm writes', () => {
    expect(validateKubeletConfiguration(defaultKubeletConfiguration())).toEqual([]);
    expect(validateKubeletConfiguration(decodeKubeletConfiguration(KUBEADM))).toEqual([]);
  });

  it('reports every invalid value with upstream wording', () => {
    const c = decodeKubeletConfiguration(
      `${HEAD}port: 70000\nreadOnlyPort: -1\nhealthzPort: 65536\nmaxPods: -1\npodsPerCore: -2\nnodeLeaseDurationSeconds: -5\n` +
        'registerWithTaints: [{key: "bad key", effect: NoSchedule}, {key: ok, effect: Sometimes}]\n',
    );
    expect(validateKubeletConfiguration(c)).toEqual([
      'invalid configuration: nodeLeaseDurationSeconds must be greater than 0',
      'invalid configuration: healthzPort (--healthz-port) 65536 must be between 1 and 65535, inclusive',
      'invalid configuration: maxPods (--max-pods) -1 must not be a negative number',
      'invalid configuration: podsPerCore (--pods-per-core) -2 must not be a negative number',
      'invalid configuration: port (--port) 70000 must be between 1 and 65535, inclusive',
      'invalid configuration: readOnlyPort (--read-only-port) -1 must be between 0 and 65535, inclusive',
      'invalid taint: {bad key  NoSchedule <nil>}',
      'invalid taint: {ok  Sometimes <nil>}',
    ]);
  });

  it('throws the aggregated message the kubelet exits with', () => {
    const one = decodeKubeletConfiguration(`${HEAD}maxPods: -1\n`);
    expect(() => checkKubeletConfiguration(one)).toThrow(
      'failed to validate kubelet configuration, error: invalid configuration: maxPods (--max-pods) -1 must not be a negative number, path: &TypeMeta{Kind:,APIVersion:,}',
    );
    const two = decodeKubeletConfiguration(`${HEAD}maxPods: -1\nport: 0\nreadOnlyPort: 99999\n`);
    expect(() => checkKubeletConfiguration(two)).toThrow(
      'failed to validate kubelet configuration, error: [invalid configuration: maxPods (--max-pods) -1 must not be a negative number, invalid configuration: readOnlyPort (--read-only-port) 99999 must be between 0 and 65535, inclusive], path: &TypeMeta{Kind:,APIVersion:,}',
    );
    expect(() => checkKubeletConfiguration(defaultKubeletConfiguration())).not.toThrow();
  });
});
