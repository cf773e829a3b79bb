/**
 * Resolves one kubeconfig context into a ClusterConnection, as clientcmd does: file paths are
 * relative to the kubeconfig's directory, *-data fields win over files, a token wins over a
 * tokenFile, and user credentials are used only over https ("only try to read the auth
 * information if we are secure"). Errors carry client-go's wording.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ClusterConnection } from '../client/cluster-connection.js';
import {
  isEmptyKubeconfig,
  parseKubeconfig,
  type KubeconfigCluster,
  type KubeconfigFile,
  type KubeconfigUser,
} from './kubeconfig-file.js';

export const ERR_EMPTY_CONFIG =
  'invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable';

export interface ResolveOptions {
  /** Use this context instead of current-context. */
  context?: string;
  /** Directory that relative paths are resolved against. */
  baseDir?: string;
  /** Reads a referenced file; defaults to fs.readFileSync. */
  readFile?: (path: string) => Buffer;
}

function invalid(message: string): Error {
  return new Error(`invalid configuration: ${message}`);
}

function osMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return `open ${e.path ?? ''}: no such file or directory`;
  return e.message;
}

function byName<T>(list: { name: string }[] | undefined, name: string, key: string): T | undefined {
  const entry = list?.find((e) => e.name === name) as Record<string, unknown> | undefined;
  return entry ? ((entry[key] ?? {}) as T) : undefined;
}

export function resolveConnection(
  cfg: KubeconfigFile,
  opts: ResolveOptions = {},
): ClusterConnection {
  if (isEmptyKubeconfig(cfg)) throw new Error(ERR_EMPTY_CONFIG);
  const contextName = opts.context || cfg['current-context'];
  if (!contextName) throw new Error(ERR_EMPTY_CONFIG);
  const context = byName<{ cluster?: string; user?: string; namespace?: string }>(
    cfg.contexts,
    contextName,
    'context',
  );
  if (!context) {
    if (opts.context) throw new Error(`context "${contextName}" does not exist`);
    throw invalid(`context was not found for specified context: ${contextName}`);
  }
  if (!context.cluster) throw invalid(`cluster was not specified for context "${contextName}"`);
  const cluster = byName<KubeconfigCluster>(cfg.clusters, context.cluster, 'cluster');
  if (!cluster)
    throw invalid(`cluster "${context.cluster}" was not found for context "${contextName}"`);
  if (!cluster.server) throw invalid(`no server found for cluster "${context.cluster}"`);
  let user: KubeconfigUser = {};
  if (context.user) {
    const found = byName<KubeconfigUser>(cfg.users, context.user, 'user');
    if (!found) throw invalid(`user "${context.user}" was not found for context "${contextName}"`);
    user = found;
  }

  const baseDir = opts.baseDir ?? process.cwd();
  const read = opts.readFile ?? ((p: string) => readFileSync(p));
  const readRef = (what: string, owner: string, p: string): Buffer => {
    const full = isAbsolute(p) ? p : resolve(baseDir, p);
    try {
      return read(full);
    } catch (err) {
      throw invalid(`unable to read ${what} ${full} for ${owner} due to ${osMessage(err)}`);
    }
  };
  const fromData = (b64: string): Buffer => Buffer.from(b64, 'base64');

  const conn: ClusterConnection = { server: cluster.server };
  if (cluster['certificate-authority-data']) {
    conn.caData = fromData(cluster['certificate-authority-data']);
  } else if (cluster['certificate-authority']) {
    conn.caData = readRef(
      'certificate-authority',
      context.cluster,
      cluster['certificate-authority'],
    );
  }
  if (cluster['insecure-skip-tls-verify']) conn.insecureSkipTlsVerify = true;
  if (context.namespace) conn.namespace = context.namespace;
  if (!conn.server.startsWith('https://')) return conn;

  const userName = context.user ?? '';
  if (user.token) conn.token = user.token;
  else if (user.tokenFile)
    conn.token = readRef('tokenFile', userName, user.tokenFile).toString('utf8').trim();
  if (user['client-certificate-data'])
    conn.clientCertData = fromData(user['client-certificate-data']);
  else if (user['client-certificate']) {
    conn.clientCertData = readRef('client-cert', userName, user['client-certificate']);
  }
  if (user['client-key-data']) conn.clientKeyData = fromData(user['client-key-data']);
  else if (user['client-key'])
    conn.clientKeyData = readRef('client-key', userName, user['client-key']);
  if (conn.clientCertData && !conn.clientKeyData) {
    throw invalid(
      `client-key-data or client-key must be specified for ${userName} to use the clientCert authentication method.`,
    );
  }
  return conn;
}

/** Loads the kubeconfig at `path` and resolves its current (or the named) context. */
export function loadKubeconfig(path: string, opts: { context?: string } = {}): ClusterConnection {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      throw Object.assign(new Error(`stat ${path}: no such file or directory`, { cause: err }), {
        code: 'ENOENT',
      });
    }
    throw err;
  }
  const resolveOpts: ResolveOptions = { baseDir: dirname(resolve(path)) };
  if (opts.context) resolveOpts.context = opts.context;
  return resolveConnection(parseKubeconfig(text), resolveOpts);
}
