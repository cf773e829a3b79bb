#!/usr/bin/env node
/**
 * kube-apiserver: parse flags, open the LevelDB store, serve HTTPS until SIGTERM/SIGINT.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { FlagError, flagUsage, KlogLogger, parseFlags, stderrSink } from '@kubelab/api';
import type { LogSink } from '@kubelab/api';
import { parseTokenFile } from './auth/token-file.js';
import { APISERVER_FLAGS } from './options.js';
import { IdleCollector, v8HeapControl } from './runtime/idle-collector.js';
import { ApiServer } from './server.js';
import { LevelDbStorage } from './storage/index.js';

function fail(message: string): never {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(1);
}

function readFileFlag(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return fail(`--${flag}: open ${path}: ${e.code === 'ENOENT' ? 'no such file or directory' : e.message}`);
  }
}

async function main(argv: string[]): Promise<void> {
  let flags;
  try {
    flags = parseFlags(argv, APISERVER_FLAGS);
  } catch (err) {
    if (err instanceof FlagError) fail(err.message);
    throw err;
  }
  const v = flags.values;
  if (v.help) {
    process.stdout.write(`Usage:\n  kube-apiserver [flags]\n\nFlags:\n${flagUsage(APISERVER_FLAGS)}\n`);
    return;
  }
  const sink: LogSink = v['log-file'] ? createWriteStream(String(v['log-file']), { flags: 'a' }) : stderrSink;
  const logger = new KlogLogger({ sink, verbosity: Number(v.v), source: 'server.go' });
  if (!v['tls-cert-file'] || !v['tls-private-key-file']) {
    fail('--tls-cert-file and --tls-private-key-file are required (kubelab serves HTTPS only)');
  }
  const tls = {
    certPem: readFileFlag('tls-cert-file', String(v['tls-cert-file'])),
    keyPem: readFileFlag('tls-private-key-file', String(v['tls-private-key-file'])),
  };
  let tokens = new Map();
  if (v['token-auth-file']) {
    try {
      tokens = parseTokenFile(readFileFlag('token-auth-file', String(v['token-auth-file'])), String(v['token-auth-file']));
    } catch (err) {
      fail((err as Error).message);
    }
  }
  const kubeletClient = {
    certPem: v['kubelet-client-certificate'] ? readFileFlag('kubelet-client-certificate', String(v['kubelet-client-certificate'])) : undefined,
    keyPem: v['kubelet-client-key'] ? readFileFlag('kubelet-client-key', String(v['kubelet-client-key'])) : undefined,
    caPem: v['kubelet-certificate-authority'] ? readFileFlag('kubelet-certificate-authority', String(v['kubelet-certificate-authority'])) : undefined,
  };
  const port = Number(v['secure-port']);
  if (port < 1 || port > 65535) fail(`--secure-port ${port} must be between 1 and 65535, inclusive. It cannot be turned off with 0`);
  logger.info('Version', { version: 'v1.32.0-kubelab' });
  let storage;
  try {
    storage = await LevelDbStorage.open(String(v['storage-dir']), { historySize: Number(v['storage-history-size']), logger });
  } catch (err) {
    fail(`failed to open storage at ${String(v['storage-dir'])}: ${(err as Error).message}`);
  }
  let server: ApiServer;
  try {
    server = await ApiServer.create({
      storage,
      tls,
      tokens,
      bindAddress: String(v['bind-address']),
      securePort: port,
      advertiseAddress: String(v['advertise-address'] || '127.0.0.1'),
      serviceClusterIpRange: String(v['service-cluster-ip-range']),
      kubeletClient,
      logger,
      minRequestTimeoutSeconds: Number(v['min-request-timeout']),
      defaultTolerationSeconds: {
        notReady: Number(v['default-not-ready-toleration-seconds']),
        unreachable: Number(v['default-unreachable-toleration-seconds']),
      },
    });
    const addr = await server.listen();
    logger.info('Serving securely on', { address: `${addr.host}:${addr.port}` });
    new IdleCollector({ heap: v8HeapControl(), logger }).start();
  } catch (err) {
    await storage.close().catch(() => {});
    fail((err as Error).message);
  }
  const stop = (sig: string): void => {
    logger.info('Received signal, shutting down', { signal: sig });
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main(process.argv.slice(2)).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
