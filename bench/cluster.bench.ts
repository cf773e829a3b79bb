/**
 * The cluster benchmark (issue 5, "Speed"), in one run, with the images present:
 *  0. warm-up: one create + delete (unmeasured; says whether it built any image);
 *  1. `kubelab create cluster --workers 2 --wait 3m`, the CLI spawned as its own process, timed
 *     from spawn to exit 0, `--reps` times (each: create, measure, delete); beside it, what a
 *     watch client sees (every node Ready, every control-plane mirror pod Running), Docker's
 *     start events, the phases from the CLI's output, and the CPU other processes took;
 *  2. resident memory of the whole cluster, idle, once the control-plane mirror pods are Ready:
 *     VmRSS of the kubelets and of every process in the cluster's containers, per component;
 *  floors in the same run: raw `docker run -d` of the same images, the resident memory of an
 *  idle Node.js process (node image, host) and of a busybox sleep.
 *
 *   npx tsx --conditions=development bench/cluster.bench.ts [--reps N] [--floor-reps N]
 *       [--settle-ms MS] [--samples N] [--quiet-wait-ms MS] [--quiet-cores N] [--no-snapshot]
 *       [--markdown] [--write]
 *
 * --write records the tables in BENCHMARKS.md (section "## kubelab create cluster (issue 5)").
 * Unknown arguments (scripts/bench.sh passes its own to every benchmark) are ignored. Uses a
 * private KUBELAB_HOME and KUBECONFIG, and by default a snapshot of the built bundles
 * (--no-snapshot: packages/cli/dist/bundles itself). Every cluster and container it makes is
 * removed on every exit path. Exits 0 when the targets are met, 1 when one is missed, 2 when
 * the run failed.
 */
import { parseArgs } from 'node:util';
import type { RepResult } from './lib/cluster-run.js';

const { values: flags } = parseArgs({
  strict: false,
  options: {
    reps: { type: 'string', default: '7' },
    'floor-reps': { type: 'string', default: '5' },
    'settle-ms': { type: 'string', default: '10000' },
    samples: { type: 'string', default: '5' },
    'quiet-wait-ms': { type: 'string', default: '60000' },
    'quiet-cores': { type: 'string', default: '0.3' },
    'no-snapshot': { type: 'boolean' },
    markdown: { type: 'boolean' },
    write: { type: 'boolean' },
  },
});
const num = (v: unknown, dflt: number): number =>
  typeof v === 'string' && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : dflt;
const log = (msg: string): void => void process.stderr.write(`[cluster bench] ${msg}\n`);
const WORKERS = 2;
const WAIT = '3m';

async function main(): Promise<number> {
  const { connectDocker, IMAGE_TAG } = await import('@kubelab/cli');
  const { BUSYBOX_IMAGES, NODE_RUNTIME_REPO } = await import('@kubelab/kubelet/images');
  const { createBenchEnv, factsLine, machineFacts, uniqueClusterName } =
    await import('./lib/cluster-env.js');
  const { guardBench } = await import('./lib/cluster-cleanup.js');
  const { runRepetition } = await import('./lib/cluster-run.js');
  const { waitForQuiet } = await import('./lib/cluster-cpu.js');
  const { floorImages, measureMemoryFloor, measureStartFloor } =
    await import('./lib/cluster-floor.js');
  const { buildTables, renderMarkdown, renderText, verdict } =
    await import('./lib/cluster-report.js');
  const { sectionBody } = await import('./lib/cluster-section.js');
  const { writeClusterSection } = await import('./lib/cluster-benchmarks-md.js');

  const reps = num(flags.reps, 7);
  const floorReps = num(flags['floor-reps'], 5);
  const settleMs = num(flags['settle-ms'], 10_000);
  const samples = num(flags.samples, 5);
  const quietWaitMs = num(flags['quiet-wait-ms'], 60_000);
  const quietCores = num(flags['quiet-cores'], 0.3);
  const quiet = async (
    what: string,
  ): Promise<{ waitedMs: number; quiet: boolean; lastCores: number }> => {
    const q = await waitForQuiet({ maxWaitMs: quietWaitMs, thresholdCores: quietCores });
    if (!q.quiet)
      log(
        `${what}: the machine stayed busy (${q.lastCores.toFixed(2)} cores) for ${Math.round(q.waitedMs / 1000)} s; going on`,
      );
    else if (q.waitedMs > 2500)
      log(`${what}: waited ${Math.round(q.waitedMs / 1000)} s for a quiet machine`);
    return q;
  };
  const busybox = BUSYBOX_IMAGES[0] as string;

  const docker = await connectDocker();
  const version = await docker.version();
  const info = (await docker.info()) as { CgroupVersion?: string; CgroupDriver?: string };
  const facts = machineFacts({
    Version: version.Version,
    cgroup: `cgroup v${info.CgroupVersion ?? '?'}, ${info.CgroupDriver ?? '?'} driver`,
  });
  log(factsLine(facts));
  const bench = createBenchEnv({ snapshot: flags['no-snapshot'] !== true });
  const floorLabel = uniqueClusterName('cbfloor', 0);
  const guard = guardBench(bench, () => [floorLabel]);
  log(`KUBELAB_HOME=${bench.home} KUBELAB_BUNDLE_DIR=${bench.bundleDir}`);
  try {
    const opts = { bench, docker, guard, workers: WORKERS, wait: WAIT, log };
    const failed = (r: RepResult): Error =>
      new Error(
        `create cluster ${r.name} exited ${r.code}:\n${r.run.lines.map((l) => l.text).join('\n')}\n${r.stderr}`,
      );

    log('warm-up: create + delete');
    const warm = await runRepetition(opts, uniqueClusterName('cbwarm', 0));
    if (warm.code !== 0) throw failed(warm);
    log(
      `warm-up: exit after ${Math.round(warm.exitMs)} ms; images built: ${warm.built.length ? warm.built.join(', ') : 'none'}`,
    );

    log(`floor: raw docker run -d (${floorReps} rounds)`);
    await quiet('floor');
    const startFloor = await measureStartFloor(
      floorImages(IMAGE_TAG, busybox),
      floorLabel,
      bench.bundleDir,
      floorReps,
    );

    const measured: RepResult[] = [];
    const excluded: RepResult[] = [];
    for (let i = 1; measured.length < reps && i <= reps * 2; i++) {
      const q = await quiet(`repetition ${i}`);
      const r = await runRepetition(
        { ...opts, memory: { settleMs, samples } },
        uniqueClusterName('cb', i),
      );
      r.quietBefore = q;
      if (r.code !== 0) throw failed(r);
      const note = `${r.name}: exit ${Math.round(r.exitMs)} ms, nodes Ready ${Math.round(r.nodesReadyMs ?? Number.NaN)} ms, other CPU ${r.cpu?.otherCores.toFixed(2)} cores (busy ${Math.round(r.cpu?.busyMs ?? 0)} ms = run ${JSON.stringify(r.cpu?.parts)} + other ${Math.round(r.cpu?.otherMs ?? 0)})`;
      if (r.built.length) {
        log(
          `${note}; EXCLUDED: it built ${r.built.join(', ')} (another session changed the images meanwhile)`,
        );
        excluded.push(r);
      } else {
        log(note);
        measured.push(r);
      }
    }
    if (!measured.length) throw new Error('every repetition rebuilt images');

    log('floor: resident memory of idle node and busybox containers');
    await quiet('memory floor');
    const memoryFloor = await measureMemoryFloor(
      docker,
      `${NODE_RUNTIME_REPO}:${IMAGE_TAG}`,
      busybox,
      floorLabel,
      WORKERS + 1,
      3000,
      samples,
    );

    const result = {
      warmup: { built: warm.built, exitMs: warm.exitMs },
      reps: measured,
      excluded,
      startFloor,
      memoryFloor,
    };
    const tables = buildTables(result, WORKERS);
    process.stdout.write(`\n${renderText(tables)}\n`);
    const argv = process.argv.slice(2);
    if (flags.markdown || flags.write) {
      const body = sectionBody({
        tables: renderMarkdown(tables),
        facts: factsLine(facts),
        args: argv,
        result,
      });
      if (flags.markdown) process.stdout.write(`\n${body}\n`);
      if (flags.write) {
        writeClusterSection(body);
        log('wrote the section of BENCHMARKS.md');
      }
    }
    const v = verdict(result);
    log(
      `targets: Ready < 5 s ${v.readyMet ? 'met' : 'MISSED'}; memory < 300 MB ${v.memoryMet ? 'met' : 'MISSED'}`,
    );
    return v.readyMet && v.memoryMet ? 0 : 1;
  } finally {
    await guard.cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(2);
  },
);
