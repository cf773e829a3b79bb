import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APISERVER_ENV } from '@kubelab/apiserver';
import { TempDirs } from '@kubelab/api/testing';
import { bundleDigest, componentEnv } from './control-plane-images.js';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

describe('control-plane images', () => {
  it("set kube-apiserver's runtime environment, and only its", () => {
    expect(componentEnv('kube-apiserver')).toEqual(APISERVER_ENV);
    expect(componentEnv('kube-scheduler')).toBeUndefined();
  });

  it('are rebuilt when the environment changes, not only the bundles', async () => {
    const dir = await temp.make('kubelab-images-');
    await writeFile(join(dir, 'kube-apiserver.mjs'), 'console.log(1)');
    const digest = (env: Record<string, string>) =>
      bundleDigest(dir, 'v0', 'v20', (c) => (c === 'kube-apiserver' ? env : undefined));
    expect(await digest({ A: '1' })).toBe(await digest({ A: '1' }));
    expect(await digest({ A: '1' })).not.toBe(await digest({ A: '2' }));
  });
});
