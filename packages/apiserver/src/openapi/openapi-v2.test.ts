import { describe, expect, it } from 'vitest';
import { openApiV2Protobuf } from './openapi-v2.js';

/** A generic protobuf reader: field number -> list of raw values (Buffers or numbers). */
function decode(buf: Buffer): Map<number, (Buffer | number)[]> {
  const out = new Map<number, (Buffer | number)[]>();
  let i = 0;
  const readVarint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[i++] ?? 0;
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  while (i < buf.length) {
    const tag = readVarint();
    const field = Math.floor(tag / 8);
    let value: Buffer | number;
    if (tag % 8 === 2) {
      const length = readVarint();
      value = buf.subarray(i, i + length);
      i += length;
    } else value = readVarint();
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

const str = (v: Buffer | number | undefined): string =>
  Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
const msg = (v: Buffer | number | undefined): Map<number, (Buffer | number)[]> =>
  decode(v as Buffer);

describe('openApiV2Protobuf', () => {
  const doc = decode(openApiV2Protobuf());
  const paths = new Map(
    (msg(doc.get(8)?.[0]).get(2) ?? []).map((named) => {
      const item = msg(named);
      return [str(item.get(1)?.[0]), msg(item.get(2)?.[0])] as const;
    }),
  );

  it('is a swagger 2.0 document without definitions', () => {
    expect(str(doc.get(1)?.[0])).toBe('2.0');
    const info = msg(doc.get(2)?.[0]);
    expect(str(info.get(1)?.[0])).toBe('Kubernetes');
    expect(str(info.get(2)?.[0])).toMatch(/^v1\.\d+\.\d+$/);
    expect(doc.has(9)).toBe(false);
  });

  it('has a PATCH operation per kind with fieldValidation and the GVK extension kubectl looks for', () => {
    const pod = paths.get('/api/v1/namespaces/{namespace}/pods/{name}');
    const patch = msg(pod?.get(8)?.[0]);
    expect(str(patch.get(5)?.[0])).toBe('patchCoreV1NamespacedPod');
    const queryNames = (patch.get(8) ?? []).map((item) => {
      const nonBody = msg(msg(msg(item).get(1)?.[0]).get(2)?.[0]);
      return str(msg(nonBody.get(3)?.[0]).get(4)?.[0]);
    });
    expect(queryNames).toContain('fieldValidation');
    const extensions = new Map(
      (patch.get(13) ?? []).map((e) => [
        str(msg(e).get(1)?.[0]),
        str(msg(msg(e).get(2)?.[0]).get(2)?.[0]),
      ]),
    );
    expect(extensions.get('x-kubernetes-group-version-kind')).toBe(
      'group: ""\nkind: Pod\nversion: v1\n',
    );
    expect(extensions.get('x-kubernetes-action')).toBe('patch\n');
    const deploy = msg(
      paths.get('/apis/apps/v1/namespaces/{namespace}/deployments/{name}')?.get(8)?.[0],
    );
    const deployGvk = (deploy.get(13) ?? []).map((e) => str(msg(msg(e).get(2)?.[0]).get(2)?.[0]));
    expect(deployGvk).toContain('group: apps\nkind: Deployment\nversion: v1\n');
  });

  it('is built once', () => {
    expect(openApiV2Protobuf()).toBe(openApiV2Protobuf());
  });
});
