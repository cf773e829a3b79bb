import { describe, expect, it } from 'vitest';
import type { ContainerConfig, SandboxConfig } from '../container-runtime.js';
import { containerAnnotationLabels, containerLabels, ownerFilters, podRefFromLabels, sandboxLabels } from './labels.js';

const pod = { name: 'web', namespace: 'default', uid: 'u-1' };
const owner = { clusterName: 'lab', nodeName: 'lab-worker' };

const sandboxConfig: SandboxConfig = {
  pod,
  attempt: 1,
  hostname: 'web',
  hostNetwork: false,
  portMappings: [],
  labels: { app: 'web', 'io.kubernetes.pod.name': 'spoofed' },
  annotations: { 'kubernetes.io/config.source': 'file' },
  dns: undefined,
  logDirectory: '/n/var/log/pods/default_web_u-1',
};

describe('labels', () => {
  it('puts the pod labels, annotations and identity on the sandbox', () => {
    expect(sandboxLabels(sandboxConfig, owner)).toEqual({
      app: 'web',
      'annotation.kubernetes.io/config.source': 'file',
      'io.kubernetes.pod.name': 'web',
      'io.kubernetes.pod.namespace': 'default',
      'io.kubernetes.pod.uid': 'u-1',
      'io.kubernetes.container.name': 'POD',
      'io.kubernetes.docker.type': 'podsandbox',
      'io.kubelab.sandbox.attempt': '1',
      'io.kubelab.pod.hostNetwork': 'false',
      'io.kubelab.pod.logDirectory': '/n/var/log/pods/default_web_u-1',
      'io.kubelab.cluster': 'lab',
      'io.kubelab.node': 'lab-worker',
    });
  });

  it('labels containers with identity, sandbox, hash, restart count and log path', () => {
    const config = {
      name: 'nginx',
      attempt: 2,
      hash: 'abc123',
      image: 'busybox',
      logPath: '/n/var/log/pods/default_web_u-1/nginx/2.log',
      labels: containerAnnotationLabels({ terminationGracePeriodSeconds: 30, terminationMessagePath: '/dev/termination-log' }),
    } as ContainerConfig;
    const labels = containerLabels(pod, 'sb1', config, owner);
    expect(labels).toMatchObject({
      'io.kubernetes.container.name': 'nginx',
      'io.kubernetes.docker.type': 'container',
      'io.kubernetes.sandbox.id': 'sb1',
      'io.kubernetes.container.logpath': '/n/var/log/pods/default_web_u-1/nginx/2.log',
      'annotation.io.kubernetes.container.hash': 'abc123',
      'annotation.io.kubernetes.container.restartCount': '2',
      'annotation.io.kubernetes.pod.terminationGracePeriod': '30',
      'annotation.io.kubernetes.container.terminationMessagePath': '/dev/termination-log',
    });
    expect(podRefFromLabels(labels)).toEqual(pod);
  });

  it('filters by cluster, node and type', () => {
    expect(ownerFilters(owner, 'container')).toEqual([
      'io.kubelab.cluster=lab',
      'io.kubelab.node=lab-worker',
      'io.kubernetes.docker.type=container',
    ]);
    expect(podRefFromLabels({ 'io.kubernetes.pod.name': 'x' })).toBeUndefined();
  });
});
