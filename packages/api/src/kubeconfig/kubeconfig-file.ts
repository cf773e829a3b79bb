/**
 * The kubeconfig file format (clientcmd/api/v1): named clusters, users and contexts, in YAML.
 * Only the fields kubelab reads are typed; everything else is kept as it was found.
 */
import { parse, stringify } from 'yaml';

export interface KubeconfigCluster {
  server?: string;
  'certificate-authority'?: string;
  'certificate-authority-data'?: string;
  'insecure-skip-tls-verify'?: boolean;
  [field: string]: unknown;
}

export interface KubeconfigUser {
  token?: string;
  tokenFile?: string;
  'client-certificate'?: string;
  'client-certificate-data'?: string;
  'client-key'?: string;
  'client-key-data'?: string;
  [field: string]: unknown;
}

export interface KubeconfigContext {
  cluster?: string;
  user?: string;
  namespace?: string;
  [field: string]: unknown;
}

export interface KubeconfigFile {
  apiVersion?: string;
  kind?: string;
  clusters?: { name: string; cluster: KubeconfigCluster }[];
  users?: { name: string; user: KubeconfigUser }[];
  contexts?: { name: string; context: KubeconfigContext }[];
  'current-context'?: string;
  preferences?: Record<string, unknown>;
  [field: string]: unknown;
}

/** Parses kubeconfig YAML; an empty document is an empty config. */
export function parseKubeconfig(text: string): KubeconfigFile {
  const doc: unknown = text.trim() === '' ? {} : parse(text);
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error('error loading config: the kubeconfig is not a YAML mapping');
  }
  return doc as KubeconfigFile;
}

/**
 * As kubectl writes it: apiVersion, clusters, contexts, current-context, kind, preferences,
 * users (empty lists as null), then any other fields.
 */
export function serializeKubeconfig(cfg: KubeconfigFile): string {
  const { apiVersion, clusters, contexts, kind, preferences, users, ...rest } = cfg;
  const current = rest['current-context'];
  delete rest['current-context'];
  const ordered: Record<string, unknown> = { apiVersion: apiVersion ?? 'v1' };
  ordered['clusters'] = clusters?.length ? clusters : null;
  ordered['contexts'] = contexts?.length ? contexts : null;
  ordered['current-context'] = current ?? '';
  ordered['kind'] = kind ?? 'Config';
  ordered['preferences'] = preferences ?? {};
  ordered['users'] = users?.length ? users : null;
  return stringify({ ...ordered, ...rest }, { lineWidth: 0, indentSeq: false });
}

/** True when the file defines nothing at all (clientcmdapi.IsConfigEmpty). */
export function isEmptyKubeconfig(cfg: KubeconfigFile): boolean {
  return (
    !cfg.clusters?.length && !cfg.users?.length && !cfg.contexts?.length && !cfg['current-context']
  );
}
