import { describe, expect, it } from 'vitest';
import type { Pod } from '@kubelab/api';
import {
  convertDownwardApiFieldLabel,
  extractFieldPathAsString,
  formatMap,
  splitMaybeSubscriptedPath,
} from './field-path.js';

const pod: Pod = {
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: 'u-1',
    labels: { zone: 'us-est-coast', cluster: 'test-cluster1', rack: 'rack-22' },
    annotations: { builder: 'john-doe', 'example.com/Note': 'a "quoted"\nvalue' },
  },
  spec: { containers: [] },
};

describe('formatMap', () => {
  it('writes sorted key="value" lines without a trailing newline', () => {
    expect(formatMap(pod.metadata?.labels)).toBe(
      'cluster="test-cluster1"\nrack="rack-22"\nzone="us-est-coast"',
    );
    expect(formatMap(undefined)).toBe('');
  });
});

describe('extractFieldPathAsString', () => {
  it('reads name, namespace and uid', () => {
    expect(extractFieldPathAsString(pod, 'metadata.name')).toBe('web');
    expect(extractFieldPathAsString(pod, 'metadata.namespace')).toBe('shop');
    expect(extractFieldPathAsString(pod, 'metadata.uid')).toBe('u-1');
  });
  it('quotes annotation values as Go does', () => {
    expect(extractFieldPathAsString(pod, 'metadata.annotations')).toBe(
      'builder="john-doe"\nexample.com/Note="a \\"quoted\\"\\nvalue"',
    );
  });
  it('reads one label or annotation by subscript, empty when missing', () => {
    expect(extractFieldPathAsString(pod, "metadata.labels['zone']")).toBe('us-est-coast');
    expect(extractFieldPathAsString(pod, "metadata.annotations['example.com/Note']")).toContain('quoted');
    expect(extractFieldPathAsString(pod, "metadata.labels['nope']")).toBe('');
  });
  it('rejects invalid subscripts and unsupported paths with upstream messages', () => {
    expect(() => extractFieldPathAsString(pod, "metadata.labels['a b']")).toThrow(
      /^invalid key subscript in metadata.labels\['a b'\]: /,
    );
    expect(() => extractFieldPathAsString(pod, "metadata.name['x']")).toThrow(
      `fieldPath "metadata.name['x']" does not support subscript`,
    );
    expect(() => extractFieldPathAsString(pod, 'spec.restartPolicy')).toThrow(
      'unsupported fieldPath: spec.restartPolicy',
    );
  });
});

describe('splitMaybeSubscriptedPath', () => {
  it('splits only well-formed subscripts', () => {
    expect(splitMaybeSubscriptedPath("metadata.labels['a']")).toEqual(['metadata.labels', 'a']);
    expect(splitMaybeSubscriptedPath('metadata.labels')).toBeUndefined();
    expect(splitMaybeSubscriptedPath("['a']")).toBeUndefined();
  });
});

describe('convertDownwardApiFieldLabel', () => {
  it('accepts pod field labels and maps spec.host', () => {
    expect(convertDownwardApiFieldLabel('v1', 'status.podIP')).toBe('status.podIP');
    expect(convertDownwardApiFieldLabel(undefined, 'spec.host')).toBe('spec.nodeName');
  });
  it('rejects other versions and labels', () => {
    expect(() => convertDownwardApiFieldLabel('v2', 'metadata.name')).toThrow('unsupported pod version: v2');
    expect(() => convertDownwardApiFieldLabel('v1', 'spec.containers')).toThrow(
      'field label not supported: spec.containers',
    );
    expect(() => convertDownwardApiFieldLabel('v1', "spec.nodeName['x']")).toThrow(
      "field label does not support subscript: spec.nodeName['x']",
    );
  });
});
