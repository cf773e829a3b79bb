import { describe, expect, it } from 'vitest';
import { parseLdd } from './node-runtime-image.js';
import { imageChanges, dockerfileFor } from './image-config.js';
import { splitReference } from './image-builder.js';

describe('parseLdd', () => {
  it('lists resolved libraries and the loader, not the vdso', () => {
    const out = [
      '\tlinux-vdso.so.1 (0x00007ffd)',
      '\tlibdl.so.2 => /lib/x86_64-linux-gnu/libdl.so.2 (0x00007f30)',
      '\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f31)',
      '\t/lib64/ld-linux-x86-64.so.2 (0x00007f32)',
    ].join('\n');
    expect(parseLdd(out)).toEqual([
      '/lib/x86_64-linux-gnu/libdl.so.2',
      '/lib/x86_64-linux-gnu/libc.so.6',
      '/lib64/ld-linux-x86-64.so.2',
    ]);
  });
  it('fails on a missing library', () => {
    expect(() => parseLdd('\tlibfoo.so.1 => not found')).toThrow(/libfoo.so.1/);
  });
});

describe('image config', () => {
  it('renders Dockerfile instructions', () => {
    expect(imageChanges({ env: { PATH: '/bin' }, labels: { b: '2', a: 'x y' }, entrypoint: ['/pause'], cmd: ['sh'] })).toEqual([
      'ENV PATH="/bin"',
      'LABEL "a"="x y" "b"="2"',
      'ENTRYPOINT ["/pause"]',
      'CMD ["sh"]',
    ]);
    expect(dockerfileFor('kubelab/node:1', true, { workdir: '/kubelab' })).toBe(
      'FROM kubelab/node:1\nCOPY rootfs/ /\nWORKDIR /kubelab\n',
    );
  });
  it('splits references with registry ports', () => {
    expect(splitReference('localhost:5000/pause:3.10')).toEqual({ repo: 'localhost:5000/pause', tag: '3.10' });
    expect(splitReference('busybox')).toEqual({ repo: 'busybox', tag: 'latest' });
    expect(splitReference('registry.k8s.io/pause:3.10')).toEqual({ repo: 'registry.k8s.io/pause', tag: '3.10' });
  });
});
