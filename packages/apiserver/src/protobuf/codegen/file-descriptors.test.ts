import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { WireWriter } from '../wire-writer.js';
import { PROTO_TYPE, decodeFile, findEmbeddedFileDescriptors } from './file-descriptors.js';

/** A FileDescriptorProto with one message holding a scalar, a repeated message and a map. */
function descriptor(): Uint8Array {
  const fieldProto = (name: string, no: number, label: number, type: number, typeName = '') => {
    const w = new WireWriter().bytesField(1, name).varintField(3, no).varintField(4, label);
    w.varintField(5, type);
    if (typeName) w.bytesField(6, typeName);
    return w.finish();
  };
  const entry = new WireWriter()
    .bytesField(1, 'LabelsEntry')
    .bytesField(2, fieldProto('key', 1, 1, PROTO_TYPE.string))
    .bytesField(2, fieldProto('value', 2, 1, PROTO_TYPE.string))
    .bytesField(7, new WireWriter().varintField(7, 1).finish())
    .finish();
  const message = new WireWriter()
    .bytesField(1, 'Thing')
    .bytesField(2, fieldProto('name', 1, 1, PROTO_TYPE.string))
    .bytesField(2, fieldProto('items', 2, 3, PROTO_TYPE.message, '.k8s.io.api.test.v1.Item'))
    .bytesField(3, entry)
    .finish();
  return new WireWriter()
    .bytesField(1, 'k8s.io/api/test/v1/generated.proto')
    .bytesField(2, 'k8s.io.api.test.v1')
    .bytesField(4, message)
    .bytesField(8, new WireWriter().bytesField(11, 'k8s.io/api/test/v1').finish())
    .finish();
}

it('decodes a FileDescriptorProto', () => {
  expect(decodeFile(descriptor())).toEqual({
    name: 'k8s.io/api/test/v1/generated.proto',
    package: 'k8s.io.api.test.v1',
    goPackage: 'k8s.io/api/test/v1',
    messages: [
      {
        name: 'Thing',
        mapEntry: false,
        fields: [
          { name: 'name', number: 1, repeated: false, type: PROTO_TYPE.string, typeName: '' },
          {
            name: 'items',
            number: 2,
            repeated: true,
            type: PROTO_TYPE.message,
            typeName: '.k8s.io.api.test.v1.Item',
          },
        ],
        nested: [
          {
            name: 'LabelsEntry',
            mapEntry: true,
            fields: [
              { name: 'key', number: 1, repeated: false, type: PROTO_TYPE.string, typeName: '' },
              { name: 'value', number: 2, repeated: false, type: PROTO_TYPE.string, typeName: '' },
            ],
            nested: [],
          },
        ],
      },
    ],
  });
});

it('finds gzipped descriptors embedded among other bytes, ignoring other gzip streams', () => {
  const other = gzipSync(Buffer.from('not a descriptor'));
  const binary = Buffer.concat([
    Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0xff]), // a truncated header
    Buffer.alloc(64, 0x90),
    other,
    gzipSync(Buffer.from(descriptor())),
    Buffer.alloc(64, 0x90),
  ]);
  const files = findEmbeddedFileDescriptors(binary);
  expect([...files.keys()]).toEqual(['k8s.io/api/test/v1/generated.proto']);
  expect(files.get('k8s.io/api/test/v1/generated.proto')?.messages[0]?.name).toBe('Thing');
});
