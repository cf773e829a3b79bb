import { describe, expect, it } from 'vitest';
import { allocationSite } from './kubelet-heap-profile.js';

describe('allocationSite', () => {
  const sourceOf = (line: number): string | undefined =>
    line >= 10 ? 'packages/kubelet/src/kubelet.ts' : undefined;
  const bundle = '/repo/bench/.kubelet-build-x/kubelet.mjs';

  it('names the kubelab source file of a bundle line', () => {
    expect(allocationSite(`file://${bundle}`, 12, bundle, sourceOf)).toBe(
      'packages/kubelet/src/kubelet.ts',
    );
    expect(allocationSite(`file://${bundle}`, 2, bundle, sourceOf)).toBe(
      'kubelet bundle (unmapped)',
    );
  });

  it('groups npm packages, scoped ones included, and Node.js internals', () => {
    expect(
      allocationSite('file:///repo/node_modules/docker-modem/lib/modem.js', 1, bundle, sourceOf),
    ).toBe('npm: docker-modem');
    expect(
      allocationSite(
        'file:///repo/node_modules/@grpc/grpc-js/build/src/index.js',
        1,
        bundle,
        sourceOf,
      ),
    ).toBe('npm: @grpc/grpc-js');
    expect(allocationSite('node:internal/streams/readable', 1, bundle, sourceOf)).toBe(
      'Node.js internals',
    );
    expect(allocationSite('', 0, bundle, sourceOf)).toBe('(V8 / native)');
  });
});
