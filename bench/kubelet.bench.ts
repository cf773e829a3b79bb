/**
 * The kubelet benchmark (issue 3, "Speed"), on the end-to-end harness (an in-process API server
 * over LevelDB, one kubelet process with its own node root, real Docker), in one run:
 *  1. static pod: manifest renamed in -> app container started (Docker's start event), beside a
 *     raw `docker run -d` of the same image; target: floor + 300 ms;
 *  2. API pod created bound to the node -> phase Running seen by a watch;
 *  3. API server listening again -> all 10 mirror pods present (and Running) after an outage;
 *     target: 1 s;
 *  4. the kubelet's VmRSS with 30 pods Running; target: under 80 MB.
 *
 *   npx tsx --conditions=development bench/kubelet.bench.ts [--reps N] [--recovery-reps N]
 *       [--quick] [--markdown] [--write] [--keep-log FILE] [--heap-profile-dir DIR]
 *
 * Defaults: 10 repetitions of figures 1 and 2, 5 outages of each kind for figure 3 (--quick:
 * 3 and 2, to try changes; figures not comparable).
 * --write records the tables in BENCHMARKS.md (section "## Kubelet (issue 3)"); --keep-log
 * copies the kubelet's klog file out of the lab before it is removed; --heap-profile-dir runs
 * the bundled kubelet (figure 4's second row) with V8's sampling heap profiler and totals its
 * live memory by source file and package. Everything the run creates (kubelet processes,
 * containers, network, bundles, temporary directory) is removed on every exit path. Exits 0
 * when the targets are met, 1 when one is missed, 2 when the run failed.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { BenchApiClient } from './lib/kubelet-api-client.js';
import type { PhaseCpu } from './lib/kubelet-cpu.js';
import type { DockerEventLog } from './lib/kubelet-docker-events.js';

// The workspace packages resolve to their sources only with the development condition.
if (!process.execArgv.some((a) => a.startsWith('--conditions'))) {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, '--conditions=development', ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 2);
}

// scripts/bench.sh passes the same arguments to every benchmark: unknown ones are ignored.
const { values: flags } = parseArgs({
  strict: false,
  allowPositionals: true,
  options: {
    reps: { type: 'string' },
    'recovery-reps': { type: 'string' },
    quick: { type: 'boolean' },
    markdown: { type: 'boolean' },
    write: { type: 'boolean' },
    'keep-log': { type: 'string' },
    'heap-profile-dir': { type: 'string' },
  },
});
const str = (v: string | boolean | undefined): string | undefined =>
  typeof v === 'string' ? v : undefined;
const log = (msg: string): void => void process.stderr.write(`[kubelet bench] ${msg}\n`);
const NODE = 'bench-node';

async function main(): Promise<number> {
  const { copyFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { createLab } = await import('../packages/kubelet/test/harness/lab.js');
  const { waitFor } = await import('../packages/kubelet/test/harness/wait-for.js');
  const { BenchApiClient: ApiClient } = await import('./lib/kubelet-api-client.js');
  const { guardLab } = await import('./lib/kubelet-cleanup.js');
  const { PhaseCpuMeter } = await import('./lib/kubelet-cpu.js');
  const { DockerEventLog: EventLog } = await import('./lib/kubelet-docker-events.js');
  const { runStaticStart } = await import('./lib/kubelet-static-start.js');
  const { runApiPodStart } = await import('./lib/kubelet-api-pod.js');
  const { runMirrorRecovery } = await import('./lib/kubelet-mirror-recovery.js');
  const { idleNodeRss, kubeletPid, runMemory, sampleRss } = await import('./lib/kubelet-memory.js');
  const { bundledKubeletMemory, VARIANTS } = await import('./lib/kubelet-bundled-memory.js');
  const { buildKubeletReport, kubeletReportMarkdown, kubeletReportText } =
    await import('./lib/kubelet-report.js');
  const { benchmarksSection, machineFacts, BENCHMARKS_FILE, SECTION_HEADING } =
    await import('./lib/kubelet-context.js');
  const { writeSection } = await import('./lib/kubelet-benchmarks-md.js');
  const reps = Number(str(flags.reps) ?? (flags.quick ? 3 : 10));
  const recoveryReps = Number(str(flags['recovery-reps']) ?? (flags.quick ? 2 : 5));

  const lab = await createLab('klbench');
  const guard = guardLab(lab);
  let events: DockerEventLog | undefined;
  let client: BenchApiClient | undefined;
  try {
    const facts = await machineFacts(lab.docker);
    log(facts);
    log(`lab ${lab.name} in ${lab.dir}`);
    await lab.addNode(NODE);
    await lab.startApiServer();
    client = await ApiClient.fromKubeconfig(join(lab.dir, 'admin.conf'));
    const api = client;
    events = await EventLog.open(lab.docker, lab.name);
    const ev = events;
    await lab.startKubelet(NODE);
    await waitFor(
      'the node registered',
      async () => (await api.request('GET', `/api/v1/nodes/${NODE}`)).status === 200,
      { timeoutMs: 60_000 },
    );
    const pid = (): number | undefined => lab.nodes.get(NODE)?.process?.pid;

    log('memory floors: the idle kubelet, an idle node --import tsx, an idle node');
    const idleKubelet = await sampleRss(kubeletPid(lab, NODE), 5);
    const idleNodeTsx = await idleNodeRss(true);
    const idleNode = await idleNodeRss(false);

    const cpu: { phase: string; use: PhaseCpu }[] = [];
    const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      log(name);
      const meter = new PhaseCpuMeter(pid);
      const out = await fn();
      cpu.push({ phase: name, use: meter.stop() });
      return out;
    };
    const staticStart = await phase('1. static pod start vs docker run -d', () =>
      runStaticStart(lab, ev, NODE, reps, log),
    );
    const apiPod = await phase('2. API pod created -> Running', () =>
      runApiPodStart(lab, api, ev, NODE, reps, log),
    );
    const recovery = await phase('3. mirror pods after the API server returns', () =>
      runMirrorRecovery(lab, api, ev, NODE, recoveryReps, log),
    );
    const pods = await phase('4. kubelet memory with 30 pods', () =>
      runMemory(lab, api, ev, NODE, recovery.remaining, log),
    );
    const all = [...recovery.remaining, ...pods.apiPods];
    const variants = await phase('4. the same pods, bundled kubelet variants', async () => {
      const out = [];
      for (const [i, v] of VARIANTS.entries())
        out.push(
          await bundledKubeletMemory(
            lab,
            api,
            ev,
            NODE,
            all,
            v,
            log,
            i === 0 ? str(flags['heap-profile-dir']) : undefined,
          ),
        );
      return out;
    });

    const report = buildKubeletReport({
      staticStart,
      apiPod,
      recovery,
      memory: { pods, variants, idleKubelet, idleNodeTsx, idleNode },
      cpu,
    });
    process.stdout.write(
      `\nKubelet benchmark: ${reps} repetitions (mirror pods: ${recoveryReps}); ${facts}\n\n${kubeletReportText(report)}\n`,
    );
    const md = kubeletReportMarkdown(report);
    if (flags.markdown) process.stdout.write(`\n${md}\n`);
    if (flags.write) {
      writeSection(
        BENCHMARKS_FILE,
        SECTION_HEADING,
        benchmarksSection(md, facts, process.argv.slice(2)),
      );
      log(`wrote the section "${SECTION_HEADING}" of ${BENCHMARKS_FILE}`);
    }
    return report.allMet ? 0 : 1;
  } catch (err) {
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 2;
  } finally {
    const keepLog = str(flags['keep-log']);
    if (keepLog)
      await copyFile(
        join(lab.nodes.get(NODE)?.root ?? lab.dir, 'var/log/kubelet.log'),
        keepLog,
      ).catch(() => undefined);
    events?.close();
    client?.close();
    await guard.cleanup().catch((err: unknown) => log(`cleanup: ${String(err)}`));
  }
}

process.exitCode = await main();
