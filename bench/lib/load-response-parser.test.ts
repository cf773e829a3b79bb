import { describe, expect, it } from 'vitest';
import { ResponseParser } from './load-response-parser.js';

const fixed = (status: number, body: string): string =>
  `HTTP/1.1 ${status} X\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe('ResponseParser', () => {
  it('parses back-to-back Content-Length responses split anywhere', () => {
    const wire = Buffer.from(fixed(201, '{"a":1}') + fixed(404, 'nope'));
    for (let cut = 1; cut < wire.length; cut++) {
      const p = new ResponseParser();
      p.keepBody = true;
      const got = [...p.push(wire.subarray(0, cut)), ...p.push(wire.subarray(cut))];
      expect(got.map((r) => [r.status, r.body?.toString()])).toEqual([
        [201, '{"a":1}'],
        [404, 'nope'],
      ]);
    }
  });

  it('decodes chunked bodies and counts bytes without keeping them', () => {
    const wire =
      'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\na\r\n0123456789\r\n0\r\n\r\n';
    const p = new ResponseParser();
    p.keepBody = true;
    expect(p.push(Buffer.from(wire))).toEqual([
      { status: 200, bodyLength: 13, body: Buffer.from('abc0123456789') },
    ]);
    p.keepBody = false;
    expect(p.push(Buffer.from(fixed(200, 'xyz')))).toEqual([{ status: 200, bodyLength: 3 }]);
  });

  it('refuses a response with no length', () => {
    expect(() => new ResponseParser().push(Buffer.from('HTTP/1.1 200 OK\r\n\r\n'))).toThrow(
      'without a length',
    );
  });
});
