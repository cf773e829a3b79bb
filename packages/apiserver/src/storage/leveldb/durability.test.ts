/**
 * An acknowledged write survives SIGKILL: a child process writes a burst of creates, the test
 * kills it after reading N acknowledgements, reopens the store and finds every one of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LevelDbStorage } from './leveldb-storage.js';

const SCRIPT = fileURLToPath(new URL('./testing/write-burst.ts', import.meta.url));
const ACKS_BEFORE_KILL = 500;

interface Ack {
  key: string;
  rv: number;
}

/** Reads ACK lines until `count` were seen, then SIGKILLs the child and waits for its exit. */
function killAfterAcks(child: ChildProcess, count: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const acks: Ack[] = [];
    let stderr = '';
    let killed = false;
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const m = /^ACK (\S+) (\d+)$/.exec(line);
      if (!m || killed) return;
      acks.push({ key: m[1] as string, rv: Number(m[2]) });
      if (acks.length >= count) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (killed && signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`writer exited early (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

describe('LevelDbStorage durability', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  let storage: LevelDbStorage | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubelab-durability-'));
  });
  afterEach(async () => {
    try {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await storage?.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps every acknowledged write after SIGKILL mid-burst', async () => {
    child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', SCRIPT, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks = await killAfterAcks(child, ACKS_BEFORE_KILL);
    expect(acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    storage = await LevelDbStorage.open(dir);
    for (const ack of acks) {
      const item = await storage.get(ack.key);
      expect(item?.rv, ack.key).toBe(ack.rv);
    }
    const maxAcked = Math.max(...acks.map((a) => a.rv));
    expect(storage.currentResourceVersion()).toBeGreaterThanOrEqual(maxAcked);
    const listed = await storage.list('/registry/pods/default/');
    expect(listed.items.length).toBeGreaterThanOrEqual(acks.length);
    const history = await storage.history(0);
    expect(history.events.map((e) => e.rv)).toEqual(
      Array.from({ length: storage.currentResourceVersion() }, (_, i) => i + 1),
    );

    const after = await storage.create('/registry/pods/default/after-restart', {
      metadata: { name: 'after-restart', namespace: 'default' },
    });
    expect(after.rv).toBeGreaterThan(maxAcked);
    expect(after.rv).toBeGreaterThan(Math.max(...listed.items.map((i) => i.rv)));
  });
});
