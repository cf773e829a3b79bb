import { describe, expect, it } from 'vitest';
import { cronScheduleError } from './cron-schedule.js';

describe('cronScheduleError', () => {
  it.each([
    ['*/5 * * * *', undefined],
    ['0 0 1 jan,jul sun', undefined],
    ['0-59/15 9-17 * * 1-5', undefined],
    ['@hourly', undefined],
    ['@every 5m', undefined],
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['@weird', 'unrecognized descriptor: @weird'],
  ])('%j', (spec, want) => {
    expect(cronScheduleError(spec)).toBe(want);
  });
});
