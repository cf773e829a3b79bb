import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeDrained } from './write-drained.js';

/** A sink that holds every write until release() is called. */
function slowSink(): { sink: Writable; release: () => void; received: string[] } {
  const received: string[] = [];
  let pending: (() => void)[] = [];
  const sink = new Writable({
    highWaterMark: 4,
    write(chunk: Buffer, _enc, cb) {
      received.push(chunk.toString());
      pending.push(() => cb());
    },
  });
  return {
    sink,
    received,
    release: () => {
      const p = pending;
      pending = [];
      for (const f of p) f();
    },
  };
}

describe('writeDrained', () => {
  it('resolves at once while the buffer has room', async () => {
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    await writeDrained(sink, 'x');
  });

  it('waits for drain when the buffer is full', async () => {
    const { sink, release, received } = slowSink();
    let done = false;
    const p = writeDrained(sink, 'abcdef').then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    release();
    await p;
    expect(received).toEqual(['abcdef']);
  });

  it('resolves when the stream closes instead of draining', async () => {
    const { sink } = slowSink();
    const p = writeDrained(sink, 'abcdef');
    sink.destroy();
    await p;
    expect(sink.destroyed).toBe(true);
  });
});
