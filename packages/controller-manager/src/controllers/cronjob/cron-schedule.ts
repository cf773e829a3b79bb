/**
 * Next activation times of a standard cron schedule, as robfig/cron/v3's SpecSchedule.Next
 * computes them (5 fields, @hourly/@daily/..., @every, TZ=/CRON_TZ= prefixes), in an IANA time
 * zone. Day of month and day of week are OR-ed unless either is a plain `*`.
 */
import { cronScheduleError } from '@kubelab/api';

export interface CronSchedule {
  /** The first activation strictly after `afterMs`, or undefined if there is none in 5 years. */
  next(afterMs: number): number | undefined;
}

const STAR = 1n << 63n;
const BOUNDS = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  {
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
    base: 1,
  },
  { min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], base: 0 },
] as const;
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function value(expr: string, field: (typeof BOUNDS)[number]): number {
  const names = 'names' in field ? (field.names as readonly string[]) : undefined;
  const i = names?.indexOf(expr.toLowerCase()) ?? -1;
  return i >= 0 && 'base' in field ? i + field.base : Number(expr);
}

function fieldBits(text: string, field: (typeof BOUNDS)[number]): bigint {
  let bits = 0n;
  for (const expr of text.split(',')) {
    const [range = '', stepText] = expr.split('/');
    const [low = '', high] = range.split('-');
    let start: number;
    let end: number;
    let extra = 0n;
    if (low === '*' || low === '?') {
      start = field.min;
      end = field.max;
      extra = STAR;
    } else {
      start = value(low, field);
      end = high === undefined ? start : value(high, field);
    }
    let step = 1;
    if (stepText !== undefined) {
      step = Number(stepText);
      if (high === undefined && extra === 0n) end = field.max;
      if (step > 1) extra = 0n;
    }
    for (let v = start; v <= end; v += step) bits |= 1n << BigInt(v);
    bits |= extra;
  }
  return bits;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of an instant in a zone. */
function wallClock(
  ms: number,
  timeZone: string,
): { min: number; hour: number; dom: number; month: number; dow: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      minute: 'numeric',
      hour: 'numeric',
      day: 'numeric',
      month: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  return {
    min: Number(parts['minute']),
    hour: Number(parts['hour']),
    dom: Number(parts['day']),
    month: Number(parts['month']),
    dow: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts['weekday'] ?? ''),
  };
}

/** time.LoadLocation's check; returns Go's error text for an unknown zone. */
export function timeZoneError(timeZone: string): string | undefined {
  if (timeZone === '' || timeZone === 'UTC' || timeZone === 'Local') return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return undefined;
  } catch {
    return `unknown time zone ${timeZone}`;
  }
}

const MINUTE = 60_000;
const HORIZON = 5 * 366 * 24 * 60 * MINUTE;
const has = (bits: bigint, v: number): boolean => (bits & (1n << BigInt(v))) !== 0n;

function parseEvery(text: string): number | undefined {
  const m = /^((?:\d+(?:\.\d+)?(?:h|m|s|ms))+)$/.exec(text.trim());
  if (!m) return undefined;
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    const scale: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
    ms += Number(n) * (scale[unit ?? 's'] ?? 0);
  }
  return ms;
}

/**
 * Parses a schedule (cron.ParseStandard); throws robfig's error text for an invalid one.
 * `timeZone` applies unless the spec carries its own TZ= prefix.
 */
export function parseCronSchedule(spec: string, timeZone = 'UTC'): CronSchedule {
  const err = cronScheduleError(spec);
  if (err) throw new Error(err);
  let rest = spec.trim();
  let zone = timeZone || 'UTC';
  const tz = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(rest);
  if (tz) {
    zone = tz[1] ?? zone;
    rest = (tz[2] ?? '').trim();
  }
  if (rest.startsWith('@every ')) {
    const every = Math.max(1000, parseEvery(rest.slice(7)) ?? 0);
    const delay = every - (every % 1000);
    return { next: (after) => after - (after % 1000) + delay };
  }
  const fields = (DESCRIPTORS[rest] ?? rest).split(/\s+/);
  const [min, hour, dom, month, dow] = BOUNDS.map((b, i) => fieldBits(fields[i] ?? '*', b)) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const dayMatches = (w: ReturnType<typeof wallClock>): boolean => {
    const d = has(dom, w.dom);
    const wd = has(dow, w.dow);
    return (dom & STAR) !== 0n || (dow & STAR) !== 0n ? d && wd : d || wd;
  };
  return {
    next(after: number): number | undefined {
      let t = after - (after % MINUTE) + MINUTE;
      const end = after + HORIZON;
      while (t <= end) {
        const w = wallClock(t, zone);
        if (!has(month, w.month) || !dayMatches(w)) {
          t += (24 * 60 - (w.hour * 60 + w.min)) * MINUTE;
          continue;
        }
        if (!has(hour, w.hour)) {
          t += (60 - w.min) * MINUTE;
          continue;
        }
        if (!has(min, w.min)) {
          t += MINUTE;
          continue;
        }
        return t;
      }
      return undefined;
    },
  };
}

/** The scheduled time as RFC 3339 in the zone (Go's Format(time.RFC3339) after In(location)). */
export function formatInZone(ms: number, timeZone: string): string {
  const zone = timeZone || 'UTC';
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  const wall = Date.UTC(
    Number(p['year']),
    Number(p['month']) - 1,
    Number(p['day']),
    Number(p['hour']),
    Number(p['minute']),
    Number(p['second']),
  );
  const offsetMin = Math.round((wall - (ms - (ms % 1000))) / MINUTE);
  const date = `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}:${p['second']}`;
  if (offsetMin === 0) return `${date}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${date}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
