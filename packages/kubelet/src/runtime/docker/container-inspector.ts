/**
 * Turns `docker ps -a` entries into RuntimeContainers. The list lacks exit codes, times and
 * OOM flags, so each container is inspected, but only when its list state changed: a running
 * or exited container's inspect result does not change until its state does. Image
 * references (repo digests) are cached per image ID.
 */
import type Dockerode from 'dockerode';
import type { RuntimeContainer } from '../container-runtime.js';
import { imageRef, toRuntimeContainer } from './convert.js';
import { isNotFound } from './docker-errors.js';

interface CacheEntry {
  state: string;
  container: RuntimeContainer | undefined;
}

export class ContainerInspector {
  private readonly containers = new Map<string, CacheEntry>();
  private readonly images = new Map<string, string>();

  constructor(private readonly docker: Dockerode) {}

  /** RuntimeContainers of the listed entries (entries that vanished meanwhile are left out). */
  async convert(list: Dockerode.ContainerInfo[]): Promise<RuntimeContainer[]> {
    const seen = new Set<string>();
    const out: RuntimeContainer[] = [];
    await Promise.all(
      list.map(async (info) => {
        seen.add(info.Id);
        const cached = this.containers.get(info.Id);
        // "running" and "exited" are stable; anything in between is inspected every time.
        const stable = info.State === 'running' || info.State === 'exited';
        if (cached && stable && cached.state === info.State) {
          if (cached.container) out.push(cached.container);
          return;
        }
        const container = await this.inspect(info.Id);
        if (container === null) return;
        this.containers.set(info.Id, { state: info.State, container });
        if (container) out.push(container);
      }),
    );
    for (const id of this.containers.keys()) if (!seen.has(id)) this.containers.delete(id);
    return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** Forget a container (after it was started, stopped or removed through this runtime). */
  invalidate(id: string): void {
    this.containers.delete(id);
  }

  /** null when the container no longer exists. */
  async inspect(id: string): Promise<RuntimeContainer | undefined | null> {
    let info: Dockerode.ContainerInspectInfo;
    try {
      info = await this.docker.getContainer(id).inspect();
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
    return toRuntimeContainer(info, await this.imageRefOf(info.Image));
  }

  private async imageRefOf(imageId: string): Promise<string> {
    const cached = this.images.get(imageId);
    if (cached) return cached;
    let digests: string[] | undefined;
    try {
      digests = (await this.docker.getImage(imageId).inspect()).RepoDigests;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    const ref = imageRef(imageId, digests);
    this.images.set(imageId, ref);
    return ref;
  }
}
