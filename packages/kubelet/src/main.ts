#!/usr/bin/env node
/**
 * kubelet: reads --config and --kubeconfig through the node root, runs the node's pods as Docker
 * containers, and talks to the API server when there is one. Failing to start prints one klog
 * line (`"command failed" err="..."`) and exits 1, as the real kubelet does.
 */
import { appendFileSync, createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LogSink } from '@kubelab/api';
import { FlagError, flagUsage, KlogLogger, klogHeader, parseFlags, realClock } from '@kubelab/api';
import { createRestClient } from '@kubelab/api/client';
import { loadKubeconfig } from '@kubelab/api/kubeconfig';
import { loadKubeletConfigFile } from './config/kubelet-config-file.js';
import { defaultKubeletConfiguration } from './config/kubelet-config.js';
import { buildKubelet, defaultNodeIp, startKubelet } from './kubelet-app.js';
import { startKubeletServer } from './kubelet-server-wiring.js';
import { NodeRoot } from './node-root.js';
import { KUBELET_FLAGS } from './options.js';
import { DockerRuntime } from './runtime/docker/docker-runtime.js';

let logFile: string | undefined;

function commandFailed(message: string): never {
  const line = `${klogHeader('E', new Date(), process.pid, 'run.go')} "command failed" err=${JSON.stringify(message)}\n`;
  process.stderr.write(line);
  if (logFile) {
    try {
      appendFileSync(logFile, line);
    } catch {
      // the log file is best effort here
    }
  }
  process.exit(1);
}

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of text.split(',').filter(Boolean)) {
    const i = kv.indexOf('=');
    out[i < 0 ? kv : kv.slice(0, i)] = i < 0 ? '' : kv.slice(i + 1);
  }
  return out;
}

async function main(argv: string[]): Promise<void> {
  let flags;
  try {
    flags = parseFlags(argv, KUBELET_FLAGS);
  } catch (err) {
    if (err instanceof FlagError) commandFailed(`failed to parse kubelet flag: ${err.message}`);
    throw err;
  }
  const v = flags.values;
  if (v.help) {
    process.stdout.write(`Usage:\n  kubelet [flags]\n\nFlags:\n${flagUsage(KUBELET_FLAGS)}\n`);
    return;
  }
  const nodeRoot = new NodeRoot(String(v['kubelab-node-root'] ?? ''));
  logFile = v['log-file'] ? String(v['log-file']) : nodeRoot.root ? nodeRoot.hostPath('/var/log/kubelet.log') : undefined;
  let sink: LogSink = { write: (l) => process.stderr.write(l) };
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    const stream = createWriteStream(logFile, { flags: 'a' });
    sink = { write: (l) => stream.write(l) };
  }
  const logger = new KlogLogger({ sink, verbosity: Number(v.v), source: 'server.go' });
  const clock = realClock;

  const nodeName = (String(v['hostname-override'] || '') || (await import('node:os')).hostname()).toLowerCase();
  const readNodeFile = (p: string): Promise<Buffer> => readFile(nodeRoot.hostPath(p));
  let config = defaultKubeletConfiguration();
  if (v.config) {
    try {
      config = await loadKubeletConfigFile(String(v.config), { readFile: readNodeFile, logger });
    } catch (err) {
      commandFailed((err as Error).message);
    }
  }
  if (v['pod-manifest-path']) config.staticPodPath = String(v['pod-manifest-path']);
  logger.info('Starting kubelet', { version: 'v1.32.0', node: nodeName, nodeRoot: nodeRoot.root || '/' });

  let client;
  let clusterCaPem: string | undefined;
  if (v.kubeconfig) {
    try {
      const conn = loadKubeconfig(nodeRoot.hostPath(String(v.kubeconfig)));
      clusterCaPem = conn.caData?.toString('utf8');
      client = createRestClient(conn, { userAgent: 'kubelet/v1.32.0 (linux/amd64) kubernetes/kubelab', logger, timeoutMs: 10_000 });
    } catch (err) {
      commandFailed(`invalid kubeconfig: ${(err as Error).message.replace(nodeRoot.root, '')}`);
    }
  }
  const nodeIp = String(v['node-ip'] || '') || defaultNodeIp();
  const runtime = new DockerRuntime({
    clusterName: String(v['kubelab-cluster']),
    nodeName,
    network: {},
    nodeIP: nodeIp,
    logger: logger.named('docker_service.go'),
    clock,
    nodeRoot,
  });
  let app;
  try {
    app = await buildKubelet({
      nodeName,
      nodeIp,
      config,
      nodeRoot,
      runtime,
      client,
      nodeLabels: parseLabels(String(v['node-labels'] ?? '')),
      clusterCaPem,
      clock,
      logger,
    });
  } catch (err) {
    commandFailed(`failed to run Kubelet: ${(err as Error).message}`);
  }
  await startKubelet(app);
  const server = await startKubeletServer({ app, config, nodeRoot, nodeName, logger, readFile: (p) => readFileSync(nodeRoot.hostPath(p), 'utf8') }).catch((err: unknown) =>
    commandFailed(`failed to start the kubelet server: ${(err as Error).message}`),
  );
  const stop = (sig: string): void => {
    logger.info('Shutting down kubelet (containers keep running)', { signal: sig });
    app.stop();
    void server.close().finally(() => {
      void runtime.close?.();
      process.exit(0);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main(process.argv.slice(2)).catch((err: unknown) => commandFailed(err instanceof Error ? err.message : String(err)));
