/** The `+enum` table and the schemas generated from it (scripts/schema-gen/enums.ts). */
import { describe, expect, it } from 'vitest';
import { ENUMS, enumFor } from '../scripts/schema-gen/enums.js';
import generated from '../src/schema/generated/schemas.json' with { type: 'json' };

interface Schema {
  description?: string;
  enum?: string[];
  items?: Schema;
  properties?: Record<string, Schema>;
}
const schemas = (generated as { schemas: Record<string, Schema> }).schemas;
const prop = (type: string, name: string): Schema | undefined => schemas[type]?.properties?.[name];

describe('enumFor', () => {
  it('gives imagePullPolicy its values and the upstream paragraph', () => {
    const info = enumFor('io.k8s.api.core.v1.Container', 'imagePullPolicy');
    expect(info?.values).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(info?.doc).toBe(
      '\n\nPossible enum values:\n' +
        ' - `"Always"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n' +
        ' - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on disk. Container will fail if the image isn\'t present and the pull fails.\n' +
        ' - `"Never"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn\'t present',
    );
  });

  it('writes a bare line for a value whose constant has no comment', () => {
    expect(enumFor('io.k8s.api.core.v1.PodSpec', 'restartPolicy')?.doc).toBe(
      '\n\nPossible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`',
    );
  });

  it('knows nothing of fields upstream does not mark +enum', () => {
    expect(enumFor('io.k8s.api.core.v1.Container', 'image')).toBeUndefined();
    expect(enumFor('io.k8s.api.core.v1.NoSuchType', 'type')).toBeUndefined();
  });

  it('lists values in upstream (sorted) order', () => {
    for (const props of Object.values(ENUMS)) {
      for (const info of Object.values(props)) expect(info.values).toEqual([...info.values].sort());
    }
  });
});

describe('generated schemas', () => {
  it('carry the enum and the paragraph on Container.imagePullPolicy', () => {
    const p = prop('io.k8s.api.core.v1.Container', 'imagePullPolicy');
    expect(p?.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(p?.description).toMatch(/^Image pull policy\. /);
    expect(
      p?.description?.endsWith(
        enumFor('io.k8s.api.core.v1.Container', 'imagePullPolicy')?.doc ?? '?',
      ),
    ).toBe(true);
  });

  it('carry DeploymentStrategy.type and DaemonSetUpdateStrategy.type', () => {
    expect(prop('io.k8s.api.apps.v1.DeploymentStrategy', 'type')?.enum).toEqual([
      'Recreate',
      'RollingUpdate',
    ]);
    expect(prop('io.k8s.api.apps.v1.DaemonSetUpdateStrategy', 'type')?.enum).toEqual([
      'OnDelete',
      'RollingUpdate',
    ]);
  });

  it('put the enum of a list of enum values on its items, without a paragraph', () => {
    const p = prop('io.k8s.api.core.v1.ServiceSpec', 'ipFamilies');
    expect(p?.enum).toBeUndefined();
    expect(p?.items?.enum).toEqual(['', 'IPv4', 'IPv6']);
    expect(p?.description).not.toContain('Possible enum values');
  });

  it('have an enum wherever the table names a served property, and nowhere else', () => {
    const inTable = new Set<string>();
    for (const [type, props] of Object.entries(ENUMS)) {
      for (const [name, info] of Object.entries(props)) {
        const p = prop(type, name);
        if (!p) continue; // a field kubernetes-types does not have
        inTable.add(`${type}.${name}`);
        expect(p.enum ?? p.items?.enum).toEqual(info.values);
      }
    }
    for (const [type, s] of Object.entries(schemas)) {
      for (const [name, p] of Object.entries(s.properties ?? {})) {
        if (p.enum || p.items?.enum) expect(inTable).toContain(`${type}.${name}`);
      }
    }
  });
});
