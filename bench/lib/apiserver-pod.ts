/**
 * A realistic pod as a Deployment's ReplicaSet creates it: labels, annotations, an owner
 * reference, one container with ports, env, resources, probes and a config volume. About
 * 1.5 KB of JSON as sent; the server adds defaults, uid, timestamps and status.
 */
import type { Pod } from '@kubelab/api';

export function benchPod(name: string, namespace: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: {
        app: 'web',
        'app.kubernetes.io/name': 'web',
        'app.kubernetes.io/version': '1.4.2',
        'pod-template-hash': '7d4b9c8f6d',
        tier: 'frontend',
      },
      annotations: {
        'kubectl.kubernetes.io/restartedAt': '2025-01-14T09:30:00Z',
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9090',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-7d4b9c8f6d',
          uid: '6f1f4a2e-3c1b-4d7a-9a55-2b8e0c1d9f00',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'registry.example.com/team/web:1.4.2',
          args: ['--listen=:8080', '--metrics=:9090', '--config=/etc/web/config.yaml'],
          ports: [
            { name: 'http', containerPort: 8080, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
          ],
          env: [
            { name: 'LOG_LEVEL', value: 'info' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
          ],
          resources: {
            requests: { cpu: '100m', memory: '128Mi' },
            limits: { cpu: '500m', memory: '256Mi' },
          },
          volumeMounts: [{ name: 'config', mountPath: '/etc/web', readOnly: true }],
          readinessProbe: {
            httpGet: { path: '/readyz', port: 'http' },
            periodSeconds: 5,
            failureThreshold: 3,
          },
          livenessProbe: {
            httpGet: { path: '/healthz', port: 'http' },
            initialDelaySeconds: 10,
            periodSeconds: 10,
          },
        },
      ],
      volumes: [{ name: 'config', configMap: { name: 'web-config' } }],
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      terminationGracePeriodSeconds: 30,
    },
  };
}
