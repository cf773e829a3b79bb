import { describe, expect, it } from 'vitest';
import { decodeWatchStream, LineSplitter } from './watch-stream.js';

async function collect(chunks: (string | Buffer)[]): Promise<unknown[]> {
  async function* source(): AsyncGenerator<string | Buffer> {
    yield* chunks;
  }
  const out: unknown[] = [];
  for await (const ev of decodeWatchStream(source())) out.push(ev);
  return out;
}

const EVENTS = [
  { type: 'ADDED', object: { kind: 'Pod', metadata: { name: 'a', resourceVersion: '1' } } },
  {
    type: 'MODIFIED',
    object: { kind: 'Pod', metadata: { name: 'ü-b', annotations: { x: '日本' } } },
  },
  {
    type: 'ERROR',
    object: {
      kind: 'Status',
      code: 410,
      reason: 'Expired',
      message: 'too old resource version: 1 (5)',
    },
  },
];
const STREAM = Buffer.from(EVENTS.map((e) => JSON.stringify(e) + '\n').join(''));

describe('decodeWatchStream', () => {
  it('decodes one event per line, with ERROR events as events', async () => {
    expect(await collect([STREAM])).toEqual(EVENTS);
  });

  it('is robust to every possible chunk boundary, including inside multi-byte characters', async () => {
    const oneByteChunks = [...STREAM].map((b) => Buffer.from([b]));
    expect(await collect(oneByteChunks)).toEqual(EVENTS);
    for (let cut = 1; cut < STREAM.length; cut += 7) {
      expect(await collect([STREAM.subarray(0, cut), STREAM.subarray(cut)])).toEqual(EVENTS);
    }
  });

  it('accepts CRLF, blank lines and a last line without a newline', async () => {
    const text = `\r\n${JSON.stringify(EVENTS[0])}\r\n\n${JSON.stringify(EVENTS[1])}`;
    expect(await collect([text])).toEqual(EVENTS.slice(0, 2));
  });

  it('fails on a line that is not JSON', async () => {
    await expect(
      collect([`${JSON.stringify(EVENTS[0])}\n{"type":"ADD`, 'ED"\nnope\n']),
    ).rejects.toThrow('unable to decode an event from the watch stream');
  });

  it('fails on an unknown event type', async () => {
    await expect(collect(['{"type":"HELLO","object":{}}\n'])).rejects.toThrow(
      'got invalid watch event type: "HELLO"',
    );
  });
});

describe('LineSplitter', () => {
  it('keeps a partial line until its newline arrives', () => {
    const s = new LineSplitter();
    expect(s.push(Buffer.from('ab'))).toEqual([]);
    expect(s.push(Buffer.from('c\nd')).map(String)).toEqual(['abc']);
    expect(s.push(Buffer.from('\n\n')).map(String)).toEqual(['d', '']);
    expect(s.flush()).toBeUndefined();
  });
});
