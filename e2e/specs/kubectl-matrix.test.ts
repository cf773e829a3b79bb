/**
 * The kubectl compatibility matrix (issue 6): the same everyday commands under each of the seven
 * kubectl binaries of this machine (1.27 … 1.33; 1.32 is /usr/bin/kubectl, the gcloud
 * dispatcher) against one kubelab cluster with two workers. Every version works in its own
 * namespace, the versions run side by side, and the commands that change a node take turns.
 * The table is printed and written to e2e/results/kubectl-matrix.md; every cell must pass.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eCluster } from '../helpers/cluster.js';
import { createE2eCluster } from '../helpers/cluster.js';
import { MATRIX_COMMANDS } from '../helpers/matrix-commands.js';
import { KUBECTL_VERSIONS } from '../helpers/matrix-kubectl.js';
import { renderMatrix, writeMatrix } from '../helpers/matrix-report.js';
import type { MatrixResults } from '../helpers/matrix-runner.js';
import { failuresOf, runMatrix } from '../helpers/matrix-runner.js';
import { prepareMatrixCluster } from '../helpers/matrix-setup.js';

const RESULTS = join(import.meta.dirname, '..', 'results', 'kubectl-matrix.md');

let c: E2eCluster | undefined;
let results: MatrixResults | undefined;
let notes: string[] = [];

beforeAll(async () => {
  const start = Date.now();
  c = await createE2eCluster('matrix', { workers: 2 });
  const created = Date.now() - start;
  const cluster = await prepareMatrixCluster(c.kubeconfig, c.workers, c.home);
  results = await runMatrix({ versions: KUBECTL_VERSIONS, commands: MATRIX_COMMANDS, cluster, dir: c.home, concurrency: KUBECTL_VERSIONS.length });
  notes = [`Cluster (3 nodes) created in ${(created / 1000).toFixed(1)}s; cluster and matrix together ${((Date.now() - start) / 1000).toFixed(1)}s.`];
  await writeMatrix(RESULTS, results, notes);
}, 900_000);

afterAll(async () => {
  if (results) process.stdout.write(`${renderMatrix(results, notes)}(also in ${RESULTS})\n`);
  await c?.delete();
});

describe('kubectl 1.27–1.33 compatibility matrix', () => {
  it.each(MATRIX_COMMANDS.map((m) => m.name))('%s passes under every kubectl', (name) => {
    expect(results && failuresOf(results, name)).toEqual([]);
  });
});
