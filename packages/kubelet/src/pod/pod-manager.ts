/**
 * The pods this kubelet should run, by UID and by full name, and the mirror pods the API server
 * shows for its static pods (pod_manager.go). A static pod and its mirror pod share a full name;
 * the mirror belongs to the static pod when its config.mirror equals the static pod's config.hash.
 */
import type { Pod } from '@kubelab/api';
import { CONFIG_HASH_ANNOTATION, CONFIG_MIRROR_ANNOTATION, isMirrorPod, podFullName } from '../config/pod-update.js';

export function isMirrorPodOf(mirror: Pod, pod: Pod): boolean {
  return (
    mirror.metadata?.name === pod.metadata?.name &&
    mirror.metadata?.namespace === pod.metadata?.namespace &&
    mirror.metadata?.annotations?.[CONFIG_MIRROR_ANNOTATION] === pod.metadata?.annotations?.[CONFIG_HASH_ANNOTATION]
  );
}

export class PodManager {
  private readonly byUid = new Map<string, Pod>();
  private readonly byFullName = new Map<string, Pod>();
  private readonly mirrors = new Map<string, Pod>();

  /** Adds or replaces a pod (a mirror pod goes to the mirror table). */
  update(pod: Pod): void {
    if (isMirrorPod(pod)) {
      this.mirrors.set(podFullName(pod), pod);
      return;
    }
    const uid = pod.metadata?.uid ?? '';
    this.byUid.set(uid, pod);
    this.byFullName.set(podFullName(pod), pod);
  }

  remove(pod: Pod): void {
    if (isMirrorPod(pod)) {
      const cur = this.mirrors.get(podFullName(pod));
      if (cur?.metadata?.uid === pod.metadata?.uid) this.mirrors.delete(podFullName(pod));
      return;
    }
    const uid = pod.metadata?.uid ?? '';
    this.byUid.delete(uid);
    const fn = podFullName(pod);
    if (this.byFullName.get(fn)?.metadata?.uid === uid) this.byFullName.delete(fn);
  }

  get(uid: string): Pod | undefined {
    return this.byUid.get(uid);
  }

  getByFullName(fullName: string): Pod | undefined {
    return this.byFullName.get(fullName);
  }

  pods(): Pod[] {
    return [...this.byUid.values()];
  }

  mirrorPods(): Pod[] {
    return [...this.mirrors.values()];
  }

  /** The mirror pod published for a static pod, if any (matching or not). */
  mirrorOf(pod: Pod): Pod | undefined {
    return this.mirrors.get(podFullName(pod));
  }

  /** Mirror pods whose full name has no static pod any more. */
  orphanedMirrorPods(): Pod[] {
    return this.mirrorPods().filter((m) => !this.byFullName.has(podFullName(m)));
  }
}
