/**
 * The API server benchmark (issue 2, "Speed"): pod creates/s, GETs/s, LIST latency, watch
 * delivery latency and resident memory of the real server process over LevelDB, beside the
 * floors measured in the same run (a bare Node.js HTTPS server, raw LevelDB writes), checked
 * against the targets.
 *
 *   npx tsx --conditions=development bench/apiserver.bench.ts [--quick] [--profile-dir DIR] [--markdown]
 *
 * --quick        a smaller run for trying the benchmark out (figures not comparable)
 * --profile-dir  run the server with --cpu-prof into DIR and print where its time went per phase
 * --markdown     also print the tables as Markdown (for BENCHMARKS.md)
 * Exits 1 if a target is missed, 2 if the benchmark itself failed.
 */
import { APISERVER_ENV, APISERVER_NODE_FLAGS } from '../packages/apiserver/src/runtime-flags.js';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleSourceMap, buildApiServer } from './lib/apiserver-build.js';
import { cleanupAll, makeTempDir } from './lib/apiserver-children.js';
import { profileText, readCpuProfile, summarizeProfile } from './lib/apiserver-cpu-profile.js';
import { startApiServer, writeServingPki } from './lib/apiserver-process.js';
import { buildReport, machineFacts, reportMarkdown, reportText } from './lib/apiserver-report.js';
import { benchApiServer, type ApiServerBenchConfig } from './lib/apiserver-run.js';

// scripts/bench.sh passes the same arguments to every benchmark: unknown ones are ignored.
const { values: flags } = parseArgs({
  strict: false,
  allowPositionals: true,
  options: {
    quick: { type: 'boolean' },
    'profile-dir': { type: 'string' },
    markdown: { type: 'boolean' },
  },
});

const FULL: ApiServerBenchConfig = {
  clients: 16,
  pods: 10_000,
  warmupPods: 1_000,
  warmupMs: 2_000,
  durationMs: 10_000,
  levelDurationMs: 5_000,
  listRuns: 20,
  listWarmupRuns: 3,
  watchers: 100,
  watchWrites: 200,
  settleMs: 2_000,
};
const QUICK: ApiServerBenchConfig = {
  ...FULL,
  pods: 2_000,
  warmupPods: 200,
  warmupMs: 500,
  durationMs: 2_000,
  levelDurationMs: 1_000,
  listRuns: 5,
  listWarmupRuns: 1,
  watchWrites: 50,
  settleMs: 500,
};

const log = (msg: string): void => void process.stderr.write(`[apiserver bench] ${msg}\n`);

async function main(): Promise<number> {
  const cfg = flags.quick ? QUICK : FULL;
  const profileDir = typeof flags['profile-dir'] === 'string' ? resolve(flags['profile-dir']) : undefined;
  log(machineFacts());
  // Inside the repository, so that the bundle finds node_modules.
  const entry = await buildApiServer(
    await makeTempDir('.apiserver-build-', fileURLToPath(new URL('.', import.meta.url))),
  );
  const pki = await writeServingPki(await makeTempDir('kubelab-bench-pki-'));
  const nodeFlags = [...APISERVER_NODE_FLAGS, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const server = await startApiServer({ entry, pki, nodeFlags, env: APISERVER_ENV });
  log(`API server (built from the sources) pid ${server.pid} on port ${server.port}`);
  const api = await benchApiServer(server, pki, cfg, log);
  await server.stop();

  const report = buildReport(api, cfg.pods, cfg.watchers);
  process.stdout.write(
    `\nAPI server benchmark${flags.quick ? ' (--quick)' : ''}: ${machineFacts()}\n\n${reportText(report)}\n`,
  );
  if (flags.markdown) process.stdout.write(`\n${reportMarkdown(report)}\n`);
  if (profileDir) {
    // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: the server's main thread is thread 0.
    const file = readdirSync(profileDir).find(
      (f) => f.includes(`.${server.pid}.0.`) && f.endsWith('.cpuprofile'),
    );
    if (file) {
      const windows = api.phases.map((p) => ({
        name: p.name,
        startMs: p.start - server.spawnedAt,
        endMs: p.end - server.spawnedAt,
      }));
      writeFileSync(join(profileDir, `${file}.phases.json`), JSON.stringify(windows));
      const lineToSource = bundleSourceMap(entry);
      const locate = (url: string, line: number): string | undefined =>
        url.endsWith(entry) ? lineToSource(line) : undefined;
      const summary = summarizeProfile(readCpuProfile(join(profileDir, file)), windows, locate);
      process.stdout.write(
        `\nServer CPU profile ${join(profileDir, file)}:${profileText(summary)}\n`,
      );
    } else log(`no .cpuprofile was written into ${profileDir}`);
  }
  return report.allMet ? 0 : 1;
}

main()
  .then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(
        `[apiserver bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.exitCode = 2;
    },
  )
  .finally(() => cleanupAll());
