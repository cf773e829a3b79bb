import type { Pod } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultPod, defaultPodSpec } from './pod.js';

describe('defaultPod', () => {
  it('fills the API defaults a created pod shows', () => {
    const pod: Pod = {
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx',
            ports: [{ containerPort: 80 }],
            env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            resources: { limits: { cpu: '0.5', memory: '1024Mi' } },
            livenessProbe: { httpGet: { port: 80 } },
          },
        ],
        volumes: [
          { name: 'a', secret: { secretName: 's' } },
          { name: 'b', configMap: { name: 'c' } },
          { name: 'c' },
          { name: 'd', hostPath: { path: '/tmp' } },
          { name: 'e', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
        ],
      },
    };
    defaultPod(pod);
    expect(pod.spec).toEqual({
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          env: [{ name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
          resources: { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } },
          livenessProbe: {
            httpGet: { port: 80, path: '/', scheme: 'HTTP' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
        },
      ],
      volumes: [
        { name: 'a', secret: { secretName: 's', defaultMode: 420 } },
        { name: 'b', configMap: { name: 'c', defaultMode: 420 } },
        { name: 'c', emptyDir: {} },
        { name: 'd', hostPath: { path: '/tmp', type: '' } },
        { name: 'e', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] } },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
    });
  });

  it('keeps explicit values, copies only missing requests and mirrors host ports', () => {
    const pod: Pod = {
      spec: {
        hostNetwork: true,
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 5,
        containers: [
          {
            name: 'a',
            image: 'a:1',
            imagePullPolicy: 'Never',
            ports: [{ containerPort: 8080 }],
            resources: { limits: { cpu: '2' }, requests: { cpu: '1' } },
          },
        ],
      },
    };
    defaultPod(pod);
    const c = pod.spec?.containers[0];
    expect(c?.imagePullPolicy).toBe('Never');
    expect(c?.resources).toEqual({ limits: { cpu: '2' }, requests: { cpu: '1' } });
    expect(c?.ports).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }]);
    expect(pod.spec?.restartPolicy).toBe('Never');
    expect(pod.spec?.terminationGracePeriodSeconds).toBe(5);
  });

  it('rewrites a negative grace period to 1', () => {
    const pod: Pod = { spec: { containers: [], terminationGracePeriodSeconds: -5 } };
    defaultPod(pod);
    expect(pod.spec?.terminationGracePeriodSeconds).toBe(1);
  });
});

describe('defaultPodSpec', () => {
  it('defaults a template spec without the pod-only fields', () => {
    const spec = { containers: [{ name: 'a', image: 'a:1' }] };
    defaultPodSpec(spec);
    expect(spec).toEqual({
      containers: [
        { name: 'a', image: 'a:1', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
    });
  });
});
