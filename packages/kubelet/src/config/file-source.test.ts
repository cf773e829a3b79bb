import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectReference } from '@kubelab/api';
import { FakeClock, RecordingLogger } from '@kubelab/api/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecorder } from '../events/event-recorder.js';
import { FileSource, type FileSourceOptions } from './file-source.js';
import { UpdateCollector, podYaml, podsOf } from './testing/manifests.js';

class Events implements EventRecorder {
  readonly list: { ref: ObjectReference; type: string; reason: string; message: string }[] = [];
  event(ref: ObjectReference, type: string, reason: string, message: string): void {
    this.list.push({ ref, type, reason, message });
  }
}

let root: string;
let dir: string;
let ctl: AbortController;
let running: Promise<void> | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kubelab-filesource-'));
  dir = join(root, 'manifests');
  mkdirSync(dir);
  ctl = new AbortController();
});

afterEach(async () => {
  ctl.abort();
  await running;
  running = undefined;
  rmSync(root, { recursive: true, force: true });
});

function start(opts: Partial<FileSourceOptions> = {}): UpdateCollector {
  const out = new UpdateCollector();
  const source = new FileSource({
    path: dir,
    nodePath: '/etc/kubernetes/manifests',
    nodeName: 'node1',
    ...opts,
  });
  running = source.run(out.emit, ctl.signal);
  return out;
}

/** Writes the way editors and `kubectl ... > tmp && mv` do: a hidden temp file renamed over. */
function replaceFile(path: string, content: string): void {
  const tmp = join(dir, `.tmp-${Date.now()}`);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

describe('FileSource (periodic relist, fake clock)', () => {
  let clock: FakeClock;
  let logger: RecordingLogger;
  let events: Events;

  beforeEach(() => {
    clock = new FakeClock(0);
    logger = new RecordingLogger();
    events = new Events();
  });

  const tick = async (out: UpdateCollector): Promise<void> => {
    const seen = out.updates.length;
    await clock.waitForSleepers(1);
    clock.advance(20_000);
    await out.next(() => true, seen);
  };

  it('sends a SET at once and after every fileCheckFrequency', async () => {
    writeFileSync(join(dir, 'web.yaml'), podYaml('web'));
    const out = start({ clock, watch: false });
    expect(podsOf(await out.next())).toEqual(['web-node1:busybox']);
    expect(out.updates[0]?.op).toBe('SET');
    expect(out.updates[0]?.source).toBe('file');
    writeFileSync(join(dir, 'db.yaml'), podYaml('db'));
    await tick(out);
    expect(podsOf(out.updates.at(-1))).toEqual(['db-node1:busybox', 'web-node1:busybox']);
    await tick(out);
    expect(out.updates).toHaveLength(3); // a SET on every relist, changed or not
    expect(clock.sleeps.every((ms) => ms === 20_000)).toBe(true);
  });

  it('sends fresh pods on every listing, even for manifests it did not decode again', async () => {
    writeFileSync(join(dir, 'web.yaml'), podYaml('web'));
    const out = start({ clock, watch: false });
    const first = await out.next();
    const meta = first.pods[0]?.metadata;
    if (meta) meta.annotations = { ...meta.annotations, 'kubernetes.io/config.source': 'file' };
    await tick(out);
    expect(out.updates[1]?.pods[0]?.metadata?.annotations).toEqual({
      'kubernetes.io/config.hash': first.pods[0]?.metadata?.uid,
    });
    expect(out.updates[1]?.pods[0]).not.toBe(first.pods[0]);
  });

  it('sends an empty SET for a missing path, logs that once, and picks the path up later', async () => {
    rmSync(dir, { recursive: true });
    const out = start({ clock, logger, watch: false });
    expect(await out.next()).toEqual({ op: 'SET', source: 'file', pods: [] });
    await tick(out);
    await tick(out);
    const missing = logger.entries.filter((e) => e.msg === 'Unable to read config path');
    expect(missing).toHaveLength(1);
    expect((missing[0]?.err as Error).message).toBe('path does not exist, ignoring');
    expect(missing[0]?.fields).toEqual({ path: '/etc/kubernetes/manifests' });
    mkdirSync(dir);
    writeFileSync(join(dir, 'web.yaml'), podYaml('web'));
    await tick(out);
    expect(podsOf(out.updates.at(-1))).toEqual(['web-node1:busybox']);
  });

  it('leaves out an invalid manifest with one log line and one Warning event until it changes', async () => {
    writeFileSync(join(dir, 'good.yaml'), podYaml('good'));
    writeFileSync(
      join(dir, 'bad.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec: {containers: [{name: c}]}\n',
    );
    const out = start({ clock, logger, recorder: events, watch: false });
    expect(podsOf(await out.next())).toEqual(['good-node1:busybox']);
    await tick(out);
    const logged = logger.entries.filter((e) => e.msg === 'Could not process manifest file');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.fields).toEqual({ path: '/etc/kubernetes/manifests/bad.yaml' });
    expect(String(logged[0]?.err)).toContain(
      'invalid pod: [spec.containers[0].image: Required value]',
    );
    expect(events.list).toEqual([
      {
        ref: { kind: 'Node', name: 'node1', uid: 'node1', namespace: '' },
        type: 'Warning',
        reason: 'FailedValidation',
        message:
          'Error validating pod manifest /etc/kubernetes/manifests/bad.yaml from file, ignoring: invalid pod: [spec.containers[0].image: Required value]',
      },
    ]);
    writeFileSync(join(dir, 'bad.yaml'), podYaml('bad'));
    await tick(out);
    expect(podsOf(out.updates.at(-1))).toEqual(['bad-node1:busybox', 'good-node1:busybox']);
    writeFileSync(join(dir, 'bad.yaml'), '');
    await tick(out);
    expect(events.list).toHaveLength(2); // broken again: reported again
  });

  it('a single invalid manifest file sends nothing and keeps its previous pod', async () => {
    const file = join(root, 'web.yaml');
    writeFileSync(file, podYaml('web'));
    const out = start({
      clock,
      logger,
      recorder: events,
      watch: false,
      path: file,
      nodePath: '/etc/web.yaml',
    });
    expect(podsOf(await out.next())).toEqual(['web-node1:busybox']);
    writeFileSync(file, 'not: a pod\n');
    for (let i = 0; i < 2; i++) {
      await clock.waitForSleepers(1);
      clock.advance(20_000);
    }
    await clock.waitForSleepers(1);
    expect(out.updates).toHaveLength(1);
    expect(logger.entries.filter((e) => e.msg === 'Unable to read config path')).toHaveLength(1);
    expect(events.list).toHaveLength(1);
  });
});

describe('FileSource (file-system events)', () => {
  it('sends a SET soon after a manifest is written, edited in place, replaced or removed', async () => {
    const out = start({ fileCheckFrequencyMs: 3_600_000 });
    expect(await out.next()).toEqual({ op: 'SET', source: 'file', pods: [] });

    const t0 = performance.now();
    writeFileSync(join(dir, 'web.yaml'), podYaml('web', 'nginx:1'));
    await out.next((u) => podsOf(u).includes('web-node1:nginx:1'));
    const latency = performance.now() - t0;
    console.info(`file source: manifest write -> SET in ${latency.toFixed(1)} ms`);

    replaceFile(join(dir, 'web.yaml'), podYaml('web', 'nginx:2'));
    await out.next((u) => podsOf(u).includes('web-node1:nginx:2'));

    writeFileSync(join(dir, 'web.yaml'), podYaml('web', 'nginx:3'));
    await out.next((u) => podsOf(u).includes('web-node1:nginx:3'));

    unlinkSync(join(dir, 'web.yaml'));
    await out.next((u) => u.pods.length === 0);
  });

  it('ignores hidden files', async () => {
    const out = start({ fileCheckFrequencyMs: 3_600_000 });
    await out.next();
    writeFileSync(join(dir, '.web.yaml.swp'), podYaml('hidden'));
    writeFileSync(join(dir, 'visible.yaml'), podYaml('visible'));
    const u = await out.next((x) => x.pods.length > 0);
    expect(podsOf(u)).toEqual(['visible-node1:busybox']);
  });

  it('follows the directory being deleted and created again', async () => {
    writeFileSync(join(dir, 'a.yaml'), podYaml('a'));
    const out = start({ fileCheckFrequencyMs: 3_600_000 });
    expect(podsOf(await out.next())).toEqual(['a-node1:busybox']);
    rmSync(dir, { recursive: true });
    await out.next((u) => u.pods.length === 0);
    mkdirSync(dir);
    writeFileSync(join(dir, 'b.yaml'), podYaml('b'));
    await out.next((u) => podsOf(u).includes('b-node1:busybox'));
    writeFileSync(join(dir, 'c.yaml'), podYaml('c'));
    await out.next((u) => podsOf(u).includes('c-node1:busybox'));
  });

  it('watches a single manifest file through rename-over-write', async () => {
    const file = join(dir, 'web.yaml');
    writeFileSync(file, podYaml('web', 'nginx:1'));
    const out = start({
      path: file,
      nodePath: '/etc/kubernetes/web.yaml',
      fileCheckFrequencyMs: 3_600_000,
    });
    expect(podsOf(await out.next())).toEqual(['web-node1:nginx:1']);
    replaceFile(file, podYaml('web', 'nginx:2'));
    await out.next((u) => podsOf(u).includes('web-node1:nginx:2'));
    writeFileSync(join(dir, 'other.yaml'), podYaml('other'));
    replaceFile(file, podYaml('web', 'nginx:3'));
    const u = await out.next((x) => podsOf(x).includes('web-node1:nginx:3'));
    expect(podsOf(u)).toEqual(['web-node1:nginx:3']);
  });
});
