/**
 * How the components turn their kubeconfig flags into a connection, failing as upstream does
 * (the error is what `"command failed" err=...` prints):
 *  - kube-scheduler applies delegated authentication, then authorization, then reads
 *    --kubeconfig; kube-controller-manager reads --kubeconfig first;
 *  - a missing --authentication-kubeconfig file fails with
 *    `failed to get delegated authentication kubeconfig: failed to get delegated authentication
 *    kubeconfig: stat <path>: no such file or directory` (the apiserver library wraps it twice);
 *  - a missing --authorization-kubeconfig with `failed to get delegated authorization
 *    kubeconfig: stat <path>: no such file or directory`;
 *  - a missing --kubeconfig with `stat <path>: no such file or directory`;
 *  - neither --kubeconfig nor --master: the in-cluster config, which outside a pod fails with
 *    `unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and
 *    KUBERNETES_SERVICE_PORT must be defined`.
 */
import { readFileSync } from 'node:fs';
import type { ClusterConnection } from '../client/cluster-connection.js';
import { noopLogger, type Logger } from '../logger.js';
import { loadKubeconfig } from '../kubeconfig/load-kubeconfig.js';

export type KubeconfigOrder = 'delegated-auth-first' | 'kubeconfig-first';

export interface ComponentKubeconfigs {
  kubeconfig: string;
  master?: string;
  authenticationKubeconfig?: string;
  authorizationKubeconfig?: string;
}

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export const ERR_NOT_IN_CLUSTER =
  'unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined';

/** rest.InClusterConfig. */
export function inClusterConnection(env: NodeJS.ProcessEnv = process.env): ClusterConnection {
  const host = env['KUBERNETES_SERVICE_HOST'];
  const port = env['KUBERNETES_SERVICE_PORT'];
  if (!host || !port) throw new Error(ERR_NOT_IN_CLUSTER);
  const token = readFileSync(`${SA_DIR}/token`, 'utf8').trim();
  const server = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { server, token, caData: readFileSync(`${SA_DIR}/ca.crt`) };
}

function delegated(path: string, what: 'authentication' | 'authorization'): void {
  try {
    loadKubeconfig(path);
  } catch (err) {
    const inner = `failed to get delegated ${what} kubeconfig: ${(err as Error).message}`;
    throw new Error(what === 'authentication' ? `failed to get delegated authentication kubeconfig: ${inner}` : inner, {
      cause: err,
    });
  }
}

function main(o: ComponentKubeconfigs, logger: Logger): ClusterConnection {
  if (!o.kubeconfig && !o.master) {
    logger.warn('Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.');
    return inClusterConnection();
  }
  if (!o.kubeconfig) return { server: o.master ?? '' };
  const conn = loadKubeconfig(o.kubeconfig);
  return o.master ? { ...conn, server: o.master } : conn;
}

/** The connection --kubeconfig describes, after the delegated kubeconfigs were checked. */
export function loadComponentConnection(
  o: ComponentKubeconfigs,
  order: KubeconfigOrder,
  logger: Logger = noopLogger,
): ClusterConnection {
  let conn: ClusterConnection | undefined;
  if (order === 'kubeconfig-first') conn = main(o, logger);
  if (o.authenticationKubeconfig) delegated(o.authenticationKubeconfig, 'authentication');
  if (o.authorizationKubeconfig) delegated(o.authorizationKubeconfig, 'authorization');
  return conn ?? main(o, logger);
}
