/**
 * `kubelab load image`: makes local images usable by a cluster's pods, as `kind load
 * docker-image` does. Every node's runtime is the host's Docker engine, so the image is there
 * already; what a node needs is permission to use it when a pull fails (no registry, pull
 * policy Always): the kubelet accepts a local image labelled io.kubelab.image=true in place
 * of a failed pull. Loading rebuilds the image under the same name as `FROM <image>` plus that
 * label, which keeps its configuration (entrypoint, command, environment, user, workdir).
 */
import type Dockerode from 'dockerode';
import { buildImageFromDirectory, IMAGE_LABEL } from '@kubelab/kubelet/images';
import type { ClusterRecord } from '../cluster/layout.js';

/** `busybox` → `busybox:latest`; a tag is kept. */
export function imageReference(image: string): string {
  const lastSlash = image.lastIndexOf('/');
  return image.lastIndexOf(':') > lastSlash ? image : `${image}:latest`;
}

export interface LoadImagesOptions {
  docker: Dockerode;
  cluster: ClusterRecord;
  images: string[];
  /** Only these nodes (kind's --nodes); default all. */
  nodes?: string[];
  /** One line per image and node, as kind prints them. */
  log: (line: string) => void;
}

async function localImage(docker: Dockerode, ref: string): Promise<Dockerode.ImageInspectInfo | undefined> {
  try {
    return await docker.getImage(ref).inspect();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

export async function loadImages(opts: LoadImagesOptions): Promise<void> {
  const nodes = opts.nodes && opts.nodes.length > 0 ? opts.nodes : opts.cluster.nodes.map((n) => n.name);
  for (const name of nodes) {
    if (!opts.cluster.nodes.some((n) => n.name === name)) throw new Error(`unknown node: ${name}`);
  }
  // Every image must exist before anything is changed (kind checks them all first).
  const found: { image: string; ref: string; info: Dockerode.ImageInspectInfo }[] = [];
  for (const image of opts.images) {
    if (image.includes('@')) throw new Error(`image: "${image}": load an image by name:tag, not by digest`);
    const ref = imageReference(image);
    const info = await localImage(opts.docker, ref);
    if (!info) throw new Error(`image: "${image}" not present locally`);
    found.push({ image, ref, info });
  }
  for (const { image, ref, info } of found) {
    if (info.Config?.Labels?.[IMAGE_LABEL] === 'true') {
      opts.log(`Image: "${image}" with ID "${info.Id}" found to be already present on all nodes.`);
      continue;
    }
    for (const node of nodes) opts.log(`Image: "${image}" with ID "${info.Id}" not yet present on node "${node}", loading...`);
    await buildImageFromDirectory(opts.docker, { tag: ref, from: ref, files: {} });
  }
}
