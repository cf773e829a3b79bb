/**
 * Loading the kubelet's --config file as cmd/kubelet does (loadConfigFile, configfiles fsLoader,
 * DecodeKubeletConfiguration): YAML or JSON, kind KubeletConfiguration in
 * kubelet.config.k8s.io/v1beta1, defaults applied, relative paths made relative to the file.
 * Unknown fields fail strict decoding, and v1beta1 is then decoded leniently with a log line,
 * as upstream does. Errors are upstream's one-liners.
 */
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { noopLogger, type Logger } from '@kubelab/api';
import {
  KUBELAB_CAPACITY_FIELD,
  KUBELET_CONFIG_API_VERSION,
  KUBELET_CONFIG_KIND,
  defaultKubeletConfiguration,
  type KubeletConfiguration,
  type KubeletConfigurationInput,
} from './kubelet-config.js';
import { decodeWithSchema } from './kubelet-config-schema.js';
import { notRegistered, readTypeMeta, toJsonDocument } from './manifest-decoder.js';

/** The scheme name in "no kind is registered" errors, as a v1.36 kubelet prints it. */
export const KUBELET_SCHEME_NAME = 'pkg/kubelet/apis/config/scheme/scheme.go:33';

export interface DecodeKubeletConfigOptions {
  logger?: Logger;
}

/**
 * DecodeKubeletConfiguration plus defaulting. Throws `failed to decode: <why>` for anything
 * that is not a usable v1beta1 KubeletConfiguration.
 */
export function decodeKubeletConfiguration(
  data: string | Buffer,
  opts: DecodeKubeletConfigOptions = {},
): KubeletConfiguration {
  const fail = (err: unknown): Error =>
    new Error(`failed to decode: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  let decoded: Record<string, unknown>;
  const unknown: string[] = [];
  try {
    const doc = toJsonDocument(typeof data === 'string' ? data : data.toString('utf8'));
    const meta = readTypeMeta(doc);
    if (meta.kind !== KUBELET_CONFIG_KIND || meta.apiVersion !== KUBELET_CONFIG_API_VERSION) {
      throw notRegistered(meta, KUBELET_SCHEME_NAME);
    }
    decoded = decodeWithSchema(doc.value as Record<string, unknown>, { unknown });
  } catch (err) {
    throw fail(err);
  }
  if (unknown.length > 0) {
    const err = `strict decoding error: ${unknown.map((p) => `unknown field ${JSON.stringify(p)}`).join(', ')}`;
    (opts.logger ?? noopLogger).info('Using lenient decoding as strict decoding failed', { err });
  }
  const input = decoded as KubeletConfigurationInput & Record<string, unknown>;
  const capacity = decoded[KUBELAB_CAPACITY_FIELD];
  if (capacity) input.capacity = capacity as KubeletConfiguration['capacity'];
  return defaultKubeletConfiguration(input);
}

/** resolveRelativePaths: file paths in the config are relative to the config file's directory. */
function resolveRelativePaths(c: KubeletConfiguration, configPath: string): void {
  const dir = posix.dirname(configPath);
  const abs = (p: string): string => (p && !posix.isAbsolute(p) ? posix.join(dir, p) : p);
  c.staticPodPath = abs(c.staticPodPath);
  c.tlsCertFile = abs(c.tlsCertFile);
  c.tlsPrivateKeyFile = abs(c.tlsPrivateKeyFile);
  c.authentication.x509.clientCAFile = abs(c.authentication.x509.clientCAFile);
}

/** Go's os.PathError text for the common read failures. */
function readError(path: string, err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return `open ${path}: no such file or directory`;
  if (code === 'EACCES') return `open ${path}: permission denied`;
  if (code === 'EISDIR') return `read ${path}: is a directory`;
  return err instanceof Error ? err.message : String(err);
}

export interface LoadKubeletConfigOptions extends DecodeKubeletConfigOptions {
  /** Reads a node-view path (through the node root); default: the host file system. */
  readFile?: (path: string) => Promise<Buffer>;
  /** For a relative --config path; default process.cwd(). */
  cwd?: string;
}

/**
 * Loads --config. Throws `failed to load kubelet config file, path: <p>, error: failed to load
 * Kubelet config file <p>, error <why>`, the line the kubelet exits with.
 */
export async function loadKubeletConfigFile(
  path: string,
  opts: LoadKubeletConfigOptions = {},
): Promise<KubeletConfiguration> {
  const abs = posix.resolve(opts.cwd ?? process.cwd(), path);
  const wrap = (why: string, cause?: unknown): Error =>
    new Error(
      `failed to load kubelet config file, path: ${path}, error: failed to load Kubelet config file ${path}, error ${why}`,
      { cause },
    );
  let data: Buffer;
  try {
    data = await (opts.readFile ?? ((p: string) => readFile(p)))(abs);
  } catch (err) {
    throw wrap(
      `failed to read kubelet config file ${JSON.stringify(abs)}, error: ${readError(abs, err)}`,
      err,
    );
  }
  if (data.length === 0) throw wrap(`kubelet config file ${JSON.stringify(abs)} was empty`);
  let config: KubeletConfiguration;
  try {
    config = decodeKubeletConfiguration(data, opts);
  } catch (err) {
    throw wrap((err as Error).message, err);
  }
  resolveRelativePaths(config, abs);
  return config;
}
