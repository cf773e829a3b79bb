import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterRecord, NodeRecord } from '../cluster/layout.js';
import { ensureNodeToolFiles, nodeToolCommandLine, shQuote } from './node-tool-shims.js';
import { TempDirs } from '@kubelab/api/testing';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

const run = promisify(execFile);

describe('node tool shims', () => {
  it('quotes for sh', () => {
    expect(shQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('run the node-tool entry with the node in the environment and the arguments intact', async () => {
    const dir = await temp.make('shims-');
    const echo = join(dir, 'echo.sh');
    await writeFile(echo, '#!/bin/sh\necho "$KUBELAB_HOME|$KUBELAB_CLUSTER|$KUBELAB_NODE|$*"\n', { mode: 0o755 });
    const node = { name: "n'1", root: join(dir, 'root') } as NodeRecord;
    const cluster = { name: 'c 1', nodes: [node] } as unknown as ClusterRecord;
    const files = await ensureNodeToolFiles({ cluster, node }, { KUBELAB_HOME: join(dir, 'home') }, [echo]);
    expect(files.binDir).toBe(join(dir, 'root', 'usr/local/bin'));
    const { stdout } = await run(join(files.binDir, 'crictl'), ['ps', '-a', 'two words']);
    expect(stdout).toBe(`${join(dir, 'home')}|c 1|n'1|crictl ps -a two words\n`);
  });

  it('start the TypeScript entry through tsx from source, and `kubelab node tool` from the bundle', () => {
    const node = { name: 'c-worker' } as NodeRecord;
    const target = { cluster: { name: 'c', nodes: [node] } as unknown as ClusterRecord, node };
    const argv = nodeToolCommandLine(target);
    expect(argv[0]).toBe(process.execPath);
    expect(argv).toContain('--import');
    expect(argv.slice(-5)).toEqual([expect.stringMatching(/src\/node\/tools\/node-tool-main\.ts$/), '--name', 'c', 'c-worker', '--']);
    const bundle = new URL('../../dist/bundles/kubelab.mjs', import.meta.url).href;
    expect(nodeToolCommandLine(target, bundle)).toEqual([process.execPath, new URL(bundle).pathname, 'node', 'tool', '--name', 'c', 'c-worker', '--']);
  });
});
