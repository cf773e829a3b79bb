import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findRealDocker, nodeDockerArgs } from './docker-shim.js';
import { TempDirs } from '@kubelab/api/testing';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

const OWNER = { cluster: 'c1', node: 'c1-worker' };
const FILTERS = ['--filter', 'label=io.kubelab.cluster=c1', '--filter', 'label=io.kubelab.node=c1-worker'];

describe('docker in a node view', () => {
  it('adds the node filters to ps and container ls|ps|list', () => {
    expect(nodeDockerArgs(['ps', '-a'], OWNER)).toEqual(['ps', ...FILTERS, '-a']);
    expect(nodeDockerArgs(['--host', 'unix:///x.sock', 'ps', '-q'], OWNER)).toEqual(['--host', 'unix:///x.sock', 'ps', ...FILTERS, '-q']);
    expect(nodeDockerArgs(['container', 'ls', '--format', '{{.Names}}'], OWNER)).toEqual(['container', 'ls', ...FILTERS, '--format', '{{.Names}}']);
  });

  it('passes everything else through unchanged', () => {
    for (const args of [['images'], ['logs', 'x'], ['container', 'inspect', 'x'], ['--version'], []]) expect(nodeDockerArgs(args, OWNER)).toEqual(args);
  });

  it('finds the real docker on PATH, skipping the shim directory', async () => {
    const dir = await temp.make('docker-shim-');
    const shims = join(dir, 'shims');
    const real = join(dir, 'real');
    for (const d of [shims, real]) {
      await mkdir(d);
      await writeFile(join(d, 'docker'), '#!/bin/sh\n');
      await chmod(join(d, 'docker'), 0o755);
    }
    expect(findRealDocker(`${shims}:${real}`, [shims])).toBe(join(real, 'docker'));
  });
});
