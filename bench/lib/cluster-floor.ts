/**
 * Floors measured in the same run as the cluster:
 *  - start: a raw `docker run -d` (the docker CLI, default bridge network) of the three
 *    control-plane images with a sleep-like command (their node binary idling,
 *    `node -e 'setInterval(()=>{},1e9)'`: the component bundle is not loaded) and of busybox
 *    `sleep`, until it returns (Docker has started the container); each alone, then all four
 *    at once; and `docker run --rm IMAGE --help` to its exit (Docker plus loading the bundle);
 *    on the host, `node BUNDLE --help` (node's start-up plus the bundle's load);
 *  - memory: a raw `docker run` of the node runtime image idling in `node -e`, and of busybox
 *    `sleep`, and an idle `node -e` on the host (what a kubelet's node process costs before
 *    kubelab's code).
 * Every floor container carries io.kubelab.cluster=<label> and is removed right after use.
 */
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type Dockerode from 'dockerode';
import { now } from './cluster-cli.js';
import {
  containerTarget,
  sampleMemory,
  totalRow,
  type MemoryRow,
  type Target,
} from './cluster-memory.js';
import { median } from './cluster-stats.js';

const exec = promisify(execFile);
export const IDLE_NODE = ['-e', 'setInterval(()=>{},1e9)'];

export interface FloorImage {
  name: string;
  image: string;
  /** docker run arguments after the image (entrypoint first when overridden). */
  run: { entrypoint?: string; args: string[] };
}

export function floorImages(tag: string, busybox: string): FloorImage[] {
  const cp = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => ({
    name: c,
    image: `kubelab/${c}:${tag}`,
    run: { entrypoint: '/usr/local/bin/node', args: IDLE_NODE },
  }));
  return [...cp, { name: 'busybox', image: busybox, run: { args: ['sleep', '3600'] } }];
}

function runArgs(img: FloorImage, label: string, extra: string[] = []): string[] {
  return [
    'run',
    '-d',
    '--label',
    `io.kubelab.cluster=${label}`,
    ...extra,
    ...(img.run.entrypoint ? ['--entrypoint', img.run.entrypoint] : []),
    img.image,
    ...img.run.args,
  ];
}

async function dockerRunD(img: FloorImage, label: string): Promise<{ ms: number; id: string }> {
  const t0 = now();
  const { stdout } = await exec('docker', runArgs(img, label));
  return { ms: now() - t0, id: stdout.trim() };
}

async function removeContainers(ids: string[]): Promise<void> {
  if (ids.length) await exec('docker', ['rm', '-f', '-v', ...ids]).catch(() => undefined);
}

function timeProcess(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(cmd, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(now() - t0)
        : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`)),
    );
  });
}

export interface StartFloor {
  /** Median ms of `docker run -d` of each image alone. */
  alone: Record<string, number>;
  /** Median ms until all four parallel `docker run -d` returned. */
  allAtOnce: number;
  /** Median ms of `docker run --rm <control-plane image> --help`, to its exit. */
  helpInContainer: Record<string, number>;
  /** Median ms of `node <bundle> --help` on the host. */
  helpOnHost: Record<string, number>;
}

export async function measureStartFloor(
  images: FloorImage[],
  label: string,
  bundleDir: string,
  reps: number,
): Promise<StartFloor> {
  const alone: Record<string, number[]> = {};
  const all: number[] = [];
  const help: Record<string, number[]> = {};
  const host: Record<string, number[]> = {};
  const bundles: Record<string, string> = {
    kubelab: join(bundleDir, 'kubelab.mjs'),
    kubelet: join(bundleDir, 'kubelet.mjs'),
    ...Object.fromEntries(
      images
        .filter((i) => i.run.entrypoint)
        .map((i) => [i.name, join(bundleDir, 'image', `${i.name}.mjs`)]),
    ),
  };
  // One unmeasured round: page cache and Docker's image metadata warm, as for the cluster.
  for (let r = 0; r <= reps; r++) {
    const push = (m: Record<string, number[]>, k: string, v: number): void => {
      if (r > 0) (m[k] ??= []).push(v);
    };
    for (const img of images) {
      const { ms, id } = await dockerRunD(img, label);
      push(alone, img.name, ms);
      await removeContainers([id]);
    }
    const t0 = now();
    const started = await Promise.all(images.map((img) => dockerRunD(img, label)));
    if (r > 0) all.push(now() - t0);
    await removeContainers(started.map((s) => s.id));
    for (const img of images.filter((i) => i.run.entrypoint)) {
      push(
        help,
        img.name,
        await timeProcess('docker', [
          'run',
          '--rm',
          '--label',
          `io.kubelab.cluster=${label}`,
          img.image,
          '--help',
        ]),
      );
    }
    for (const [name, path] of Object.entries(bundles))
      push(host, name, await timeProcess(process.execPath, [path, '--help']));
  }
  const med = (m: Record<string, number[]>): Record<string, number> =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, median(v)]));
  return {
    alone: med(alone),
    allAtOnce: median(all),
    helpInContainer: med(help),
    helpOnHost: med(host),
  };
}

export interface MemoryFloor {
  /** One row per kind (3 processes or containers each, summed), as in the cluster. */
  rows: MemoryRow[];
  /** Σ over the rows. */
  total: MemoryRow;
  /** kB of distinct physical pages of all the floor's processes together. */
  distinctKb: number;
}

/**
 * The cluster's shape with nothing of kubelab's in it: `hostNodes` idle `node -e` processes on
 * the host (the kubelets), 3 containers of the node runtime image idling in `node -e` (the
 * control-plane components) and 3 busybox `sleep` containers (the pod sandboxes).
 */
export async function measureMemoryFloor(
  docker: Dockerode,
  nodeImage: string,
  busybox: string,
  label: string,
  hostNodes: number,
  settleMs: number,
  samples: number,
): Promise<MemoryFloor> {
  const node: FloorImage = {
    name: 'node',
    image: nodeImage,
    run: { entrypoint: '/usr/local/bin/node', args: IDLE_NODE },
  };
  const bb: FloorImage = { name: 'busybox', image: busybox, run: { args: ['sleep', '3600'] } };
  const ids: { kind: string; id: string }[] = [];
  const host = Array.from({ length: hostNodes }, () =>
    spawn(process.execPath, IDLE_NODE, { stdio: 'ignore' }),
  );
  try {
    for (let i = 0; i < 3; i++) {
      for (const img of [node, bb])
        ids.push({ kind: img.name, id: (await exec('docker', runArgs(img, label))).stdout.trim() });
    }
    await new Promise((r) => setTimeout(r, settleMs));
    const targets: Target[] = [
      ...host.map((c, i): Target => ({
        component: `host node ${i}`,
        pids: () => Promise.resolve([c.pid as number]),
      })),
      ...(await Promise.all(ids.map((c, i) => containerTarget(docker, c.id, `${c.kind} ${i}`)))),
    ];
    const sample = await sampleMemory(targets, samples, 1000);
    const kinds: [string, string][] = [
      ['host node', `node -e 'setInterval(()=>{},1e9)' on the host ×${hostNodes}`],
      ['node', `docker run ${nodeImage} node -e 'setInterval(()=>{},1e9)' ×3`],
      ['busybox', `docker run ${busybox} sleep ×3`],
    ];
    const rows = kinds.map(([prefix, label]) =>
      totalRow(
        sample.rows.filter((r) => r.component.startsWith(`${prefix} `)),
        label,
      ),
    );
    return { rows, total: totalRow(rows, 'floor total'), distinctKb: sample.distinctKb };
  } finally {
    for (const c of host) c.kill('SIGKILL');
    await removeContainers(ids.map((c) => c.id));
  }
}
