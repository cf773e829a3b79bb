import { appendFile, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readLines, tailOffset } from './file-lines.js';
import { TempDirs } from '@kubelab/api/testing';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

async function file(content: string): Promise<string> {
  const path = join(await temp.make('lines-'), 'f.log');
  await writeFile(path, content);
  return path;
}

async function collect(gen: AsyncGenerator<Buffer>): Promise<string[]> {
  const out: string[] = [];
  for await (const l of gen) out.push(l.toString());
  return out;
}

describe('tailOffset / readLines', () => {
  it('reads all lines, or the last n, with or without a final newline', async () => {
    const p = await file('a\nb\nc\n');
    expect(await collect(readLines(p))).toEqual(['a\n', 'b\n', 'c\n']);
    expect(await collect(readLines(p, { tail: 2 }))).toEqual(['b\n', 'c\n']);
    expect(await collect(readLines(p, { tail: 0 }))).toEqual([]);
    expect(await collect(readLines(p, { tail: 10 }))).toEqual(['a\n', 'b\n', 'c\n']);
    expect(await collect(readLines(await file('a\nb'), { tail: 1 }))).toEqual(['b']);
  });

  it('finds line starts across read chunks', async () => {
    const long = `${'x'.repeat(70_000)}\n`;
    const p = await file(`first\n${long}last\n`);
    const h = await open(p, 'r');
    expect(await tailOffset(h, 1)).toBe(6 + long.length);
    expect(await tailOffset(h, 2)).toBe(6);
    await h.close();
  });

  it('follows appended lines until the writer is gone, then drains', async () => {
    const p = await file('one\n');
    let active = true;
    const seen: string[] = [];
    const done = (async () => {
      for await (const l of readLines(p, { follow: true, writerActive: async () => active })) {
        seen.push(l.toString());
        if (l.toString() === 'two\n') {
          await appendFile(p, 'three\n');
          active = false;
        }
      }
    })();
    await appendFile(p, 'two\n');
    await done;
    expect(seen).toEqual(['one\n', 'two\n', 'three\n']);
  });

  it('stops following when aborted', async () => {
    const p = await file('one\n');
    const ctl = new AbortController();
    const seen: string[] = [];
    for await (const l of readLines(p, { follow: true, signal: ctl.signal })) {
      seen.push(l.toString());
      ctl.abort();
    }
    expect(seen).toEqual(['one\n']);
  });
});
