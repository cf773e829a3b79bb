/**
 * Golden files: testdata/<case>.input.yaml is a manifest in /etc/kubernetes/manifests/<case>.yaml
 * on node "controlplane"; <case>.output.yaml is the pod the merger hands to the kubelet (source
 * file, first seen at a fixed time), <case>.error.txt the error it is refused with.
 * UPDATE_GOLDEN=1 rewrites the expected files.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeClock } from '@kubelab/api/testing';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PodConfig } from './pod-config.js';
import { decodeStaticPod } from './static-pod.js';

const TESTDATA = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const SEEN_AT = Date.UTC(2025, 3, 10, 2, 0, 13, 632);
const update = process.env['UPDATE_GOLDEN'] === '1';

const cases = readdirSync(TESTDATA)
  .filter((f) => f.endsWith('.input.yaml'))
  .map((f) => f.slice(0, -'.input.yaml'.length))
  .sort();

function run(name: string): { output?: string; error?: string } {
  const content = readFileSync(join(TESTDATA, `${name}.input.yaml`));
  const path = `/etc/kubernetes/manifests/${name}.yaml`;
  try {
    const pod = decodeStaticPod(content, { kind: 'file', path }, 'controlplane');
    const config = new PodConfig({ clock: new FakeClock(SEEN_AT), sources: ['file'] });
    const [added] = config.merge({ op: 'SET', source: 'file', pods: [pod] });
    expect(added?.op).toBe('ADD');
    return { output: stringify(added?.pods[0], { sortMapEntries: true }) };
  } catch (err) {
    return { error: `${(err as Error).message}\n` };
  }
}

describe('static pod golden files', () => {
  it('has cases of both kinds', () => {
    expect(
      cases.filter((c) => existsSync(join(TESTDATA, `${c}.output.yaml`))).length,
    ).toBeGreaterThanOrEqual(6);
    expect(
      cases.filter((c) => existsSync(join(TESTDATA, `${c}.error.txt`))).length,
    ).toBeGreaterThanOrEqual(5);
  });

  for (const name of cases) {
    it(name, () => {
      const got = run(name);
      const outFile = join(TESTDATA, `${name}.output.yaml`);
      const errFile = join(TESTDATA, `${name}.error.txt`);
      if (update) {
        if (got.output !== undefined) writeFileSync(outFile, got.output);
        else writeFileSync(errFile, got.error ?? '');
      }
      if (existsSync(outFile)) expect(got.output).toBe(readFileSync(outFile, 'utf8'));
      else expect(got.error).toBe(readFileSync(errFile, 'utf8'));
    });
  }
});
