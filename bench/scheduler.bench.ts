/**
 * The scheduler benchmark (issue 4, "Speed"): with 100 Node objects registered, the rate at
 * which kube-scheduler binds 1,000 pods, beside the API server's own rate of raw binding writes
 * (POST pods/<name>/binding from a plain client, 16 requests in flight on keep-alive
 * connections, no scheduler) measured in the same run; and the time from a Deployment-like
 * batch of 1,000 pods being created to all of them bound.
 *
 *   npx tsx bench/scheduler.bench.ts [--nodes N] [--pods N] [--markdown]
 *
 * The API server runs in its own process (built from its sources, over LevelDB); the
 * scheduler runs in this one, with its real informers, REST bindings and events. Everything
 * (the server process, its data directory, the build) is removed however the run ends.
 * Exits 0 when the targets are met, 1 when one is missed, 2 when the benchmark failed.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

// The workspace packages resolve to their sources only with the development condition.
if (!process.execArgv.some((a) => a.startsWith('--conditions'))) {
  const r = spawnSync(process.execPath, [...process.execArgv, '--conditions=development', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 2);
}

// scripts/bench.sh passes the same arguments to every benchmark: unknown ones are ignored.
const { values: flags } = parseArgs({
  strict: false,
  allowPositionals: true,
  options: { nodes: { type: 'string', default: '100' }, pods: { type: 'string', default: '1000' }, markdown: { type: 'boolean' } },
});
const log = (msg: string): void => void process.stderr.write(`[scheduler bench] ${msg}\n`);

async function main(): Promise<number> {
  const { cleanupAll } = await import('./lib/apiserver-children.js');
  const { machineFacts } = await import('./lib/apiserver-report.js');
  const { createEventRecorder, createApiEventSink, noopLogger } = await import('@kubelab/api');
  const { SchedulerApp } = await import('../packages/scheduler/src/app/scheduler-app.js');
  const { registerNodes, startBenchCluster } = await import('./lib/scheduler-cluster.js');
  const { CountingRecorder, backlog, deploymentBatch, rawBindings } = await import('./lib/scheduler-phases.js');
  const { buildSchedulerReport, schedulerReportMarkdown, schedulerReportText } = await import('./lib/scheduler-report.js');
  const nodes = Number(flags.nodes);
  const pods = Number(flags.pods);
  const ctl = new AbortController();
  let app: InstanceType<typeof SchedulerApp> | undefined;
  try {
    log(machineFacts());
    const c = await startBenchCluster();
    log(`API server pid ${c.server.pid} on port ${c.server.port}; registering ${nodes} nodes`);
    await registerNodes(c, nodes);
    log(`raw binding writes: ${pods} pods`);
    const raw = await rawBindings(c, pods);
    // As kube-scheduler runs it: events yield to bindings, for at most a second each.
    let sched: InstanceType<typeof SchedulerApp> | undefined;
    const recorder = new CountingRecorder(
      createEventRecorder({ sink: createApiEventSink(c.rest), component: 'default-scheduler', logger: noopLogger, ready: () => sched?.scheduler.quiet() ?? Promise.resolve() }),
    );
    app = sched = new SchedulerApp({ rest: c.rest, recorder });
    app.start();
    await app.waitForSync();
    log(`scheduler: ${pods} pending pods`);
    const { phase: pending, running } = await backlog(c, app, recorder, pods, ctl.signal);
    await recorder.flush();
    log(`Deployment-like batch: ${pods} pods`);
    const batch = await deploymentBatch(c, recorder, pods);
    if (recorder.failed > 0) throw new Error(`${recorder.failed} FailedScheduling events: the cluster is too small for the run`);
    ctl.abort();
    await running;
    await recorder.flush();
    const report = buildSchedulerReport(raw, pending, batch);
    process.stdout.write(`\nScheduler benchmark: ${nodes} nodes, ${pods} pods per phase; ${machineFacts()}\n\n${schedulerReportText(report)}\n`);
    if (flags.markdown) process.stdout.write(`\n${schedulerReportMarkdown(report)}\n`);
    return report.checks.every((x) => x.ok) ? 0 : 1;
  } catch (err) {
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 2;
  } finally {
    ctl.abort();
    app?.stop();
    await cleanupAll();
  }
}

process.exitCode = await main();
