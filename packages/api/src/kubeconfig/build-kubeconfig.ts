/**
 * Writes a one-cluster kubeconfig (one cluster, one user, one context, current), as kubeadm
 * writes admin.conf and kind exports it.
 */
import { serializeKubeconfig, type KubeconfigUser } from './kubeconfig-file.js';

export interface BuildKubeconfigOptions {
  clusterName: string;
  server: string;
  /** PEM of the CA that signed the apiserver's certificate. */
  caData?: Buffer | string;
  insecureSkipTlsVerify?: boolean;
  /** The user entry's name. */
  user: string;
  token?: string;
  clientCertData?: Buffer | string;
  clientKeyData?: Buffer | string;
  namespace?: string;
  /** Defaults to clusterName. */
  contextName?: string;
}

const b64 = (v: Buffer | string): string => Buffer.from(v).toString('base64');

export function buildKubeconfig(opts: BuildKubeconfigOptions): string {
  const contextName = opts.contextName ?? opts.clusterName;
  const cluster: Record<string, unknown> = {};
  if (opts.caData !== undefined) cluster['certificate-authority-data'] = b64(opts.caData);
  if (opts.insecureSkipTlsVerify) cluster['insecure-skip-tls-verify'] = true;
  cluster['server'] = opts.server;
  const user: KubeconfigUser = {};
  if (opts.clientCertData !== undefined) user['client-certificate-data'] = b64(opts.clientCertData);
  if (opts.clientKeyData !== undefined) user['client-key-data'] = b64(opts.clientKeyData);
  if (opts.token !== undefined) user.token = opts.token;
  const context: Record<string, string> = { cluster: opts.clusterName };
  if (opts.namespace) context['namespace'] = opts.namespace;
  context['user'] = opts.user;
  return serializeKubeconfig({
    apiVersion: 'v1',
    clusters: [{ name: opts.clusterName, cluster }],
    contexts: [{ name: contextName, context }],
    'current-context': contextName,
    kind: 'Config',
    preferences: {},
    users: [{ name: opts.user, user }],
  });
}
