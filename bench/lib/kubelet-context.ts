/**
 * What a kubelet benchmark figure needs beside it: the machine it ran on, the date, the command,
 * and how to read it; assembled into the BENCHMARKS.md section.
 */
import { cpus, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import { FINDINGS } from './kubelet-findings.js';

export const BENCHMARKS_FILE = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
export const SECTION_HEADING = '## Kubelet (issue 3)';

export async function machineFacts(docker: Docker): Promise<string> {
  const c = cpus();
  const v = await docker.version();
  return `${c.length} cores (${c[0]?.model.trim() ?? 'unknown CPU'}), Linux ${release()}, Node ${process.version}, Docker ${v.Version}`;
}

const HOW_TO_READ = `How it is measured (bench/kubelet.bench.ts, on the kubelet's end-to-end harness: the API
server runs in the benchmark's process over LevelDB, the kubelet is its own process started
as the harness starts it, \`node --conditions=development --import tsx src/main.ts\`):

- Times are wall-clock. "Started" is the \`timeNano\` of Docker's \`start\` event for the container
  (the benchmark follows Docker's event stream; nothing polls). Figure 1's clock starts at the
  \`rename()\` that puts the manifest in place; the floor's at the create request of a plain
  \`docker run -d\` (dockerode create + start) of the same image and command on the default bridge.
  Floor and pod alternate, after one unmeasured warm-up round each.
- Figure 2 starts when the POST of a pod with spec.nodeName set is sent (plain HTTPS client) and
  ends when a watch on the pods shows phase Running.
- Figure 3 starts when \`startApiServer()\` resolves (the server is listening) and ends when the
  LIST (or the watch after it) of a fresh client shows all 10 mirror pods (then all Running).
  "created during the outage": the API server is stopped, 10 new static pods are written and
  started, then the server is started; their mirror pods do not exist yet. "existed before":
  the same 10 mirror pods before and after a 2 s outage; they persist in storage, so this is the
  server's own first LIST.
- Figure 4 samples VmRSS of the kubelet process once a second for 15 s, once all 30 pods (10
  static, 20 API) are Running and Docker has been quiet for 10 s. An idle \`node --import tsx\`
  process shows what the tsx loader (a second V8 isolate in a worker thread) costs by itself.
  Then the kubelet is bundled with esbuild and run with plain \`node\` (as a built kubelet
  runs), taking over the node and its running containers, in the variants of the memory table;
  after its samples, its inspector is opened (SIGUSR1) to read the V8 heap and external memory
  before and after a full GC. "containers started by the takeover" should be 0 (see findings).
- Each phase's CPU use is shown as a share of one core; "other processes" is the machine's busy
  time minus this process (with the API server), the kubelet, and Docker's daemons and the
  containers' processes. A phase is DISTURBED when that exceeds 20% of a core: the machine has 2
  cores, and other test suites running at the same time slow Docker and the kubelet down.`;

export function benchmarksSection(tablesMarkdown: string, facts: string, args: string[]): string {
  const date = new Date().toISOString().slice(0, 10);
  // Paths given for this run's side outputs say nothing about the figures.
  const shown = args.map((a, i) =>
    args[i - 1] === '--keep-log' ? 'FILE' : args[i - 1] === '--heap-profile-dir' ? 'DIR' : a,
  );
  const command = ['npx tsx --conditions=development bench/kubelet.bench.ts', ...shown].join(' ');
  return [
    `Run on ${date}: ${facts}.`,
    '',
    '```',
    command,
    '```',
    '',
    tablesMarkdown,
    '',
    HOW_TO_READ,
    '',
    FINDINGS,
  ].join('\n');
}
