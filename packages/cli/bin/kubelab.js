#!/usr/bin/env node
// `kubelab` as npm links it (node_modules/.bin/kubelab, so `npx kubelab`). This file is committed,
// not built: npm links a package's bin when it installs, before anything is built, and skips a
// bin whose file does not exist yet. It starts the built CLI (dist/main.js).
import { existsSync } from 'node:fs';

const built = new URL('../dist/main.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('kubelab: the CLI is not built yet; run `npm run up` or `npm run build` in the kubelab checkout first\n');
  process.exit(1);
}
await import(built.href);
