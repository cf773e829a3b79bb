/**
 * Builds a local image from a described root filesystem, with no registry: `docker import` of a
 * tar stream written here for images from scratch, a classic `docker build` with a generated
 * context when a base image is given. Idempotent (an image whose inputs label matches is kept),
 * and serialised per tag across processes.
 */
import { createHash } from 'node:crypto';
import type Dockerode from 'dockerode';
import type { Logger } from '@kubelab/api';
import { resolveRootfs, type ImageFiles } from './rootfs.js';
import { createTarStream, type TarEntry } from './tar-writer.js';
import { withHostLock } from '../util/host-lock.js';
import { dockerfileFor, imageChanges, type ImageConfig } from './image-config.js';

export const IMAGE_LABEL = 'io.kubelab.image';
export const IMAGE_INPUTS_LABEL = 'io.kubelab.image.inputs';

export interface BuildImageOptions extends ImageConfig {
  /** Primary reference, `repo:tag`. */
  tag: string;
  /** More references for the same image (e.g. registry.k8s.io/pause:3.10). */
  extraTags?: string[];
  files: ImageFiles;
  /** Base image; without it the image is built from scratch. */
  from?: string;
  /** Rebuild even when an image with the same inputs exists. */
  force?: boolean;
  /** Keep an image of that name not built by kubelab (e.g. a busybox pulled from a registry). */
  keepForeign?: boolean;
  logger?: Logger;
}

export interface BuildImageResult {
  id: string;
  tag: string;
  /** False when an image with the same inputs was already present. */
  built: boolean;
  durationMs: number;
}

export function splitReference(ref: string): { repo: string; tag: string } {
  const at = ref.lastIndexOf(':');
  if (at > ref.lastIndexOf('/')) return { repo: ref.slice(0, at), tag: ref.slice(at + 1) };
  return { repo: ref, tag: 'latest' };
}

/** The image's ID when `ref` exists and carries every one of these labels. */
export async function findImageWithLabels(docker: Dockerode, ref: string, labels: Record<string, string>): Promise<string | undefined> {
  const found = await inspectLabels(docker, ref);
  if (!found) return undefined;
  return Object.entries(labels).every(([k, v]) => found.labels[k] === v) ? found.id : undefined;
}

/** Adds references to an existing image. */
export async function tagImage(docker: Dockerode, id: string, refs: string[]): Promise<void> {
  await tagAll(docker, id, refs);
}

async function inspectLabels(docker: Dockerode, ref: string): Promise<{ id: string; labels: Record<string, string> } | undefined> {
  try {
    const info = await docker.getImage(ref).inspect();
    return { id: info.Id, labels: info.Config?.Labels ?? {} };
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

function followProgress(docker: Dockerode, stream: NodeJS.ReadableStream): Promise<{ stream?: string; status?: string; aux?: { ID?: string } }[]> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(stream, (err: Error | null, output: unknown[]) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(output as { stream?: string; status?: string }[]);
    });
  });
}

async function tagAll(docker: Dockerode, id: string, refs: string[]): Promise<void> {
  for (const ref of refs) {
    const { repo, tag } = splitReference(ref);
    await docker.getImage(id).tag({ repo, tag });
  }
}

async function importRootfs(docker: Dockerode, opts: BuildImageOptions, entries: TarEntry[], labels: Record<string, string>): Promise<void> {
  const { repo, tag } = splitReference(opts.tag);
  const stream = await docker.importImage(createTarStream(entries), {
    repo,
    tag,
    changes: imageChanges({ ...opts, labels }),
  } as Record<string, unknown>);
  await followProgress(docker, stream);
}

async function buildFrom(docker: Dockerode, opts: BuildImageOptions & { from: string }, entries: TarEntry[], labels: Record<string, string>): Promise<void> {
  const dockerfile = dockerfileFor(opts.from, entries.length > 0, { ...opts, labels });
  const context: TarEntry[] = [
    { type: 'file', path: 'Dockerfile', content: Buffer.from(dockerfile) },
    { type: 'directory', path: 'rootfs' },
    ...entries.map((e) => ({ ...e, path: `rootfs/${e.path}` })),
  ];
  const stream = await docker.buildImage(createTarStream(context), { t: opts.tag, rm: true, forcerm: true });
  await followProgress(docker, stream);
}

/** Builds (or keeps) an image from files; every image carries io.kubelab.image=true. */
export async function buildImageFromDirectory(docker: Dockerode, opts: BuildImageOptions): Promise<BuildImageResult> {
  const started = Date.now();
  const rootfs = await resolveRootfs(opts.files);
  const inputs = createHash('sha256')
    .update(
      JSON.stringify([rootfs.fingerprint, opts.from, opts.entrypoint, opts.cmd, opts.env, opts.workdir, opts.user, opts.stopSignal, opts.labels]),
    )
    .digest('hex');
  const labels = { ...opts.labels, [IMAGE_LABEL]: 'true', [IMAGE_INPUTS_LABEL]: inputs };
  const refs = opts.extraTags ?? [];

  const current = async (): Promise<string | undefined> => {
    if (opts.force) return undefined;
    const existing = await inspectLabels(docker, opts.tag);
    if (existing && opts.keepForeign && existing.labels[IMAGE_LABEL] !== 'true') return existing.id;
    return existing?.labels[IMAGE_INPUTS_LABEL] === inputs ? existing.id : undefined;
  };

  const present = await current();
  if (present) {
    await tagAll(docker, present, refs);
    return { id: present, tag: opts.tag, built: false, durationMs: Date.now() - started };
  }
  return withHostLock(opts.tag, async () => {
    const again = await current();
    if (again) {
      await tagAll(docker, again, refs);
      return { id: again, tag: opts.tag, built: false, durationMs: Date.now() - started };
    }
    opts.logger?.info('Building image', { image: opts.tag });
    if (opts.from) await buildFrom(docker, { ...opts, from: opts.from }, rootfs.entries, labels);
    else await importRootfs(docker, opts, rootfs.entries, labels);
    const built = await inspectLabels(docker, opts.tag);
    if (!built || built.labels[IMAGE_INPUTS_LABEL] !== inputs) throw new Error(`image ${opts.tag} was not built`);
    await tagAll(docker, built.id, refs);
    const durationMs = Date.now() - started;
    opts.logger?.info('Built image', { image: opts.tag, id: built.id, durationMs });
    return { id: built.id, tag: opts.tag, built: true, durationMs };
  });
}
