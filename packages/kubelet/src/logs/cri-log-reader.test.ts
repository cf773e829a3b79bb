import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCriLog, type ReadCriLogOptions } from './cri-log-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-crilog-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const T1 = '2026-11-27T23:07:01.000000001Z';
const T2 = '2026-11-27T23:07:02.5Z';
const T3 = '2026-11-27T23:07:03.000000003Z';
const LOG = [
  `${T1} stdout F one\n`,
  `${T1} stderr F two (stderr)\n`,
  `${T2} stdout P long-`,
  `\n${T2} stdout F line\n`,
  `${T3} stdout F three\n`,
].join('');

function file(content: string): string {
  const path = join(dir, `${n++}.log`);
  writeFileSync(path, content);
  return path;
}

async function read(path: string, opts: ReadCriLogOptions = {}): Promise<string> {
  let out = '';
  for await (const chunk of readCriLog(path, opts)) out += chunk.toString();
  return out;
}

describe('readCriLog', () => {
  it('shows content only, stdout and stderr together, partial lines joined', async () => {
    expect(await read(file(LOG))).toBe('one\ntwo (stderr)\nlong-line\nthree\n');
  });

  it('prefixes every message with its RFC3339NanoFixed timestamp', async () => {
    expect(await read(file(LOG), { timestamps: true })).toBe(
      `${T1} one\n${T1} two (stderr)\n2026-11-27T23:07:02.500000000Z long-2026-11-27T23:07:02.500000000Z line\n${T3} three\n`,
    );
  });

  it('tails file lines (a P piece counts as a line)', async () => {
    const path = file(LOG);
    expect(await read(path, { tailLines: 1 })).toBe('three\n');
    expect(await read(path, { tailLines: 2 })).toBe('line\nthree\n');
    expect(await read(path, { tailLines: 0 })).toBe('');
    expect(await read(path, { tailLines: 99 })).toBe('one\ntwo (stderr)\nlong-line\nthree\n');
  });

  it('drops messages before sinceTime', async () => {
    const path = file(LOG);
    expect(await read(path, { sinceTime: '2026-11-27T23:07:02Z' })).toBe('long-line\nthree\n');
    expect(await read(path, { sinceTime: new Date('2026-11-27T23:07:03Z') })).toBe('three\n');
  });

  it('cuts the output at limitBytes, timestamps included', async () => {
    const path = file(LOG);
    expect(await read(path, { limitBytes: 6 })).toBe('one\ntw');
    expect(await read(path, { limitBytes: 34, timestamps: true })).toBe(`${T1} one`);
  });

  it('shows an incomplete last line and skips lines it cannot parse', async () => {
    expect(await read(file(`garbage\n${T1} stdout F ok\n${T3} stdout F cut`))).toBe('ok\ncut');
  });

  it('follows new lines until the writer is done, then drains the file', async () => {
    const path = file(`${T1} stdout F first\n`);
    let active = true;
    const gen = readCriLog(path, { follow: true, isActive: () => active });
    expect(String((await gen.next()).value)).toBe('first\n');
    const next = gen.next();
    appendFileSync(path, `${T2} stdout F second\n`);
    expect(String((await next).value)).toBe('second\n');
    const last = gen.next();
    appendFileSync(path, `${T3} stdout F third\n`);
    active = false;
    expect(String((await last).value)).toBe('third\n');
    expect((await gen.next()).done).toBe(true);
  });

  it('stops following when aborted', async () => {
    const path = file(`${T1} stdout F first\n`);
    const abort = new AbortController();
    const gen = readCriLog(path, { follow: true, signal: abort.signal });
    expect(String((await gen.next()).value)).toBe('first\n');
    const next = gen.next();
    abort.abort();
    expect((await next).done).toBe(true);
  });
});
