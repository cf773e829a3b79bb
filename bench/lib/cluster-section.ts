/** The text of the cluster benchmark's BENCHMARKS.md section: context, tables, method, findings. */
import { CLUSTER_FINDINGS } from './cluster-findings.js';
import { PUBLISHED, type BenchResult } from './cluster-report.js';

const METHOD = `How it is measured (bench/cluster.bench.ts and bench/lib/cluster-*.ts):

- Each repetition spawns \`node kubelab.mjs create cluster --name <unique> --workers 2 --wait 3m\`
  (stdout a pipe, so the plain kubeadm lines) with a private \`KUBELAB_HOME\` and \`KUBECONFIG\`;
  the time runs from just before \`spawn()\` to the process's exit (code 0). The bundles are a
  \`cp -a\` snapshot of \`packages/cli/dist/bundles\` taken at the start (same files and mtimes,
  so the same image digest), so that other sessions rebuilding the bundles meanwhile neither
  change the code under test nor trigger an image build inside a measured create; a repetition
  in which the CLI still built an image (another session retagged the shared
  \`kubelab/*:v0.1.0\` images) is excluded and listed. Then the cluster idles, its memory is
  sampled, and \`kubelab delete cluster\` removes it (by label if anything were left).
- "watch": from this process, as soon as the control-plane node's \`etc/kubernetes/admin.conf\`
  exists, two plain HTTPS watches (nodes; pods in kube-system), retried every 50 ms until the
  API server answers; times are when the event is read. "Docker started" is the \`timeNano\` of
  Docker's \`start\` event for the pod's container.
- Phases: each output line is stamped when read; a phase runs from its first line to the
  next phase's first line; "process start" is spawn to the first line (node's start-up, the
  2.6 MB CLI bundle's load, connecting to Docker).
- "other CPU": CPU used during the create by processes that are not this run's (all busy CPU
  from /proc/stat minus this process and the CLI, the kubelets, the cluster's containers'
  cpuacct, and Docker's daemons and shims), as cores on average. The machine has 2 cores and is
  shared with other sessions' test suites.
- Memory: after the three control-plane mirror pods are Ready (watch) and \`--settle-ms\` of
  idling, 5 samples 1 s apart, median per figure. VmRSS (/proc/<pid>/status) of each node's
  kubelet (PID from <node root>/var/run/kubelet.pid, and any descendant) and of every process in
  each of the cluster's running containers (the container's memory cgroup's cgroup.procs). The
  target is judged on the cluster's physical pages: the page frames (/proc/<pid>/pagemap, root
  only) mapped by any of those processes, each counted once (the host's node binary and the
  image's node binary are two files, so two copies): what the cluster holds in RAM. Σ VmRSS is
  given beside it: per process VmRSS is the figure closest to "resident", but summed it counts a
  page shared by several processes once per process: the node binary (about 34 MB resident in
  every Node.js process) is counted 6 times. PSS (smaps_rollup) divides each shared page among all the processes
  mapping it, including processes outside the cluster, so it moves with whatever else runs. The
  cgroup v1 figures (memory.stat \`rss\` = anonymous pages, \`mapped_file\`, and
  memory.usage_in_bytes, which also holds page cache the container merely read, and is charged to
  whichever cgroup touched a page first) are given for the containers; the kubelets run on the
  host and have no cgroup of their own.
- Floors: \`docker run -d\` with the docker CLI, default bridge network, each image's node binary
  idling (\`--entrypoint /usr/local/bin/node … -e 'setInterval(()=>{},1e9)'\`, the component's
  bundle not loaded) and busybox \`sleep\`, until the command returns (the container is running);
  one unmeasured round, then the median of \`--floor-reps\` rounds. The memory floor is the
  cluster's shape with nothing of kubelab in it, measured the same way: 3 idle \`node -e\` processes
  on the host (the kubelets), 3 containers of the node image idling in \`node -e\` (the
  control-plane components) and 3 busybox \`sleep\` containers (the pod sandboxes).
- Before each repetition and each floor the bench waits (up to \`--quiet-wait-ms\`, default 1 min)
  for two consecutive seconds in which the whole machine used less than \`--quiet-cores\` (0.3);
  a repetition is DISTURBED when other processes used more than 0.2 cores during its create.`;

export function sectionBody(o: {
  tables: string;
  facts: string;
  args: string[];
  result: BenchResult;
}): string {
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const command = ['npx tsx --conditions=development bench/cluster.bench.ts', ...o.args].join(' ');
  const w = o.result.warmup;
  const warm = w.built.length
    ? `The warm-up create (${(w.exitMs / 1000).toFixed(2)} s) built ${w.built.map((b) => `\`${b}\``).join(', ')}: the shared images did not match the snapshot's bundles when the run started; every measured create found them present.`
    : `The warm-up create (${(w.exitMs / 1000).toFixed(2)} s) built nothing: the images matched the bundles.`;
  return [
    `- **Date**: ${date} UTC.`,
    `- **Machine**: ${o.facts}. Shared with other sessions (see "other CPU").`,
    `- **Command**: \`npm run bench -- --write\`, or only this benchmark: \`${command}\`.`,
    `- **Comparison**: ${PUBLISHED}.`,
    `- **Warm-up**: ${warm}`,
    '',
    o.tables,
    '',
    METHOD,
    '',
    CLUSTER_FINDINGS,
  ].join('\n');
}
