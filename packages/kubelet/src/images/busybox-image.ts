/**
 * `busybox:latest` and `busybox:1.36` made from the host's static busybox (Debian:
 * `apt-get install busybox-static` provides /bin/busybox), laid out as the official image:
 * every applet a link in /bin, /etc/passwd and /etc/group, /tmp, /root, /home, /var,
 * PATH as upstream, CMD ["sh"].
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { promisify } from 'node:util';
import type Dockerode from 'dockerode';
import type { Logger } from '@kubelab/api';
import { buildImageFromDirectory, type BuildImageResult } from './image-builder.js';
import type { ImageFiles } from './rootfs.js';

const run = promisify(execFile);

export const HOST_BUSYBOX = '/bin/busybox';
export const BUSYBOX_IMAGES = ['busybox:latest', 'busybox:1.36'];
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const ETC_PASSWD = [
  'root:x:0:0:root:/root:/bin/sh',
  'daemon:x:1:1:daemon:/usr/sbin:/bin/false',
  'bin:x:2:2:bin:/bin:/bin/false',
  'sys:x:3:3:sys:/dev:/bin/false',
  'sync:x:4:100:sync:/bin:/bin/sync',
  'mail:x:8:8:mail:/var/spool/mail:/bin/false',
  'www-data:x:33:33:www-data:/var/www:/bin/false',
  'operator:x:37:37:Operator:/var:/bin/false',
  'nobody:x:65534:65534:nobody:/home:/bin/false',
  '',
].join('\n');

export const ETC_GROUP = [
  'root:x:0:',
  'daemon:x:1:',
  'bin:x:2:',
  'sys:x:3:',
  'adm:x:4:',
  'tty:x:5:',
  'disk:x:6:',
  'wheel:x:10:root',
  'mail:x:12:',
  'www-data:x:33:',
  'operator:x:37:',
  'users:x:100:',
  'nogroup:x:65534:',
  '',
].join('\n');

export interface BusyboxImageOptions {
  busyboxPath?: string;
  tags?: string[];
  logger?: Logger;
}

/** The applet names the binary provides (`busybox --list`). */
export async function busyboxApplets(busyboxPath: string): Promise<string[]> {
  const { stdout } = await run(busyboxPath, ['--list'], { maxBuffer: 1 << 20 });
  return stdout.split('\n').map((s) => s.trim()).filter((s) => s && s !== 'busybox' && !s.includes('/'));
}

export function busyboxRootfs(busyboxPath: string, applets: string[]): ImageFiles {
  const files: ImageFiles = {
    '/bin/busybox': { hostPath: busyboxPath, mode: 0o755 },
    '/etc/passwd': ETC_PASSWD,
    '/etc/group': ETC_GROUP,
    '/etc/nsswitch.conf': 'hosts: files dns\n',
    '/tmp': { directory: true, mode: 0o1777 },
    '/root': { directory: true, mode: 0o700 },
    '/home': { directory: true },
    '/var/www': { directory: true },
    '/var/spool/mail': { directory: true },
    '/usr/sbin': { directory: true },
    '/dev': { directory: true },
    '/proc': { directory: true },
    '/sys': { directory: true },
  };
  for (const applet of applets) files[`/bin/${applet}`] = { symlink: 'busybox' };
  return files;
}

export async function ensureBusyboxImage(docker: Dockerode, opts: BusyboxImageOptions = {}): Promise<BuildImageResult> {
  const busyboxPath = opts.busyboxPath ?? HOST_BUSYBOX;
  try {
    await access(busyboxPath);
  } catch {
    throw new Error(`cannot build the busybox image: ${busyboxPath} is missing (on Debian: apt-get install busybox-static)`);
  }
  const [tag, ...extraTags] = opts.tags ?? BUSYBOX_IMAGES;
  if (!tag) throw new Error('ensureBusyboxImage: no tag');
  return buildImageFromDirectory(docker, {
    tag,
    extraTags,
    files: busyboxRootfs(busyboxPath, await busyboxApplets(busyboxPath)),
    env: { PATH: DEFAULT_PATH },
    cmd: ['sh'],
    keepForeign: true,
    labels: { 'io.kubelab.image.kind': 'busybox' },
    logger: opts.logger,
  });
}
