/**
 * What the kubelet benchmark's runs showed about where the time and the memory go, with what to
 * change; recorded with the figures. Written from the runs of 2026-11-28: re-check it against
 * the tables when the kubelet changes.
 */
export const FINDINGS = `### Where the time and the memory go (analysis of the runs of 2026-11-28)

**Static pod start (met).** The kubelet's own share is small: rename -> sandbox container
created is under 20 ms (inotify event, decode, merge, pod worker) and sandbox started -> app
container created about 12 ms. The rest is Docker starting two containers instead of one: the
pause sandbox on the cluster's bridge network starts in about 210 ms (the plain container on the
default bridge: about 160 ms), then the app container, which joins the sandbox's namespaces, in
about 60 ms. Nothing in the kubelet needs to change for this target.

**API pod (no target).** Same runtime cost; the way back is fast (container started -> Running
seen by the watch: under 10 ms at the median).

**Mirror pods after an outage (met).** Most of the wait is the kubelet noticing that the server
answers: \`ApiAvailability.probeLoop\` (packages/kubelet/src/api/api-availability.ts) backs off
100 -> 200 -> 400 -> 500 ms, so after an outage of a second or more its next probe comes 0-500 ms
after the server listens (compare "API server is answering" in the kubelet's log with the
"listening at" times the benchmark prints); the 10 creates and status patches then take tens of
ms (in the run recorded here the figure was, each time, the log's "answering" time plus 25-35 ms).
To go lower: cap the probe interval at 250 ms, or let any successful call (the API source's
reflector relist) call \`reportUp()\`. "All Running" comes later because the status manager can
only patch a mirror pod once the API source has seen it, and that source's watch comes back on
its own retry backoff (\`ListWatch\` in packages/api/src/informer/list-watch.ts): in the log,
"Watch re-established" follows "API server is answering" by up to ~650 ms. Waking the
ApiserverSource's retry (packages/kubelet/src/config/apiserver-source.ts) when the availability
gate reports up would close most of that gap. When the mirror pods existed before the outage they
are still in storage, so the figure is the server's first LIST.

**Memory (missed).**
- Under the harness the kubelet runs through tsx: an idle \`node --import tsx\` is already about
  75 MB against 41 MB for an idle \`node\`, and the kubelet with no pods is about 125-130 MB there.
  A kubelab node runs the kubelet as \`node dist/bundles/kubelet.mjs\` (\`KubeletProcess.commandLine\`
  in packages/cli/src/cluster/kubelet-process.ts); the bundled rows stand for that: the same 30
  pods in about 80-115 MB, depending on how much young-generation space V8 kept from the last
  burst of work.
- About 45-48 MB of any of these is file-backed: the pages of the node binary itself.
- dockerode loads, at start-up, ssh2 (docker-modem/lib/ssh.js, for ssh:// hosts; it allocates a
  WebAssembly memory counted as about 17 MB of external memory) and @grpc/grpc-js,
  @grpc/proto-loader and protobufjs (dockerode/lib/session.js, BuildKit sessions). The kubelet
  uses none of them; \`import('dockerode')\` alone takes an idle node from 41 to 71 MB. Either
  replace them with empty modules when the kubelet is bundled (a plugin beside \`optionalNative\`
  in \`bundle()\` of packages/cli/src/bundle/build-bundles.ts, for the kubelet target; the
  "without ssh2/gRPC" rows do this, see \`UNUSED_BY_KUBELET\` in bench/lib/kubelet-build.ts), or give
  packages/kubelet/src/runtime/docker/ a small Docker Engine API client over the unix socket
  (the calls of docker-runtime.ts, docker-log-source.ts, docker-exec.ts, docker-network.ts,
  image-pull.ts and images/image-builder.ts).
- V8 grows the young generation during bursts of work (30 pods starting, a takeover restarting
  20 pods) and only gives it back when the memory reducer runs: 20-35 MB. \`--max-semi-space-size=1\`
  or \`--optimize-for-size\` on the kubelet's node command line (before the bundle in
  \`KubeletProcess.commandLine\`) keeps it down, at a small CPU cost (see the kubelet CPU column).
- The V8 heap itself is small once collected (14-18 MB; the heap profile table, when present,
  shows most live bytes allocated inside Node.js's own modules: module loading and compilation,
  streams, http and tls), so the kubelab code's own data is not where the memory goes.
- Under 80 MB therefore takes all three: a built kubelet (no tsx), no ssh2/gRPC, and a
  young-generation cap (the last variant row).

**Defects found on the way** (no figure depends on them, but they show in the tables):
- A kubelet restarted while the API server is up restarts every API pod: the API source's first
  ADD is synced before the PLEG's first relist has finished, so \`Kubelet.syncPod\`
  (packages/kubelet/src/kubelet.ts) finds no sandbox in \`GenericPleg.podState\`, creates a second
  one ("Container name conflict, adding a random suffix"), and the pod is then restarted with
  attempt 1. Upstream's pod workers wait on the pod cache (\`podCache.GetNewerThan\`) for a relist
  newer than the work. Fix: await the first \`pleg.relist()\` in \`Kubelet.start()\` before the
  sources run, or let \`syncPod\` wait for a relist newer than the update. It is what the
  "containers started by the takeover" column counts when it is not 0; it happens with the
  harness's kubelet too (stopKubelet + startKubelet with API pods running).
- The kubelet prints "MaxListenersExceededWarning: Possible EventTarget memory leak detected. 11
  abort listeners added to [AbortSignal]". \`ApiAvailability.whenUp\` adds an abort listener to the
  caller's long-lived signal and never removes it once resolved (one more per outage and caller:
  a leak); \`StatusManager.loop\` (status/status-manager.ts) and \`NodeAgent.pause\`
  (node/node-agent.ts) start a \`clock.sleep(..., this.ac.signal)\` for each wait and leave it
  pending when woken early, so a burst of status changes piles up sleeps and listeners for up to
  10 s. Fix: remove the listener on resolve; give each sleep its own AbortController, aborted on
  wake.

**Profiling the kubelet.** \`--cpu-prof\` is not allowed in NODE_OPTIONS, so the harness's kubelet
can only be profiled with the flag in the spawn arguments of \`startKubelet\` in
packages/kubelet/test/harness/lab.ts (for example extra node arguments taken from an environment
variable) and a SIGTERM stop (\`lab.stopKubelet\`) before \`cleanup()\`'s SIGKILL, so that the profile
is written. Without editing anything: \`replaceWithBundledKubelet(lab, node, { nodeArgs:
['--cpu-prof', '--cpu-prof-dir=DIR'] })\` from bench/lib/kubelet-build.ts profiles a bundled
kubelet on the same node, and SIGUSR1 plus the inspector's Profiler domain
(bench/lib/kubelet-inspector.ts) works on any running kubelet. \`--heap-profile-dir DIR\` adds the
bundled kubelet's live memory by source file and package to the tables.`;
