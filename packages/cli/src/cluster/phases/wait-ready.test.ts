import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '@kubelab/api';
import { readiness } from './wait-ready.js';

const node = (name: string, ready: string): Node => ({ metadata: { name }, status: { conditions: [{ type: 'Ready', status: ready }] } });
const pod = (name: string, phase: string): Pod => ({ metadata: { name, namespace: 'kube-system' }, status: { phase } });

describe('readiness', () => {
  it('is ready when every node is Ready and every mirror pod Running', () => {
    expect(readiness(['a', 'b'], ['kube-apiserver-a'], [node('a', 'True'), node('b', 'True')], [pod('kube-apiserver-a', 'Running')])).toEqual({ ready: true, missing: [] });
  });

  it('names what is missing', () => {
    expect(readiness(['a', 'b', 'c'], ['kube-apiserver-a', 'kube-scheduler-a'], [node('a', 'True'), node('b', 'False')], [pod('kube-apiserver-a', 'Pending')]).missing).toEqual([
      'node b not Ready',
      'node c not registered',
      'pod kube-system/kube-apiserver-a Pending',
      'pod kube-system/kube-scheduler-a not created',
    ]);
  });
});
