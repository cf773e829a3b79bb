import { describe, expect, it } from 'vitest';
import { parseCriLogLine, renderCriLogLine } from './cri-log.js';

describe('CRI log lines', () => {
  it('parses full and partial lines of both streams', () => {
    const full = parseCriLogLine(Buffer.from('2025-11-27T23:07:03.989000000Z stderr F Error: unknown flag: --bad\n'));
    expect(full).toMatchObject({ timestamp: '2025-11-27T23:07:03.989000000Z', stream: 'stderr', partial: false });
    expect(full?.content.toString()).toBe('Error: unknown flag: --bad\n');
    const part = parseCriLogLine(Buffer.from('2025-11-27T23:07:03.989000000Z stdout P abc\n'));
    expect(part?.content.toString()).toBe('abc');
    expect(renderCriLogLine(full as NonNullable<typeof full>, true).toString()).toBe('2025-11-27T23:07:03.989000000Z Error: unknown flag: --bad\n');
  });

  it('keeps an empty message as an empty line and skips garbage', () => {
    expect(parseCriLogLine(Buffer.from('2025-11-27T23:07:03Z stdout F \n'))?.content.toString()).toBe('\n');
    expect(parseCriLogLine(Buffer.from('not a log line\n'))).toBeUndefined();
  });
});
