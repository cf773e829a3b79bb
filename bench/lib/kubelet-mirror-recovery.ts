/**
 * Figure 3: with 10 static pods on the node, the API server is stopped and started again; from
 * the moment startApiServer() resolves (it is listening), how long until a LIST+WATCH shows all
 * 10 mirror pods, and all 10 Running. Two cases:
 * - restart: the mirror pods existed before the outage (they persist in storage, so the first
 *   LIST already has them; this is the API server's own recovery);
 * - outage: the 10 static pods were created while the API server was down, so their mirror
 *   pods do not exist yet and the kubelet must notice the server is back and create them.
 * The floor is the first answer of /readyz on a fresh connection after the same start.
 */
import type { Lab } from '../../packages/kubelet/test/harness/lab.js';
import { waitFor } from '../../packages/kubelet/test/harness/wait-for.js';
import type { BenchApiClient } from './kubelet-api-client.js';
import type { DockerEventLog } from './kubelet-docker-events.js';
import { podContainerStarted } from './kubelet-docker-events.js';
import {
  CONTAINER,
  placeManifest,
  removeManifest,
  staticPodName,
  staticPodYaml,
} from './kubelet-manifests.js';
import { allPresent, noneLeft, PodWatch } from './kubelet-pod-watch.js';
import { pause, wallNow } from './kubelet-timing.js';

export const STATIC_PODS = 10;
/** How long the API server stays down in the restart case. */
const OUTAGE_MS = 2_000;

export interface RecoverySample {
  /** startApiServer() resolved → first /readyz answer. */
  answerMs: number;
  /** → all mirror pods present. */
  presentMs: number;
  /** → all mirror pods Running. */
  runningMs: number;
  /** When startApiServer() resolved (to find it in the kubelet's log). */
  upAt: string;
}

export interface RecoveryResult {
  restart: RecoverySample[];
  outage: RecoverySample[];
}

const names = (set: string): string[] =>
  Array.from({ length: STATIC_PODS }, (_, i) => `${set}-${i}`);

/** Starts the API server and times its first answer and the mirror pods of `mirrors`. */
async function timedStart(
  lab: Lab,
  client: BenchApiClient,
  mirrors: string[],
): Promise<RecoverySample> {
  await lab.startApiServer();
  const up = wallNow();
  const answered = (async () => {
    for (;;) {
      try {
        await client.request('GET', '/readyz', undefined, { fresh: true, timeoutMs: 2_000 });
        return wallNow();
      } catch {
        // not answering yet: try again shortly
        await pause(1);
      }
    }
  })();
  const watch = new PodWatch(client, 'default');
  try {
    const present = watch.until(allPresent(mirrors), 60_000, 'all mirror pods present');
    const running = watch.until(allPresent(mirrors, true), 60_000, 'all mirror pods Running');
    await watch.start();
    return {
      answerMs: (await answered) - up,
      presentMs: (await present) - up,
      runningMs: (await running) - up,
      upAt: new Date(up).toISOString().slice(11, 23),
    };
  } finally {
    watch.close();
  }
}

/** Writes the static pods of a set and waits until Docker started all their app containers. */
async function createSet(
  lab: Lab,
  events: DockerEventLog,
  node: string,
  set: string,
): Promise<void> {
  const mark = events.mark();
  for (const n of names(set)) await placeManifest(lab, node, `${n}.yaml`, staticPodYaml(n));
  await Promise.all(
    names(set).map((n) =>
      events.waitFor(
        podContainerStarted(staticPodName(n, node), CONTAINER),
        mark,
        120_000,
        `${n} started`,
      ),
    ),
  );
}

/** Removes a set's manifests (API server up) and waits until its mirror pods and containers are gone. */
async function removeSet(
  lab: Lab,
  client: BenchApiClient,
  node: string,
  set: string,
): Promise<void> {
  const mirrors = names(set).map((n) => staticPodName(n, node));
  const watch = new PodWatch(client, 'default');
  await watch.start();
  try {
    const gone = watch.until(noneLeft(mirrors), 120_000, 'mirror pods of the old set deleted');
    for (const n of names(set)) await removeManifest(lab, node, `${n}.yaml`);
    await gone;
  } finally {
    watch.close();
  }
  const set_ = new Set(mirrors);
  await waitFor(
    'old static pods stopped',
    async () =>
      (await lab.containers()).every(
        (c) => !set_.has(c.Labels['io.kubernetes.pod.name'] ?? '') || c.State !== 'running',
      ),
    { timeoutMs: 60_000 },
  );
}

/**
 * Leaves the last outage set (10 static pods, mirrors Running) on the node and returns its pod
 * names, for the memory figure.
 */
export async function runMirrorRecovery(
  lab: Lab,
  client: BenchApiClient,
  events: DockerEventLog,
  node: string,
  reps: number,
  log: (m: string) => void,
): Promise<RecoveryResult & { remaining: string[] }> {
  const out: RecoveryResult = { restart: [], outage: [] };
  let set = 'mirror-base';
  await createSet(lab, events, node, set);
  const base = names(set).map((n) => staticPodName(n, node));
  const watch = new PodWatch(client, 'default');
  await watch.start();
  await watch
    .until(allPresent(base, true), 60_000, 'base mirror pods Running')
    .finally(() => watch.close());
  for (let i = -1; i < reps; i++) {
    await lab.stopApiServer();
    await pause(OUTAGE_MS);
    const s = await timedStart(lab, client, base);
    log(
      `  restart ${i < 0 ? 'warm-up' : `${i + 1}/${reps}`} (listening at ${s.upAt}): answered ${s.answerMs.toFixed(0)} ms, all present ${s.presentMs.toFixed(0)} ms, all Running ${s.runningMs.toFixed(0)} ms`,
    );
    if (i >= 0) out.restart.push(s);
  }
  for (let i = -1; i < reps; i++) {
    await removeSet(lab, client, node, set);
    set = `outage-${i < 0 ? 'warm' : i}`;
    await lab.stopApiServer();
    await createSet(lab, events, node, set);
    // Let the kubelet settle with its pods running before the server returns.
    await pause(1_000);
    const s = await timedStart(
      lab,
      client,
      names(set).map((n) => staticPodName(n, node)),
    );
    log(
      `  outage ${i < 0 ? 'warm-up' : `${i + 1}/${reps}`} (listening at ${s.upAt}): answered ${s.answerMs.toFixed(0)} ms, all present ${s.presentMs.toFixed(0)} ms, all Running ${s.runningMs.toFixed(0)} ms`,
    );
    if (i >= 0) out.outage.push(s);
  }
  return { ...out, remaining: names(set).map((n) => staticPodName(n, node)) };
}
