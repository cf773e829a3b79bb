/**
 * Prepares a two-worker cluster for the matrix: the second worker gets a NoSchedule taint so
 * that only the drain row's pods run there, and cordon, taint and drain never touch the pods
 * the other versions are using on the first worker.
 */
import type { MatrixCluster } from './matrix-context.js';
import { runKubectl } from './matrix-kubectl.js';

export const NODE_WORKER_TAINT = { key: 'matrix.kubelab.io/node-commands', value: 'only', effect: 'NoSchedule' };

export async function prepareMatrixCluster(kubeconfig: string, workers: readonly string[], home: string): Promise<MatrixCluster> {
  const [workloadWorker, nodeWorker] = workers;
  if (!workloadWorker || !nodeWorker) throw new Error(`the matrix needs two workers, got ${workers.join(', ')}`);
  const env = { ...process.env, KUBECONFIG: kubeconfig, HOME: home };
  const t = NODE_WORKER_TAINT;
  const r = await runKubectl('/usr/bin/kubectl', ['taint', 'node', nodeWorker, `${t.key}=${t.value}:${t.effect}`, '--overwrite'], { env });
  if (r.code !== 0) throw new Error(`tainting ${nodeWorker}: ${r.stderr}`);
  return { kubeconfig, workloadWorker, nodeWorker, nodeWorkerTaint: t };
}
