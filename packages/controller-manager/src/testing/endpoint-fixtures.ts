/**
 * Pods and Services for the Endpoints and EndpointSlice controllers' tests: a pod in namespace
 * `ns` on node-1 with one container and a Ready condition, and a Service labelled after its name.
 */
import type { Pod, Service } from '@kubelab/api';

export interface EndpointPodOptions {
  ready?: boolean;
  /** Set a deletionTimestamp (a terminating pod). */
  deleting?: boolean;
  phase?: string;
  ports?: { name: string; containerPort: number }[];
  labels?: Record<string, string>;
}

/** A pod with `ip` as its only IP ('' or undefined: none yet). */
export function endpointPod(name: string, ip: string | undefined, o: EndpointPodOptions = {}): Pod {
  return {
    metadata: {
      name,
      namespace: 'ns',
      uid: `uid-${name}`,
      labels: o.labels ?? { app: 'web' },
      ...(o.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'i', ports: o.ports }] },
    status: {
      phase: o.phase ?? 'Running',
      ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      conditions: [
        {
          type: 'Ready',
          status: o.ready === false ? 'False' : 'True',
          lastTransitionTime: '2026-01-01T00:00:01Z',
        },
      ],
    },
  };
}

export function endpointService(name: string, spec: Service['spec']): Service {
  return {
    metadata: {
      name,
      namespace: 'ns',
      uid: `uid-${name}`,
      labels: { app: name },
      creationTimestamp: '2026-01-01T00:00:00Z',
    },
    spec,
  };
}
