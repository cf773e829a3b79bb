/**
 * The control-plane images, built locally with no registry:
 *   kubelab/node:<tag>                     the host's node binary and its libraries, and the image
 *                                          bundle directory (three component bundles, classic-level)
 *   kubelab/kube-apiserver:<tag>, kubelab/kube-controller-manager:<tag>, kubelab/kube-scheduler:<tag>
 *                                          FROM it: /usr/local/bin/<component> → /kubelab/<component>.mjs
 *                                          (a `#!/usr/local/bin/node` script), the entrypoint and
 *                                          the binary a manifest's `command:` names.
 * Each component image carries a label with a digest of the bundle directory (paths, sizes,
 * mtimes) and the node version: when all three carry the current one, nothing is built and the
 * check costs three `docker image inspect`s.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type Dockerode from 'dockerode';
import type { Logger } from '@kubelab/api';
import { APISERVER_ENV } from '@kubelab/apiserver';
import { buildImageFromDirectory, ensureNodeRuntimeImage, findImageWithLabels, NODE_RUNTIME_REPO } from '@kubelab/kubelet/images';
import { CONTROL_PLANE_COMPONENTS, type ControlPlaneComponent } from '../cluster/manifests/control-plane-options.js';
import { IMAGE_TAG, KUBERNETES_VERSION } from '../cluster/version.js';

export const BUNDLE_DIGEST_LABEL = 'io.kubelab.image.bundle-digest';
export const COMPONENT_LABEL = 'io.kubelab.component';
export const KUBERNETES_VERSION_LABEL = 'io.kubelab.kubernetes.version';

export function componentImage(component: ControlPlaneComponent, tag: string = IMAGE_TAG): string {
  return `kubelab/${component}:${tag}`;
}

export function controlPlaneImages(tag: string = IMAGE_TAG): Record<ControlPlaneComponent, string> {
  return Object.fromEntries(CONTROL_PLANE_COMPONENTS.map((c) => [c, componentImage(c, tag)])) as Record<ControlPlaneComponent, string>;
}

async function listing(dir: string, base: string, out: string[]): Promise<void> {
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await listing(p, base, out);
    else {
      const st = await stat(p);
      out.push(`${relative(base, p)} ${st.size} ${st.mtimeMs}`);
    }
  }
}

/** The environment a component's image sets (kube-apiserver's malloc settings). */
export function componentEnv(component: ControlPlaneComponent): Record<string, string> | undefined {
  return component === 'kube-apiserver' ? { ...APISERVER_ENV } : undefined;
}

/**
 * Digest of what the images are made of: the bundle directory, node's version, the tag, and the
 * images' environment (which no bundle carries).
 */
export async function bundleDigest(
  imageDir: string,
  tag: string,
  nodeVersion = process.version,
  env: (c: ControlPlaneComponent) => Record<string, string> | undefined = componentEnv,
): Promise<string> {
  const lines: string[] = [];
  await listing(imageDir, imageDir, lines);
  const envs = CONTROL_PLANE_COMPONENTS.map((c) => `${c} ${JSON.stringify(env(c) ?? {})}`);
  return createHash('sha256').update([tag, nodeVersion, ...envs, ...lines].join('\n')).digest('hex').slice(0, 32);
}

export interface EnsureImagesOptions {
  imageDir: string;
  tag?: string;
  logger?: Logger;
  /** Called before a build starts (the CLI prints it). */
  onBuild?: (image: string) => void;
}

export interface EnsureImagesResult {
  images: Record<ControlPlaneComponent, string>;
  built: string[];
}

export async function ensureControlPlaneImages(docker: Dockerode, o: EnsureImagesOptions): Promise<EnsureImagesResult> {
  const tag = o.tag ?? IMAGE_TAG;
  const images = controlPlaneImages(tag);
  const digest = await bundleDigest(o.imageDir, tag);
  const current = await Promise.all(CONTROL_PLANE_COMPONENTS.map((c) => findImageWithLabels(docker, images[c], { [BUNDLE_DIGEST_LABEL]: digest })));
  if (current.every(Boolean)) return { images, built: [] };

  const built: string[] = [];
  const base = `${NODE_RUNTIME_REPO}:${tag}`;
  o.onBuild?.(base);
  const node = await ensureNodeRuntimeImage(docker, { tag, bundleDir: o.imageDir, logger: o.logger });
  if (node.built) built.push(base);
  for (const component of CONTROL_PLANE_COMPONENTS) {
    const binary = `/usr/local/bin/${component}`;
    o.onBuild?.(images[component]);
    const result = await buildImageFromDirectory(docker, {
      tag: images[component],
      from: base,
      files: { [binary]: { symlink: `/kubelab/${component}.mjs` } },
      entrypoint: [binary],
      env: componentEnv(component),
      labels: {
        [BUNDLE_DIGEST_LABEL]: digest,
        [COMPONENT_LABEL]: component,
        [KUBERNETES_VERSION_LABEL]: KUBERNETES_VERSION,
        'io.kubelab.node.image': node.id,
      },
      logger: o.logger,
    });
    if (result.built) built.push(images[component]);
  }
  return { images, built };
}
