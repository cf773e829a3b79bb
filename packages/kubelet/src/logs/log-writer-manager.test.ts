import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noopLogger } from '@kubelab/api';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEntry } from './cri-format.js';
import { LogWriterManager, type ContainerLogSource } from './log-writer-manager.js';
import { readResumePoint } from './log-tail.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-logwriter-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const newPath = (): string => join(dir, `c${n++}`, '0.log');

const T1 = '2026-11-27T23:07:01.000000001Z';
const T2 = '2026-11-27T23:07:02.000000002Z';
const T3 = '2026-11-27T23:07:03.000000003Z';
const e = (timestamp: string, text: string, stream: 'stdout' | 'stderr' = 'stdout'): LogEntry => ({
  timestamp,
  stream,
  content: Buffer.from(text),
  partial: false,
});

/** A runtime whose containers' logs are given up front (the container already exited). */
class ScriptedSource implements ContainerLogSource {
  readonly calls: { id: string; sinceNanos?: bigint }[] = [];
  constructor(private readonly logs: Record<string, LogEntry[]>) {}
  async *streamLogs(id: string, opts: { sinceNanos?: bigint }): AsyncIterable<LogEntry> {
    this.calls.push({ id, sinceNanos: opts.sinceNanos });
    for (const entry of this.logs[id] ?? []) yield entry;
  }
}

describe('LogWriterManager', () => {
  it('writes each entry as a CRI line and keeps the file', async () => {
    const path = newPath();
    const source = new ScriptedSource({ c1: [e(T1, 'hello'), e(T2, 'oops', 'stderr')] });
    const m = new LogWriterManager({ source, logger: noopLogger });
    m.follow('c1', path);
    expect(m.isWriting(path)).toBe(true);
    await m.wait('c1');
    expect(m.isWriting(path)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(`${T1} stdout F hello\n${T2} stderr F oops\n`);
    m.follow('c1', path); // already complete in this process: no second pass
    await m.wait('c1');
    expect(source.calls).toHaveLength(1);
  });

  it('resumes after a restart from the last timestamp without duplicating lines', async () => {
    const path = newPath();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(path, '..'), { recursive: true });
    // The previous kubelet wrote three lines (two share T2) and died in the middle of a fourth.
    writeFileSync(path, `${T1} stdout F a\n${T2} stdout F b\n${T2} stdout F c\n${T3} stdout F hal`);
    const source = new ScriptedSource({
      // Docker answers `since=T2` with everything from T2 on.
      c2: [e(T2, 'b'), e(T2, 'c'), e(T3, 'half written'), e(T3, 'd')],
    });
    const m = new LogWriterManager({ source, logger: noopLogger });
    m.follow('c2', path);
    await m.wait('c2');
    expect(source.calls[0]?.sinceNanos).toBe(1_795_820_822_000_000_002n);
    expect(readFileSync(path, 'utf8')).toBe(
      `${T1} stdout F a\n${T2} stdout F b\n${T2} stdout F c\n${T3} stdout F half written\n${T3} stdout F d\n`,
    );
  });

  it('gives up on a container whose stream keeps failing', async () => {
    const path = newPath();
    let calls = 0;
    const source: ContainerLogSource = {
      // eslint-disable-next-line require-yield
      async *streamLogs() {
        calls += 1;
        throw new Error('no such container');
      },
    };
    const m = new LogWriterManager({ source, logger: noopLogger, maxAttempts: 2 });
    for (let i = 0; i < 4; i++) {
      m.follow('gone', path);
      await m.wait('gone');
    }
    expect(calls).toBe(2);
  });
});

describe('readResumePoint', () => {
  it('reports an empty or missing file as a fresh start', async () => {
    expect(await readResumePoint(join(dir, 'missing.log'))).toEqual({ validLength: 0, linesAtLast: 0 });
  });
  it('counts trailing lines with the last timestamp, ignoring an incomplete tail', async () => {
    const path = join(dir, 'resume.log');
    const body = `${T1} stdout F a\n${T2} stdout F b\n${T2} stderr F c\n`;
    writeFileSync(path, `${body}${T3} stdout F x`);
    expect(await readResumePoint(path)).toEqual({
      validLength: Buffer.byteLength(body),
      lastNanos: 1_795_820_822_000_000_002n,
      linesAtLast: 2,
    });
  });
});
