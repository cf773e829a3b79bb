/**
 * The pod sandbox image, `kubelab/pause:3.10` (also tagged `registry.k8s.io/pause:3.10`).
 *
 * PID 1 of a container gets no default signal actions, so `sleep infinity` would ignore
 * SIGTERM and every sandbox stop would wait for the SIGKILL. Like upstream's pause.c, the
 * entrypoint installs handlers: SIGTERM/SIGINT exit 0, SIGCHLD reaps. Preferred build: a
 * ~700 KiB static C binary compiled here with `gcc -static` (no shell, no busybox in the
 * image, one process, exits at once). Fallback when no static-capable compiler is present:
 * the host's static busybox running a shell loop that traps TERM/INT and waits on a
 * background sleep (so the trap runs immediately, not after the sleep).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type Dockerode from 'dockerode';
import type { Logger } from '@kubelab/api';
import { createHash } from 'node:crypto';
import { buildImageFromDirectory, findImageWithLabels, tagImage, type BuildImageResult } from './image-builder.js';
import { PAUSE_C_SOURCE } from './pause-source.js';
import { HOST_BUSYBOX } from './busybox-image.js';

const run = promisify(execFile);

export const PAUSE_IMAGE = 'kubelab/pause:3.10';
export const UPSTREAM_PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

export type PauseStrategy = 'auto' | 'gcc' | 'busybox';

export interface PauseImageOptions {
  tag?: string;
  /** auto: gcc when it can link statically, busybox otherwise. */
  strategy?: PauseStrategy;
  busyboxPath?: string;
  logger?: Logger;
}

/** Compiles the pause program statically; undefined when no compiler can. */
export async function compilePause(): Promise<Buffer | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'kubelab-pause-'));
  try {
    await writeFile(join(dir, 'pause.c'), PAUSE_C_SOURCE);
    await run('gcc', ['-static', '-Os', '-s', '-o', join(dir, 'pause'), join(dir, 'pause.c')], { timeout: 60_000 });
    return await readFile(join(dir, 'pause'));
  } catch {
    return undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const BUSYBOX_PAUSE = "trap 'exit 0' TERM INT; while :; do /bin/busybox sleep 3600 & wait $!; done";

function pauseLabels(recipe: PauseStrategy): Record<string, string> {
  const text = recipe === 'gcc' ? PAUSE_C_SOURCE : BUSYBOX_PAUSE;
  return {
    'io.kubelab.image.kind': 'pause',
    'io.kubelab.image.recipe': `${recipe}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`,
  };
}

export async function ensurePauseImage(docker: Dockerode, opts: PauseImageOptions = {}): Promise<BuildImageResult> {
  const tag = opts.tag ?? PAUSE_IMAGE;
  const extraTags = tag === PAUSE_IMAGE ? [UPSTREAM_PAUSE_IMAGE] : [];
  const strategy = opts.strategy ?? 'auto';
  const started = Date.now();
  // Compiling takes a moment and gcc output need not be byte-identical: recognise an existing
  // image by the recipe (source text) instead of the binary.
  const recipes: PauseStrategy[] = strategy === 'auto' ? ['gcc', 'busybox'] : [strategy];
  for (const recipe of recipes) {
    const id = await findImageWithLabels(docker, tag, pauseLabels(recipe));
    if (id) {
      await tagImage(docker, id, extraTags);
      return { id, tag, built: false, durationMs: Date.now() - started };
    }
  }
  const binary = strategy === 'busybox' ? undefined : await compilePause();
  if (binary) {
    const labels = pauseLabels('gcc');
    return buildImageFromDirectory(docker, {
      tag,
      extraTags,
      files: { '/pause': { content: binary, mode: 0o755 } },
      entrypoint: ['/pause'],
      labels,
      logger: opts.logger,
    });
  }
  if (strategy === 'gcc') throw new Error('cannot build the pause image: gcc -static failed (install gcc and libc6-dev)');
  const labels = pauseLabels('busybox');
  return buildImageFromDirectory(docker, {
    tag,
    extraTags,
    files: { '/bin/busybox': { hostPath: opts.busyboxPath ?? HOST_BUSYBOX, mode: 0o755 } },
    entrypoint: ['/bin/busybox', 'sh', '-c', BUSYBOX_PAUSE],
    labels,
    logger: opts.logger,
  });
}
