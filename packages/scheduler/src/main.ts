#!/usr/bin/env node
/** kube-scheduler: the binary. SIGTERM/SIGINT stop it (releasing the lease); the exit code is the component's. */
import { runKubeScheduler } from './app/kube-scheduler.js';

const ctl = new AbortController();
for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => ctl.abort());
process.exitCode = await runKubeScheduler(process.argv.slice(2), { signal: ctl.signal });
process.exit();
