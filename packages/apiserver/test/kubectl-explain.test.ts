/**
 * The real kubectl explaining kinds from the served OpenAPI v3 schemas: fields whose upstream
 * Go type is `+enum` carry the `enum` values and the "Possible enum values" paragraph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from '../src/testing/test-cluster.js';
import type { TestCluster } from '../src/testing/test-cluster.js';

let c: TestCluster;

beforeAll(async () => {
  c = await startTestCluster();
});
afterAll(async () => {
  await c?.stop();
});

describe('kubectl explain', () => {
  it('prints the enum values of DeploymentStrategy.type under the field', async () => {
    const r = await c.kubectl(['explain', 'deployment.spec.strategy']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ {2}type\t<string>\n {2}enum: Recreate, RollingUpdate\n/);
  });

  it('prints the ENUM block and the upstream paragraph for imagePullPolicy', async () => {
    const r = await c.kubectl(['explain', 'pod.spec.containers.imagePullPolicy']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'FIELD: imagePullPolicy <string>\nENUM:\n    Always\n    IfNotPresent\n    Never\n',
    );
    expect(r.stdout).toContain('Possible enum values:');
    expect(r.stdout).toMatch(
      /- `"Always"` means that kubelet always attempts to pull the latest\s+image\./,
    );
  });

  it('lists enum values in recursive explain output', async () => {
    const r = await c.kubectl(['explain', 'deployment.spec', '--recursive']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ {4}type\t<string>\n {4}enum: Recreate, RollingUpdate\n/);
    expect(r.stdout).toMatch(/restartPolicy\t<string>\n\s+enum: Always, Never, OnFailure\n/);
  });
});
