import { describe, expect, it } from 'vitest';
import { parseTerminalSize, TerminalSizeDecoder, TerminalSizeQueue } from './terminal-size-queue.js';

describe('TerminalSizeDecoder', () => {
  it('splits concatenated and fragmented JSON objects', async () => {
    const q = new TerminalSizeQueue();
    const events: unknown[] = [];
    q.on('resize', (s) => events.push(s));
    const d = new TerminalSizeDecoder(q);
    d.write('{"Width":80,"Height":24}\n{"Wid');
    d.write('th":120,"Height":40}\n');
    d.write('{bad}\n');
    q.end();
    const got = [];
    for await (const s of q) got.push(s);
    expect(got).toEqual([
      { width: 80, height: 24 },
      { width: 120, height: 40 },
    ]);
    expect(events).toEqual(got);
  });

  it('ignores pushes after the end', async () => {
    const q = new TerminalSizeQueue();
    q.end();
    q.push({ width: 1, height: 1 });
    expect(await q[Symbol.asyncIterator]().next()).toEqual({ value: undefined, done: true });
  });

  it('reads missing fields as 0', () => {
    expect(parseTerminalSize('{"Width":5}')).toEqual({ width: 5, height: 0 });
    expect(parseTerminalSize('{')).toBeUndefined();
  });
});
