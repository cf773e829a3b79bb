import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRoot } from '../node-root.js';
import { checkHostPathType, setUpHostPath } from './host-path-volume.js';

let root: string;
let server: Server;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kubelab-hostpath-'));
  await mkdir(join(root, 'etc/kubernetes/pki'), { recursive: true });
  await writeFile(join(root, 'etc/kubernetes/admin.conf'), 'x');
  server = createServer();
  await new Promise<void>((resolve) => server.listen(join(root, 'app.sock'), resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(root, { recursive: true, force: true });
});

describe('setUpHostPath', () => {
  const nodeRoot = (): NodeRoot => new NodeRoot(root);

  it('maps node-view paths under the node root', async () => {
    expect(await setUpHostPath(nodeRoot(), '/etc/kubernetes/pki', 'Directory')).toBe(join(root, 'etc/kubernetes/pki'));
    expect(await setUpHostPath(nodeRoot(), '/does/not/exist', '')).toBe(join(root, 'does/not/exist'));
  });

  it('creates DirectoryOrCreate with 0755 and FileOrCreate with 0644', async () => {
    const dir = await setUpHostPath(nodeRoot(), '/var/lib/etcd', 'DirectoryOrCreate');
    expect((await stat(dir)).isDirectory()).toBe(true);
    expect((await stat(dir)).mode & 0o777).toBe(0o755 & ~process.umask());
    const file = await setUpHostPath(nodeRoot(), '/etc/kubernetes/scheduler.conf', 'FileOrCreate');
    expect((await stat(file)).isFile()).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o644 & ~process.umask());
    // Existing paths are kept and still type-checked.
    await expect(setUpHostPath(nodeRoot(), '/etc/kubernetes/admin.conf', 'DirectoryOrCreate')).rejects.toThrow(
      'hostPath type check failed: /etc/kubernetes/admin.conf is not a directory',
    );
  });

  it('fails FileOrCreate when the parent directory is missing, as Go reports it', async () => {
    await expect(setUpHostPath(nodeRoot(), '/missing/dir/file.conf', 'FileOrCreate')).rejects.toThrow(
      'open /missing/dir/file.conf: no such file or directory',
    );
  });

  it.each([
    ['/etc/kubernetes/admin.conf', 'Directory', 'is not a directory'],
    ['/nope', 'Directory', 'is not a directory'],
    ['/etc/kubernetes/pki', 'File', 'is not a file'],
    ['/nope', 'File', 'is not a file'],
    ['/etc/kubernetes/admin.conf', 'Socket', 'is not a socket file'],
    ['/etc/kubernetes/admin.conf', 'CharDevice', 'is not a character device'],
    ['/etc/kubernetes/admin.conf', 'BlockDevice', 'is not a block device'],
  ])('%s as %s: %s', async (path, type, what) => {
    await expect(setUpHostPath(nodeRoot(), path, type)).rejects.toThrow(`hostPath type check failed: ${path} ${what}`);
  });

  it('accepts a socket and a file for File', async () => {
    await expect(setUpHostPath(nodeRoot(), '/app.sock', 'Socket')).resolves.toBe(join(root, 'app.sock'));
    await expect(setUpHostPath(nodeRoot(), '/etc/kubernetes/admin.conf', 'File')).resolves.toBeTruthy();
  });

  it('rejects backsteps and unknown types', async () => {
    await expect(setUpHostPath(nodeRoot(), '/etc/../root', '')).rejects.toThrow("invalid HostPath `/etc/../root`: must not contain '..'");
    await expect(setUpHostPath(nodeRoot(), '/etc', 'Folder')).rejects.toThrow('Folder is an invalid volume type');
  });
});

describe('checkHostPathType on devices', () => {
  it('recognises a character device', async () => {
    await expect(checkHostPathType('/dev/null', '/dev/null', 'CharDevice')).resolves.toBeUndefined();
    await expect(checkHostPathType('/dev/null', '/dev/null', 'BlockDevice')).rejects.toThrow(
      'hostPath type check failed: /dev/null is not a block device',
    );
  });
});
