#!/usr/bin/env node
/** kube-controller-manager: the binary. SIGTERM/SIGINT stop it (releasing the lease); the exit code is the component's. */
import { runKubeControllerManager } from './app/kube-controller-manager.js';

const ctl = new AbortController();
for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => ctl.abort());
process.exitCode = await runKubeControllerManager(process.argv.slice(2), { signal: ctl.signal });
process.exit();
