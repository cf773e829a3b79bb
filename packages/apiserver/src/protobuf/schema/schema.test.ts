import { describe, expect, it } from 'vitest';
import { isWellKnownType } from '../well-known-types.js';
import { field, isScalarKind } from './field-spec.js';
import { MESSAGES, ROOT_KINDS } from './index.js';

describe('generated schema tables', () => {
  it('resolve every referenced message type', () => {
    const missing: string[] = [];
    for (const [name, fields] of Object.entries(MESSAGES)) {
      for (const f of fields) {
        const ref = f.kind === 'message' || f.kind === 'map' ? f.type : undefined;
        if (!ref || isScalarKind(ref) || isWellKnownType(ref) || ref in MESSAGES) continue;
        missing.push(`${name}.${f.json} -> ${ref}`);
      }
    }
    expect(missing).toEqual([]);
    expect(ROOT_KINDS.filter((r) => !(r.message in MESSAGES))).toEqual([]);
  });

  it('have unique field numbers and JSON names per message', () => {
    for (const [name, fields] of Object.entries(MESSAGES)) {
      expect(new Set(fields.map((f) => f.no)).size, name).toBe(fields.length);
      expect(new Set(fields.map((f) => f.json)).size, name).toBe(fields.length);
    }
  });

  it('carry upstream numbers and JSON tags (spot checks against k8s.io/api)', () => {
    const find = (msg: string, json: string) => MESSAGES[msg]?.find((f) => f.json === json);
    expect(find('core.v1.PodSpec', 'containers')).toEqual({
      json: 'containers',
      no: 2,
      kind: 'message',
      type: 'core.v1.Container',
      repeated: true,
    });
    expect(find('core.v1.Secret', 'data')).toEqual(field('data', 2, 'map<bytes>', 'omitempty'));
    expect(find('core.v1.ServicePort', 'port')).toEqual(field('port', 3, 'int32'));
    expect(find('core.v1.ServicePort', 'nodePort')).toEqual(
      field('nodePort', 5, 'int32', 'omitempty'),
    );
    expect(find('apps.v1.DeploymentSpec', 'replicas')).toEqual(
      field('replicas', 1, 'int32', 'ptr', 'omitempty'),
    );
    expect(find('meta.v1.ObjectMeta', 'creationTimestamp')).toEqual(
      field('creationTimestamp', 8, 'meta.v1.Time', 'omitempty'),
    );
    expect(find('authorization.v1.SubjectAccessReviewStatus', 'allowed')).toEqual(
      field('allowed', 1, 'bool'),
    );
    expect(find('core.v1.Volume', 'volumeSource')).toEqual(
      field('volumeSource', 2, 'core.v1.VolumeSource', 'inline'),
    );
    expect(find('autoscaling.v1.HorizontalPodAutoscalerSpec', 'maxReplicas')).toEqual(
      field('maxReplicas', 3, 'int32'),
    );
  });
});

describe('field', () => {
  it('builds scalar, message and map specs with flags', () => {
    expect(field('name', 1, 'string')).toEqual({ json: 'name', no: 1, kind: 'string' });
    expect(field('probe', 10, 'core.v1.Probe', 'ptr', 'omitempty')).toEqual({
      json: 'probe',
      no: 10,
      kind: 'message',
      type: 'core.v1.Probe',
      ptr: true,
      omitempty: true,
    });
    expect(field('limits', 1, 'map<resource.Quantity>')).toEqual({
      json: 'limits',
      no: 1,
      kind: 'map',
      type: 'resource.Quantity',
    });
  });
});
