import { describe, expect, it } from 'vitest';
import { applyDefaults } from './registry.js';

describe('applyDefaults', () => {
  it('dispatches on group and kind', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', spec: { containers: [] } };
    applyDefaults('', 'Pod', pod);
    expect(pod.spec).toMatchObject({ restartPolicy: 'Always' });
    const dep = { spec: { selector: {}, template: {} } };
    applyDefaults('apps', 'Deployment', dep);
    expect(dep.spec).toMatchObject({ replicas: 1 });
  });

  it('leaves kinds without defaults untouched', () => {
    const cm = { data: { a: 'b' } };
    applyDefaults('', 'ConfigMap', cm);
    expect(cm).toEqual({ data: { a: 'b' } });
  });
});
