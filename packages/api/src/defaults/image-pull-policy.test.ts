import { describe, expect, it } from 'vitest';
import { defaultPullPolicy, imageTag, parseImageReference } from './image-pull-policy.js';

describe('defaultPullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['docker.io/library/nginx', 'Always'],
    ['localhost:5000/team/app', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    [`nginx@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    [`nginx:latest@sha256:${'a'.repeat(64)}`, 'Always'],
    ['NGINX', 'IfNotPresent'],
    ['', 'IfNotPresent'],
    [undefined, 'IfNotPresent'],
  ])('%j → %s', (image, want) => {
    expect(defaultPullPolicy(image)).toBe(want);
  });

  it('parses tags and digests', () => {
    expect(parseImageReference('registry.k8s.io/pause:3.10')).toEqual({ name: 'registry.k8s.io/pause', tag: '3.10', digest: '' });
    expect(imageTag('busybox')).toBe('latest');
    expect(parseImageReference('bad//name')).toBeUndefined();
  });
});
