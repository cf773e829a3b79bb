import { describe, expect, it } from 'vitest';
import {
  formatCriLines,
  formatTimestampNanos,
  MAX_LOG_LINE_BYTES,
  parseCriLine,
  parseTimestampNanos,
  toUnixSecondsString,
} from './cri-format.js';

const TS = '2026-11-27T23:07:03.989000000Z';

describe('timestamps', () => {
  it('parses fixed and lenient RFC 3339 and prints RFC3339NanoFixed', () => {
    const n = parseTimestampNanos(TS);
    expect(n).toBe(1_795_820_823_989_000_000n);
    expect(parseTimestampNanos('2026-11-27T23:07:03.989Z')).toBe(n);
    expect(parseTimestampNanos('2026-11-28T00:07:03.989+01:00')).toBe(n);
    expect(parseTimestampNanos('2026-11-27T23:07:03Z')).toBe(1_795_820_823_000_000_000n);
    expect(parseTimestampNanos('yesterday')).toBeUndefined();
    expect(formatTimestampNanos(1_795_820_823_000_000_123n)).toBe('2026-11-27T23:07:03.000000123Z');
    expect(toUnixSecondsString(1_795_820_823_000_000_123n)).toBe('1795820823.000000123');
  });
});

describe('formatCriLines', () => {
  it('writes a complete line tagged F', () => {
    const lines = formatCriLines({ stream: 'stdout', timestamp: TS, content: Buffer.from('hello'), partial: false });
    expect(lines.map(String)).toEqual([`${TS} stdout F hello\n`]);
  });
  it('writes an empty line', () => {
    const lines = formatCriLines({ stream: 'stderr', timestamp: TS, content: Buffer.alloc(0), partial: false });
    expect(lines.map(String)).toEqual([`${TS} stderr F \n`]);
  });
  it('splits content over 16 KiB into P pieces and an F end', () => {
    const content = Buffer.alloc(MAX_LOG_LINE_BYTES * 2 + 5, 'a');
    const lines = formatCriLines({ stream: 'stdout', timestamp: TS, content, partial: false });
    expect(lines.map((l) => l.subarray(0, TS.length + 10).toString())).toEqual([
      `${TS} stdout P `,
      `${TS} stdout P `,
      `${TS} stdout F `,
    ]);
    expect(lines[2]?.toString()).toBe(`${TS} stdout F aaaaa\n`);
  });
  it('tags a runtime-partial entry P', () => {
    const lines = formatCriLines({ stream: 'stdout', timestamp: TS, content: Buffer.from('abc'), partial: true });
    expect(lines.map(String)).toEqual([`${TS} stdout P abc\n`]);
  });
});

describe('parseCriLine', () => {
  it('keeps the newline of a full line and drops it from a partial one', () => {
    expect(parseCriLine(Buffer.from(`${TS} stderr F oops: a b\n`))).toMatchObject({
      stream: 'stderr',
      partial: false,
      content: Buffer.from('oops: a b\n'),
    });
    expect(parseCriLine(Buffer.from(`${TS} stdout P part\n`))).toMatchObject({ partial: true, content: Buffer.from('part') });
  });
  it('rejects what is not CRI format', () => {
    expect(parseCriLine(Buffer.from('{"log":"x"}\n'))).toBeUndefined();
    expect(parseCriLine(Buffer.from(`${TS} stdin F x\n`))).toBeUndefined();
    expect(parseCriLine(Buffer.from(`${TS} stdout\n`))).toBeUndefined();
  });
});
