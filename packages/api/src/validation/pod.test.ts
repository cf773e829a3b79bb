import type { Container, ContainerStatus, Pod, PodSpec, PodStatus } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultPod } from '../defaults/pod.js';
import { validatePodCreate, validatePodStatusUpdate } from './pod.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const sp = (p: Pod): PodSpec => (p.spec ??= { containers: [] });
const md = (p: Pod): ObjectMeta => (p.metadata ??= {});
const st = (p: Pod): PodStatus => ((p as { status?: PodStatus }).status ??= {});
function c0(p: Pod): Container {
  const c = sp(p).containers[0];
  if (!c) throw new Error('pod has no container');
  return c;
}
function cs0(p: Pod): ContainerStatus {
  const c = st(p).containerStatuses?.[0];
  if (!c) throw new Error('pod has no container status');
  return c;
}

function pod(mutate: (p: Pod) => void = () => undefined): Pod {
  const p: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default' },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
  };
  mutate(p);
  defaultPod(p);
  return p;
}

describe('validatePodCreate', () => {
  it('accepts a minimal defaulted pod', () => {
    expect(strs(validatePodCreate(pod()))).toEqual([]);
  });

  it.each<[string, (p: Pod) => void, string[]]>([
    ['no containers', (p) => (p.spec = { containers: [] }), ['spec.containers: Required value']],
    ['missing image', (p) => delete (c0(p) as { image?: string }).image, ['spec.containers[0].image: Required value']],
    [
      'duplicate container names',
      (p) => sp(p).containers.push({ name: 'nginx', image: 'busybox' }),
      ['spec.containers[1].name: Duplicate value: "nginx"'],
    ],
    [
      'a bad container name',
      (p) => (c0(p).name = 'Nginx'),
      [
        "spec.containers[0].name: Invalid value: \"Nginx\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    ['no namespace', (p) => delete md(p).namespace, ['metadata.namespace: Required value']],
    [
      'an unsupported restart policy',
      (p) => (sp(p).restartPolicy = 'Sometimes'),
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'an unsupported dns policy',
      (p) => (sp(p).dnsPolicy = 'Nope'),
      ['spec.dnsPolicy: Unsupported value: "Nope": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    ],
    [
      'an unsupported pull policy',
      (p) => (c0(p).imagePullPolicy = 'Sometimes'),
      ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
    ],
    [
      'a mount of an unknown volume',
      (p) => (c0(p).volumeMounts = [{ name: 'data', mountPath: '/data' }]),
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      'two sources in one volume',
      (p) => (sp(p).volumes = [{ name: 'v', emptyDir: {}, hostPath: { path: '/tmp' } }]),
      ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type'],
    ],
    [
      'duplicate volume names',
      (p) => (sp(p).volumes = [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }]),
      ['spec.volumes[1].name: Duplicate value: "v"'],
    ],
    [
      'a secret volume without a name',
      (p) => (sp(p).volumes = [{ name: 'v', secret: {} }]),
      ['spec.volumes[0].secret.secretName: Required value'],
    ],
    [
      'requests above limits',
      (p) => (c0(p).resources = { limits: { cpu: '500m' }, requests: { cpu: '1' } }),
      ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m'],
    ],
    [
      'a negative quantity',
      (p) => (c0(p).resources = { requests: { memory: '-1Mi' } }),
      ['spec.containers[0].resources.requests[memory]: Invalid value: "-1Mi": must be greater than or equal to 0'],
    ],
    [
      'an unknown resource name',
      (p) => (c0(p).resources = { requests: { pods: '1' } }),
      ['spec.containers[0].resources.requests[pods]: Invalid value: "pods": must be a standard resource for containers'],
    ],
    [
      'an extended resource without a limit',
      (p) => (c0(p).resources = { requests: { 'example.com/gpu': '1' } }),
      ['spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources'],
    ],
    [
      'a fractional extended resource',
      (p) => (c0(p).resources = { limits: { 'example.com/gpu': '500m' } }),
      [
        'spec.containers[0].resources.limits[example.com/gpu]: Invalid value: 500m: must be an integer',
        'spec.containers[0].resources.requests[example.com/gpu]: Invalid value: 500m: must be an integer',
      ],
    ],
    [
      'a probe without a handler',
      (p) => (c0(p).livenessProbe = {}),
      ['spec.containers[0].livenessProbe: Required value: must specify a handler type'],
    ],
    [
      'a liveness probe with successThreshold 2',
      (p) => (c0(p).livenessProbe = { exec: { command: ['true'] }, successThreshold: 2 }),
      ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    ],
    [
      'an httpGet probe on port 0',
      (p) => (c0(p).readinessProbe = { httpGet: { port: 0 } }),
      ['spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    ],
    [
      'conflicting host ports',
      (p) => {
        c0(p).ports = [{ containerPort: 80, hostPort: 8080 }];
        sp(p).containers.push({ name: 'b', image: 'b', ports: [{ containerPort: 81, hostPort: 8080 }] });
      },
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
    [
      'a port without containerPort',
      (p) => (c0(p).ports = [{ containerPort: 0 }]),
      ['spec.containers[0].ports[0].containerPort: Required value'],
    ],
    [
      'an env var with "="',
      (p) => (c0(p).env = [{ name: 'A=B', value: 'x' }]),
      [
        "spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
      ],
    ],
    [
      'an env fieldRef on an unsupported path',
      (p) => (c0(p).env = [{ name: 'X', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.phase' } } }]),
      [
        'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      ],
    ],
    [
      'a toleration without key and operator Equal',
      (p) => (sp(p).tolerations = [{ operator: 'Equal', value: 'x' }]),
      [
        'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      ],
    ],
    [
      'tolerationSeconds without NoExecute',
      (p) => (sp(p).tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }]),
      ["spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"],
    ],
    [
      'an invalid nodeSelector value',
      (p) => (sp(p).nodeSelector = { disk: 'ssd!' }),
      [expect.stringMatching(/^spec\.nodeSelector: Invalid value: "ssd!": a valid label must be an empty string/)],
    ],
    [
      'a node affinity without terms',
      (p) => (sp(p).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }),
      [
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
      ],
    ],
    [
      'a pod affinity term without topologyKey',
      (p) => (sp(p).affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: '' }] } }),
      [
        'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
        expect.stringMatching(/topologyKey: Invalid value: "": name part must be non-empty$/),
        expect.stringMatching(/topologyKey: Invalid value: "": name part must consist of/),
      ],
    ],
    [
      'activeDeadlineSeconds 0',
      (p) => (sp(p).activeDeadlineSeconds = 0),
      ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'],
    ],
    [
      'hostNetwork with a differing hostPort',
      (p) => {
        sp(p).hostNetwork = true;
        c0(p).ports = [{ containerPort: 80, hostPort: 81 }];
      },
      ['spec.containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when `hostNetwork` is true'],
    ],
    [
      'an init container probe',
      (p) => (sp(p).initContainers = [{ name: 'init', image: 'busybox', readinessProbe: { exec: { command: ['x'] } } }]),
      ['spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always'],
    ],
    [
      'a mirror annotation without a node',
      (p) => (md(p).annotations = { 'kubernetes.io/config.mirror': 'abc' }),
      ['metadata.annotations[kubernetes.io/config.mirror]: Invalid value: "abc": must set spec.nodeName if mirror pod annotation is set'],
    ],
    [
      'an image with trailing whitespace',
      (p) => (c0(p).image = 'nginx '),
      ['spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace'],
    ],
  ])('rejects %s', (_name, mutate, want) => {
    expect(strs(validatePodCreate(pod(mutate)))).toEqual(want);
  });

  it('requires terminationGracePeriodSeconds when not defaulted', () => {
    const p = pod();
    delete sp(p).terminationGracePeriodSeconds;
    expect(strs(validatePodCreate(p))).toEqual(['spec.terminationGracePeriodSeconds: Required value']);
  });
});

describe('validatePodStatusUpdate', () => {
  const running = (mutate: (p: Pod) => void = () => undefined): Pod => {
    const p = pod((x) => {
      Object.assign(md(x), { uid: 'u1', resourceVersion: '3' });
      sp(x).nodeName = 'n1';
      sp(x).restartPolicy = 'Never';
      (x as { status?: PodStatus }).status = { phase: 'Running', containerStatuses: [{ name: 'nginx', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: { terminated: { exitCode: 0 } } }] };
    });
    mutate(p);
    return p;
  };

  it('accepts a status change', () => {
    expect(strs(validatePodStatusUpdate(running((p) => (st(p).phase = 'Succeeded')), running()))).toEqual([]);
  });

  it.each<[string, (p: Pod) => void, string[]]>([
    ['a node change', (p) => (sp(p).nodeName = 'n2'), ['status.nodeName: Forbidden: may not be changed directly']],
    [
      'leaving the terminated state without restarts',
      (p) => (cs0(p).state = { running: {} }),
      ['status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state'],
    ],
    [
      'an invalid pod IP',
      (p) => (st(p).podIPs = [{ ip: 'x' }]),
      ['status.podIPs[0]: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
    ],
  ])('rejects %s', (_name, mutate, want) => {
    expect(strs(validatePodStatusUpdate(running(mutate), running()))).toEqual(want);
  });
});
