import { describe, expect, it } from 'vitest';
import { parseBootTime, parseProcStat, readProcess, startTime } from './proc-status.js';

describe('proc status', () => {
  it('parses stat with a command name holding spaces and parentheses', () => {
    const text = '4242 (node (kube let)) S 1 4242 4242 0 -1 4194560 2000 0 0 0 10 5 0 0 20 0 11 0 123456 1000000 5000 18446744073709551615 ...\n';
    expect(parseProcStat(text)).toEqual({ state: 'S', startTicks: 123456 });
    expect(parseProcStat('garbage')).toBeUndefined();
  });

  it('computes the start time from boot time and ticks', () => {
    expect(parseBootTime('cpu  1 2 3\nbtime 1700000000\nprocesses 5\n')).toBe(1700000000);
    expect(startTime(1700000000, 250).toISOString()).toBe(new Date(1700000002500).toISOString());
  });

  it('reads this process', async () => {
    const me = await readProcess(process.pid);
    expect(me?.commandLine.join(' ')).toContain('node');
    expect(me?.since?.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await readProcess(2 ** 22 + 7)).toBeUndefined();
  });
});
