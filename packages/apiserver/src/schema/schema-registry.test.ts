import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESOURCES } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { getSchema, schemaClosure, schemaNameForKind } from './schema-registry.js';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('generated schemas', () => {
  it('have a schema with the GVK extension for every kind in the resource table', () => {
    for (const info of RESOURCES) {
      const name = schemaNameForKind(info);
      expect(name, info.kind).toBeDefined();
      expect(getSchema(name ?? '')?.['x-kubernetes-group-version-kind']).toContainEqual({
        group: info.group,
        kind: info.kind,
        version: info.version,
      });
    }
  });

  it('use upstream names and shapes', () => {
    expect(schemaNameForKind({ group: '', version: 'v1', kind: 'Pod' })).toBe(
      'io.k8s.api.core.v1.Pod',
    );
    expect(schemaNameForKind({ group: 'autoscaling', version: 'v1', kind: 'Scale' })).toBe(
      'io.k8s.api.autoscaling.v1.Scale',
    );
    expect(schemaNameForKind({ group: 'batch', version: 'v1', kind: 'DeleteOptions' })).toBe(
      'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
    );
    const container = getSchema('io.k8s.api.core.v1.Container');
    expect(container?.required).toEqual(['name']);
    expect(container?.properties?.livenessProbe).toEqual({
      allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Probe' }],
      description: expect.stringContaining('Periodic probe of container liveness') as string,
    });
    expect(container?.properties?.ports?.['x-kubernetes-patch-merge-key']).toBe('containerPort');
    expect(getSchema('io.k8s.api.core.v1.ContainerPort')?.properties?.containerPort).toMatchObject({
      format: 'int32',
      type: 'integer',
    });
    expect(getSchema('io.k8s.apimachinery.pkg.util.intstr.IntOrString')).toMatchObject({
      format: 'int-or-string',
    });
    expect(getSchema('io.k8s.apimachinery.pkg.apis.meta.v1.Time')).toMatchObject({
      type: 'string',
      format: 'date-time',
    });
    expect(getSchema('io.k8s.api.core.v1.Secret')?.properties?.data?.additionalProperties).toEqual({
      format: 'byte',
      type: 'string',
    });
  });

  it('compute the closure of referenced schemas', () => {
    const closure = schemaClosure(['io.k8s.api.coordination.v1.Lease']);
    expect(closure).toEqual(
      expect.arrayContaining([
        'io.k8s.api.coordination.v1.Lease',
        'io.k8s.api.coordination.v1.LeaseSpec',
        'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
        'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
        'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
      ]),
    );
    expect(closure).not.toContain('io.k8s.api.core.v1.Pod');
    expect(schemaClosure(['no.such.Schema'])).toEqual([]);
  });

  it('are up to date with the generator (npm run gen:schemas)', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=development', 'scripts/gen-schemas.ts', '--check'],
      { cwd: packageRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out).toBe('');
  });
});
