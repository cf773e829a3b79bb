import { describe, expect, it } from 'vitest';
import { decodeMessage, type DecodeContext } from './message-decoder.js';
import { field, type MessageTable } from './schema/field-spec.js';
import { MESSAGES } from './schema/index.js';
import { WIRE_FIXED64 } from './wire-reader.js';
import { WireWriter } from './wire-writer.js';

/** A made-up schema exercising every rule; field numbers are arbitrary. */
const TABLE: MessageTable = {
  'test.Thing': [
    field('name', 1, 'string'),
    field('image', 2, 'string', 'omitempty'),
    field('replicas', 3, 'int32', 'ptr', 'omitempty'),
    field('port', 4, 'int32'),
    field('paused', 5, 'bool', 'omitempty'),
    field('allowed', 6, 'bool'),
    field('args', 7, 'string', 'repeated', 'omitempty'),
    field('rules', 8, 'test.Rule', 'repeated'),
    field('resources', 9, 'test.Empty', 'omitempty'),
    field('probe', 10, 'test.Empty', 'ptr', 'omitempty'),
    field('labels', 11, 'map<string>', 'omitempty'),
    field('data', 12, 'map<bytes>', 'omitempty'),
    field('limits', 13, 'map<resource.Quantity>', 'omitempty'),
    field('source', 14, 'test.Source', 'inline'),
    field('created', 15, 'meta.v1.Time', 'omitempty'),
    field('target', 16, 'intstr.IntOrString', 'omitempty'),
    field('groups', 17, 'int64', 'repeated', 'omitempty'),
    field('ratio', 18, 'double', 'omitempty'),
    field('payload', 19, 'bytes', 'omitempty'),
    field('selector', 20, 'map<string>'),
  ],
  'test.Rule': [field('verb', 1, 'string'), field('values', 2, 'string', 'repeated')],
  'test.Empty': [],
  'test.Source': [
    field('hostPath', 1, 'test.Rule', 'ptr', 'omitempty'),
    field('emptyDir', 2, 'test.Empty', 'ptr', 'omitempty'),
  ],
};

function decode(buf: Uint8Array, type = 'test.Thing', messages = TABLE) {
  const ctx: DecodeContext = { messages, unknownFields: [] };
  return { object: decodeMessage(buf, type, ctx), unknownFields: ctx.unknownFields };
}

/** What gogo-protobuf writes for a Thing with only `name` set: every non-pointer field. */
function zeroThing(): WireWriter {
  return new WireWriter()
    .bytesField(1, 'web')
    .bytesField(2, '')
    .varintField(4, 0)
    .varintField(5, false)
    .varintField(6, false)
    .bytesField(9, new Uint8Array())
    .bytesField(14, new Uint8Array())
    .bytesField(15, new Uint8Array())
    .bytesField(16, new Uint8Array())
    .fixed64Field(18, 0n);
}

describe('decodeMessage', () => {
  it('follows Go JSON for zero values: omitempty drops, non-omitempty keeps, structs marshal, nil slices are null', () => {
    expect(decode(zeroThing().finish()).object).toEqual({
      name: 'web',
      port: 0,
      allowed: false,
      rules: null,
      resources: {},
      target: 0,
      selector: null,
    });
  });

  it('keeps pointer fields that are set, even to zero', () => {
    const { object } = decode(
      zeroThing().varintField(3, 0).bytesField(10, new Uint8Array()).finish(),
    );
    expect(object).toMatchObject({ replicas: 0, probe: {} });
  });

  it('fills non-omitempty scalars and non-pointer structs that another encoder left out', () => {
    expect(decode(new Uint8Array()).object).toEqual({
      name: '',
      port: 0,
      allowed: false,
      rules: null,
      resources: {},
      target: 0,
      selector: null,
    });
  });

  it('decodes repeated scalars, packed or not, and repeated messages', () => {
    const packed = new WireWriter().varint(1000).varint(-1).finish();
    const rule = new WireWriter()
      .bytesField(1, 'get')
      .bytesField(2, 'a')
      .bytesField(2, 'b')
      .finish();
    const buf = zeroThing()
      .bytesField(7, 'sh')
      .bytesField(7, '-c')
      .varintField(17, 5)
      .bytesField(17, packed)
      .bytesField(8, rule)
      .finish();
    expect(decode(buf).object).toMatchObject({
      args: ['sh', '-c'],
      groups: [5, 1000, -1],
      rules: [{ verb: 'get', values: ['a', 'b'] }],
    });
  });

  it('decodes maps of strings, bytes (base64) and Quantities, with Go zero values for absent parts', () => {
    const entry = (k: string, v?: Uint8Array | string) => {
      const w = new WireWriter().bytesField(1, k);
      if (v !== undefined) w.bytesField(2, v);
      return w.finish();
    };
    const quantity = (s: string) => new WireWriter().bytesField(1, s).finish();
    const buf = zeroThing()
      .bytesField(11, entry('app', 'web'))
      .bytesField(11, entry('tier'))
      .bytesField(12, entry('password', 's3cr3t!'))
      .bytesField(13, entry('cpu', quantity('500m')))
      .bytesField(13, entry('memory'))
      .finish();
    expect(decode(buf).object).toMatchObject({
      labels: { app: 'web', tier: '' },
      data: { password: 'czNjcjN0IQ==' },
      limits: { cpu: '500m', memory: '0' },
    });
  });

  it('merges inline members into the parent object', () => {
    const hostPath = new WireWriter().bytesField(1, 'mount').finish();
    const source = new WireWriter().bytesField(1, hostPath).finish();
    const { object } = decode(zeroThing().bytesField(14, source).finish());
    expect(object.hostPath).toEqual({ verb: 'mount', values: null });
    expect(object).not.toHaveProperty('source');
  });

  it('merges repeated occurrences of a singular message field, as protobuf does', () => {
    const a = new WireWriter().bytesField(1, new WireWriter().bytesField(1, 'x').finish()).finish();
    const b = new WireWriter().bytesField(2, new Uint8Array()).finish();
    const { object } = decode(zeroThing().bytesField(14, a).bytesField(14, b).finish());
    expect(object).toMatchObject({ hostPath: { verb: 'x' }, emptyDir: {} });
  });

  it('lets the last occurrence of a singular scalar win', () => {
    const { object } = decode(zeroThing().bytesField(1, 'second').finish());
    expect(object.name).toBe('second');
  });

  it('converts well-known types and bytes', () => {
    const time = new WireWriter().varintField(1, 1795821485).finish();
    const port = new WireWriter().varintField(1, 1).bytesField(3, 'http').finish();
    const buf = zeroThing()
      .bytesField(15, time)
      .bytesField(16, port)
      .fixed64Field(18, 0x3fe0000000000000n)
      .bytesField(19, 'hi')
      .finish();
    expect(decode(buf).object).toMatchObject({
      created: '2026-11-27T23:18:05Z',
      target: 'http',
      ratio: 0.5,
      payload: 'aGk=',
    });
  });

  it('skips and records unknown fields with their JSON path', () => {
    const rule = new WireWriter().bytesField(1, 'get').varintField(7, 1).finish();
    const buf = zeroThing().varintField(99, 1).bytesField(8, rule).fixed64Field(98, 0n).finish();
    const { object, unknownFields } = decode(buf);
    expect(object.rules).toEqual([{ verb: 'get', values: null }]);
    expect(unknownFields).toEqual(['#99', '#98', 'rules[0]#7']);
  });

  it('rejects a known field sent with the wrong wire type', () => {
    const buf = new WireWriter().tag(4, WIRE_FIXED64).fixed64(1n).finish();
    expect(() => decode(buf)).toThrow('proto: wrong wireType = 1 for field port');
    expect(() => decode(new WireWriter().varintField(8, 1).finish())).toThrow(
      'proto: wrong wireType = 0 for field rules',
    );
  });

  it('decodes with the generated tables: a ServicePort keeps port 0 and drops nodePort 0', () => {
    const targetPort = new WireWriter()
      .varintField(1, 0)
      .varintField(2, 8080)
      .bytesField(3, '')
      .finish();
    const servicePort = new WireWriter()
      .bytesField(1, '')
      .bytesField(2, 'TCP')
      .varintField(3, 0)
      .bytesField(4, targetPort)
      .varintField(5, 0)
      .finish();
    expect(decode(servicePort, 'core.v1.ServicePort', MESSAGES).object).toEqual({
      protocol: 'TCP',
      port: 0,
      targetPort: 8080,
    });
  });
});
