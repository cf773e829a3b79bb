/**
 * systemd's time and size formats as `systemctl status` prints them: format_timestamp
 * (`Wed 2025-11-27 23:39:58 UTC`), format_timestamp_relative (`5min ago`, `1h 2min ago`),
 * format_timespan at millisecond accuracy (`1.532s`, `2min 3.5s`) and format_bytes (`58.3M`).
 */
const USEC_PER_SEC = 1_000_000;
const USEC_PER_MINUTE = 60 * USEC_PER_SEC;
const USEC_PER_HOUR = 60 * USEC_PER_MINUTE;
const USEC_PER_DAY = 24 * USEC_PER_HOUR;
const USEC_PER_WEEK = 7 * USEC_PER_DAY;
const USEC_PER_MONTH = 2_629_800 * USEC_PER_SEC;
const USEC_PER_YEAR = 31_557_600 * USEC_PER_SEC;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function zoneName(at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'UTC';
}

/** `%a %Y-%m-%d %H:%M:%S %Z` in local time. */
export function formatTimestamp(at: Date): string {
  return `${DAYS[at.getDay()]} ${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())} ${zoneName(at)}`;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export function formatTimestampRelative(at: Date, now: Date): string {
  let d = (now.getTime() - at.getTime()) * 1000;
  const s = d >= 0 ? 'ago' : 'left';
  d = Math.abs(d);
  const div = (a: number, b: number): number => Math.trunc(a / b);
  if (d >= USEC_PER_YEAR) {
    const y = div(d, USEC_PER_YEAR);
    const m = div(d % USEC_PER_YEAR, USEC_PER_MONTH);
    return `${y} ${plural(y, 'year', 'years')} ${m} ${plural(m, 'month', 'months')} ${s}`;
  }
  if (d >= USEC_PER_MONTH) {
    const m = div(d, USEC_PER_MONTH);
    const days = div(d % USEC_PER_MONTH, USEC_PER_DAY);
    return `${m} ${plural(m, 'month', 'months')} ${days} ${plural(days, 'day', 'days')} ${s}`;
  }
  if (d >= USEC_PER_WEEK) {
    const w = div(d, USEC_PER_WEEK);
    const days = div(d % USEC_PER_WEEK, USEC_PER_DAY);
    return `${w} ${plural(w, 'week', 'weeks')} ${days} ${plural(days, 'day', 'days')} ${s}`;
  }
  if (d >= 2 * USEC_PER_DAY) return `${div(d, USEC_PER_DAY)} days ${s}`;
  if (d >= 25 * USEC_PER_HOUR) return `1 day ${div(d - USEC_PER_DAY, USEC_PER_HOUR)}h ${s}`;
  if (d >= 6 * USEC_PER_HOUR) return `${div(d, USEC_PER_HOUR)}h ${s}`;
  if (d >= USEC_PER_HOUR) return `${div(d, USEC_PER_HOUR)}h ${div(d % USEC_PER_HOUR, USEC_PER_MINUTE)}min ${s}`;
  if (d >= 5 * USEC_PER_MINUTE) return `${div(d, USEC_PER_MINUTE)}min ${s}`;
  if (d >= USEC_PER_MINUTE) return `${div(d, USEC_PER_MINUTE)}min ${div(d % USEC_PER_MINUTE, USEC_PER_SEC)}s ${s}`;
  if (d >= USEC_PER_SEC) return `${div(d, USEC_PER_SEC)}s ${s}`;
  if (d >= 1000) return `${div(d, 1000)}ms ${s}`;
  if (d > 0) return `${d}us ${s}`;
  return 'now';
}

/** format_timespan(ms, USEC_PER_MSEC): `1.532s`, `2min 3.5s`, `1h 2min 3s`, `250ms`. */
export function formatTimespan(ms: number): string {
  const units: [string, number][] = [
    ['y', 31_557_600_000],
    ['month', 2_629_800_000],
    ['w', 604_800_000],
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
    ['s', 1000],
    ['ms', 1],
  ];
  let t = Math.trunc(ms);
  if (t <= 0) return '0';
  const parts: string[] = [];
  for (const [suffix, size] of units) {
    if (t <= 0) break;
    if (t < size) continue;
    const a = Math.trunc(t / size);
    const b = t % size;
    if (suffix === 's' && b > 0) {
      parts.push(`${a}.${String(b).padStart(3, '0').replace(/0+$/, '')}s`);
      t = 0;
      break;
    }
    parts.push(`${a}${suffix}`);
    t = b;
  }
  return parts.join(' ');
}

/** format_bytes: base 1024, one truncated decimal (`58.3M`), bytes as `512B`. */
export function formatBytes(bytes: number): string {
  const units: [string, number][] = [
    ['E', 2 ** 60],
    ['P', 2 ** 50],
    ['T', 2 ** 40],
    ['G', 2 ** 30],
    ['M', 2 ** 20],
    ['K', 2 ** 10],
  ];
  for (const [suffix, factor] of units) {
    if (bytes >= factor) return `${Math.trunc(bytes / factor)}.${Math.trunc((bytes * 10) / factor) % 10}${suffix}`;
  }
  return `${Math.trunc(bytes)}B`;
}
