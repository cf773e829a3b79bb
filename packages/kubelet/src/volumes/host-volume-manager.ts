/**
 * VolumeManager over the node's own directories: each pod volume set up by its plugin under
 * /var/lib/kubelet/pods/<uid>/volumes (hostPath: the node path itself), all under the node
 * root. Calls for one pod are serialised; a repeated set-up rewrites configMap / secret /
 * downwardAPI / projected contents atomically and keeps emptyDir contents.
 */
import { rm, rmdir } from 'node:fs/promises';
import { isNotFound, realClock, type Clock, type Logger, type Pod } from '@kubelab/api';
import { hostAllocatable, type NodeAllocatable } from '../container/resource-field.js';
import type { NodeRoot } from '../node-root.js';
import { configMapPlugin } from './config-map-volume.js';
import { downwardApiPlugin } from './downward-api-volume.js';
import { emptyDirPlugin } from './empty-dir-volume.js';
import { hostPathPlugin } from './host-path-volume.js';
import { podDir, podVolumesDir } from './pod-volume-paths.js';
import { projectedPlugin } from './projected-volume.js';
import { secretPlugin } from './secret-volume.js';
import { isSupportedVolumeKind, unsupportedVolumeMessage, volumeSourceKind, type SupportedVolumeKind } from './volume-source-kind.js';
import type { VolumeHost, VolumePlugin } from './volume-plugin.js';
import type { MountedVolume, VolumeManager, VolumeObjectSource } from './volume-manager.js';

export const KUBE_ROOT_CA_CONFIG_MAP = 'kube-root-ca.crt';

export interface HostVolumeManagerOptions {
  nodeRoot: NodeRoot;
  objects: VolumeObjectSource;
  /** Cluster CA (PEM): the `ca.crt` of a kube-root-ca.crt ConfigMap the API server does not have. */
  clusterCaPem?: string;
  /** For downward API resource fields without a limit; defaults to the host's cpus and memory. */
  nodeAllocatable?: NodeAllocatable;
  clock?: Clock;
  logger?: Logger;
}

export interface VolumeSetUpFailure {
  volume: string;
  /** `MountVolume.SetUp failed for volume "cfg" : configmap "cfg" not found` */
  message: string;
}

/** Rejection of setUpPodVolumes: the first failure's message, and every failure (one
 * FailedMount event each). */
export class VolumeSetUpError extends Error {
  constructor(readonly failures: VolumeSetUpFailure[]) {
    super(failures[0]?.message ?? 'MountVolume.SetUp failed');
    this.name = 'VolumeSetUpError';
  }
}

const PLUGINS: Record<SupportedVolumeKind, VolumePlugin> = {
  emptyDir: emptyDirPlugin,
  hostPath: hostPathPlugin,
  configMap: configMapPlugin,
  secret: secretPlugin,
  downwardAPI: downwardApiPlugin,
  projected: projectedPlugin,
};

function withClusterCa(objects: VolumeObjectSource, pem: string | undefined): VolumeObjectSource {
  if (pem === undefined) return objects;
  const fallback = { data: { 'ca.crt': pem } };
  return {
    getSecret: (ns, name) => objects.getSecret(ns, name),
    async getConfigMap(ns, name) {
      if (name !== KUBE_ROOT_CA_CONFIG_MAP) return objects.getConfigMap(ns, name);
      try {
        return (await objects.getConfigMap(ns, name)) ?? fallback;
      } catch (err) {
        if (isNotFound(err)) return fallback;
        throw err;
      }
    },
  };
}

export class HostVolumeManager implements VolumeManager {
  private readonly host: VolumeHost;
  private readonly logger: Logger | undefined;
  private readonly nodeRoot: NodeRoot;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(opts: HostVolumeManagerOptions) {
    const clock = opts.clock ?? realClock;
    this.nodeRoot = opts.nodeRoot;
    this.logger = opts.logger;
    this.host = {
      nodeRoot: opts.nodeRoot,
      objects: withClusterCa(opts.objects, opts.clusterCaPem),
      allocatable: opts.nodeAllocatable ?? hostAllocatable(),
      now: () => clock.now(),
    };
  }

  setUpPodVolumes(pod: Pod): Promise<Map<string, MountedVolume>> {
    return this.serialised(pod.metadata?.uid ?? '', () => this.setUp(pod));
  }

  tearDownPodVolumes(podUid: string): Promise<void> {
    return this.serialised(podUid, async () => {
      await rm(this.nodeRoot.hostPath(podVolumesDir(podUid)), { recursive: true, force: true });
      await rmdir(this.nodeRoot.hostPath(podDir(podUid))).catch(() => undefined);
      this.logger?.debug('Tore down pod volumes', { podUID: podUid });
    });
  }

  private async setUp(pod: Pod): Promise<Map<string, MountedVolume>> {
    podVolumesDir(pod.metadata?.uid ?? ''); // rejects a UID that is not a plain name
    const mounted = new Map<string, MountedVolume>();
    const failures: VolumeSetUpFailure[] = [];
    for (const volume of pod.spec?.volumes ?? []) {
      const kind = volumeSourceKind(volume);
      try {
        if (!isSupportedVolumeKind(kind)) throw new Error(unsupportedVolumeMessage(kind));
        mounted.set(volume.name, await PLUGINS[kind].setUp(volume, pod, this.host));
        this.logger?.debug('MountVolume.SetUp succeeded for volume', { volume: volume.name, kind });
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        failures.push({ volume: volume.name, message: `MountVolume.SetUp failed for volume ${JSON.stringify(volume.name)} : ${reason}` });
      }
    }
    if (failures.length > 0) throw new VolumeSetUpError(failures);
    return mounted;
  }

  private serialised<T>(uid: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(uid) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    this.queues.set(uid, next);
    void next.finally(() => {
      if (this.queues.get(uid) === next) this.queues.delete(uid);
    }).catch(() => undefined);
    return next;
  }
}
