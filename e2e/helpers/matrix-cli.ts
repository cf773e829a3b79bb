/**
 * Runs the matrix against a cluster that already exists, for working on a failing cell:
 *   npx tsx e2e/helpers/matrix-cli.ts --kubeconfig K --workers w1,w2 [--versions 1.27,1.33] [--only 'logs,exec'] [--from 'logs']
 * `--only` runs the named rows (plus `create namespace` unless --no-namespace); the namespaces
 * of earlier runs are deleted first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MATRIX_COMMANDS } from './matrix-commands.js';
import { namespaceFor } from './matrix-context.js';
import type { KubectlVersion } from './matrix-kubectl.js';
import { KUBECTL_VERSIONS, runKubectl } from './matrix-kubectl.js';
import { renderMatrix } from './matrix-report.js';
import { runMatrix } from './matrix-runner.js';
import { prepareMatrixCluster } from './matrix-setup.js';

const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string' },
    workers: { type: 'string' },
    versions: { type: 'string' },
    only: { type: 'string' },
    concurrency: { type: 'string', default: '7' },
  },
});
if (!values.kubeconfig || !values.workers) throw new Error('--kubeconfig and --workers are required');
const versions = (values.versions?.split(',') ?? [...KUBECTL_VERSIONS]) as KubectlVersion[];
const only = values.only?.split(',').map((s) => s.trim());
const commands = only ? MATRIX_COMMANDS.filter((c) => c.name === 'create namespace' || only.includes(c.name)) : MATRIX_COMMANDS;
const dir = await mkdtemp(join(tmpdir(), 'kubelab-matrix-'));
try {
  const env = { ...process.env, KUBECONFIG: values.kubeconfig, HOME: dir };
  await Promise.all(versions.map((v) => runKubectl('/usr/bin/kubectl', ['delete', 'namespace', namespaceFor(v), '--ignore-not-found', '--timeout=120s'], { env })));
  const cluster = await prepareMatrixCluster(values.kubeconfig, values.workers.split(','), dir);
  const results = await runMatrix({
    versions,
    commands,
    cluster,
    dir,
    concurrency: Number(values.concurrency),
    onCell: (v, c, r) => process.stderr.write(`${r.pass ? 'pass' : 'FAIL'} ${v} ${c} ${r.ms}ms\n`),
  });
  process.stdout.write(renderMatrix(results));
} finally {
  await rm(dir, { recursive: true, force: true });
}
