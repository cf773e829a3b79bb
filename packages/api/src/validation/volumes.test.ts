import type { Container } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { FieldPath } from './field-errors.js';
import { validateVolumeMounts, validateVolumes } from './volumes.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const p = FieldPath.root('volumes');

describe('validateVolumes', () => {
  it.each([
    [[{ name: 'a', emptyDir: {} }], []],
    [[{ name: 'a' }], ['volumes[0]: Required value: must specify a volume type']],
    [[{ name: 'a', hostPath: { path: '/x/../y' } }], ['volumes[0].hostPath.path: Invalid value: "/x/../y": must not contain \'..\'']],
    [[{ name: 'a', hostPath: { path: '/x', type: 'Weird' } }], ['volumes[0].hostPath.type: Unsupported value: "Weird": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"']],
    [[{ name: 'a', configMap: { name: 'c', defaultMode: 0o1000 } }], ['volumes[0].configMap.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive']],
    [[{ name: 'a', secret: { secretName: 's', items: [{ key: 'k', path: '/abs' }] } }], ['volumes[0].secret.items[0].path: Invalid value: "/abs": must be a relative path']],
    [[{ name: 'a', emptyDir: {}, downwardAPI: {} }], ['volumes[0].downwarAPI: Forbidden: may not specify more than 1 volume type']],
    [[{ name: 'a', nfs: { server: 's', path: 'rel' } }], ['volumes[0].nfs.path: Invalid value: "rel": must be an absolute path']],
  ])('%j', (vols, want) => {
    expect(strs(validateVolumes(vols, p).errs)).toEqual(want);
  });
});

describe('validateVolumeMounts', () => {
  const vols = validateVolumes([{ name: 'data', emptyDir: {} }], p).volumes;
  const c: Container = { name: 'c' };
  it('requires unique paths and privileged bidirectional propagation', () => {
    expect(
      strs(
        validateVolumeMounts(
          [
            { name: 'data', mountPath: '/d' },
            { name: 'data', mountPath: '/d', mountPropagation: 'Bidirectional' },
          ],
          vols,
          c,
          FieldPath.root('volumeMounts'),
        ),
      ),
    ).toEqual([
      'volumeMounts[1].mountPath: Invalid value: "/d": must be unique',
      'volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers',
    ]);
  });
});
