#!/usr/bin/env node
/**
 * The node tools' entry when kubelab runs from source (the shims' launcher; a build uses
 * `kubelab node tool` of the bundle instead): `node-tool-main [--name CLUSTER] NODE -- TOOL ARGS…`.
 */
import { exitQuietlyOnEpipe, parseNodeToolArgv, runNodeToolFor } from '../node-tool-runner.js';

async function main(): Promise<number> {
  const ctl = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => ctl.abort());
  exitQuietlyOnEpipe();
  const parsed = parseNodeToolArgv(process.argv.slice(2));
  return runNodeToolFor({
    ...parsed,
    env: process.env,
    io: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, signal: ctl.signal, stderrIsTTY: process.stderr.isTTY === true },
  });
}

main().then(
  // Follow loops and the Docker socket may hold handles open; the answer is complete.
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
