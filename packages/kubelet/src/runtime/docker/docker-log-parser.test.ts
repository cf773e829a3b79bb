import { describe, expect, it } from 'vitest';
import { DockerLogParser } from './docker-log-parser.js';

const TS = '2026-11-27T23:07:03.989000000Z';
function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('DockerLogParser', () => {
  it('reads multiplexed frames split anywhere, one entry per frame', () => {
    const data = Buffer.concat([frame(1, `${TS} hello\n`), frame(2, `${TS} oops\n`), frame(1, `${TS} cut-at-16k`)]);
    const p = new DockerLogParser(false);
    const entries = [...p.push(data.subarray(0, 5)), ...p.push(data.subarray(5, 40)), ...p.push(data.subarray(40)), ...p.end()];
    expect(entries.map((e) => [e.stream, e.timestamp, e.content.toString(), e.partial])).toEqual([
      ['stdout', TS, 'hello', false],
      ['stderr', TS, 'oops', false],
      ['stdout', TS, 'cut-at-16k', true],
    ]);
  });
  it('reads TTY streams as stdout lines, dropping the carriage return', () => {
    const p = new DockerLogParser(true);
    const entries = [...p.push(Buffer.from(`${TS} one\r\n${TS} tw`)), ...p.push(Buffer.from('o\r\n')), ...p.push(Buffer.from(`${TS} end`)), ...p.end()];
    expect(entries.map((e) => [e.stream, e.content.toString(), e.partial])).toEqual([
      ['stdout', 'one', false],
      ['stdout', 'two', false],
      ['stdout', 'end', true],
    ]);
  });
});
