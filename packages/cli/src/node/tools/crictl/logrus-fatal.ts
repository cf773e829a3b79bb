/**
 * How crictl reports a failure: logrus' Fatal through its text formatter. On a terminal:
 * `FATA[0000] <msg>`; elsewhere: `time="<RFC 3339>" level=fatal msg=<msg>`, the message
 * quoted when it holds anything but letters, digits and -._/@^+ (logrus needsQuoting).
 */
function quoteIfNeeded(s: string): string {
  return /^[A-Za-z0-9\-._/@^+]*$/.test(s) && s !== '' ? s : JSON.stringify(s);
}

/** Go's RFC 3339 of a local time without fraction: 2024-11-27T23:39:58Z or …+01:00. */
export function goRfc3339(at: Date): string {
  const off = -at.getTimezoneOffset();
  const local = new Date(at.getTime() + off * 60_000).toISOString().slice(0, 19);
  if (off === 0) return `${local}Z`;
  const sign = off > 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${local}${sign}${String(Math.trunc(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function fatalLine(message: string, opts: { tty: boolean; at: Date; elapsedSeconds: number }): string {
  if (opts.tty) return `FATA[${String(Math.trunc(opts.elapsedSeconds)).padStart(4, '0')}] ${message}\n`;
  return `time="${goRfc3339(opts.at)}" level=fatal msg=${quoteIfNeeded(message)}\n`;
}
