/** `npm run build` step: the esbuild bundles of dist/bundles (see src/bundle/build-bundles.ts). */
import { buildBundles } from '../src/bundle/build-bundles.js';

const result = await buildBundles();
process.stdout.write(`bundles in ${result.outDir}: ${result.written.length} file(s) written in ${result.durationMs}ms\n`);
