#!/usr/bin/env node
/** kubelab: the command line (bundled as dist/bundles/kubelab.mjs for a fast start). */
import { processIO } from './commands/cli-io.js';
import { run } from './run.js';

const ctl = new AbortController();
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (ctl.signal.aborted) process.exit(130);
    ctl.abort(new Error(`interrupted by ${sig}`));
  });
}
const code = await run(process.argv.slice(2), processIO(), { signal: ctl.signal });
process.exit(code);
