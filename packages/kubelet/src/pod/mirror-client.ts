/**
 * Mirror pods (pkg/kubelet/pod/mirror_client.go): the API-server copy of a static pod, with
 * config.mirror set to its hash and an owner reference to the Node; created idempotently and
 * deleted with grace 0 and a UID precondition.
 */
import type { Pod } from '@kubelab/api';
import { ApiError } from '@kubelab/api';
import { CONFIG_HASH_ANNOTATION, CONFIG_MIRROR_ANNOTATION } from '../config/pod-update.js';

export interface PodWriter {
  createPod(namespace: string, pod: Pod): Promise<Pod>;
  getPod(namespace: string, name: string): Promise<Pod>;
  deletePod(namespace: string, name: string, opts: { gracePeriodSeconds: number; uid?: string }): Promise<void>;
}

export interface MirrorClient {
  createMirrorPod(staticPod: Pod, node: { name: string; uid: string }): Promise<void>;
  /** Returns whether it deleted something; NotFound and Conflict mean it did not. */
  deleteMirrorPod(namespace: string, name: string, uid: string | undefined): Promise<boolean>;
}

/** The mirror pod of a static pod, as CreateMirrorPod builds it. */
export function buildMirrorPod(staticPod: Pod, node: { name: string; uid: string }): Pod {
  const hash = staticPod.metadata?.annotations?.[CONFIG_HASH_ANNOTATION] ?? '';
  const meta = { ...staticPod.metadata };
  delete meta.uid;
  delete meta.resourceVersion;
  delete meta.creationTimestamp;
  meta.annotations = { ...staticPod.metadata?.annotations, [CONFIG_MIRROR_ANNOTATION]: hash };
  meta.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid, controller: true }];
  const mirror: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: staticPod.spec };
  return mirror;
}

export class ApiMirrorClient implements MirrorClient {
  constructor(private readonly api: PodWriter) {}

  async createMirrorPod(staticPod: Pod, node: { name: string; uid: string }): Promise<void> {
    const mirror = buildMirrorPod(staticPod, node);
    const ns = mirror.metadata?.namespace ?? 'default';
    try {
      await this.api.createPod(ns, mirror);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'AlreadyExists') {
        const existing = await this.api.getPod(ns, mirror.metadata?.name ?? '');
        const want = mirror.metadata?.annotations?.[CONFIG_MIRROR_ANNOTATION];
        if (existing.metadata?.annotations?.[CONFIG_MIRROR_ANNOTATION] === want) return;
      }
      throw err;
    }
  }

  async deleteMirrorPod(namespace: string, name: string, uid: string | undefined): Promise<boolean> {
    try {
      await this.api.deletePod(namespace, name, { gracePeriodSeconds: 0, uid });
      return true;
    } catch (err) {
      if (err instanceof ApiError && (err.reason === 'NotFound' || err.reason === 'Conflict')) return false;
      throw err;
    }
  }
}
