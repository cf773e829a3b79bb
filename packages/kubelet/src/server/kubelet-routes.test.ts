import { describe, expect, it } from 'vitest';
import { matchKubeletRoute } from './kubelet-routes.js';

describe('matchKubeletRoute', () => {
  it('matches healthz and its named checks', () => {
    expect(matchKubeletRoute('GET', '/healthz')).toEqual({ kind: 'healthz' });
    expect(matchKubeletRoute('GET', '/healthz/syncloop')).toEqual({ kind: 'healthz', check: 'syncloop' });
    expect(matchKubeletRoute('GET', '/healthz/a/b')).toEqual({ kind: 'notFound' });
  });

  it('matches /pods for GET only', () => {
    expect(matchKubeletRoute('GET', '/pods')).toEqual({ kind: 'pods' });
    expect(matchKubeletRoute('GET', '/pods/')).toEqual({ kind: 'pods' });
    expect(matchKubeletRoute('POST', '/pods')).toEqual({ kind: 'methodNotAllowed' });
  });

  it('decodes containerLogs path segments', () => {
    expect(matchKubeletRoute('GET', '/containerLogs/kube-system/etcd-node%2D1/etcd')).toEqual({
      kind: 'containerLogs',
      namespace: 'kube-system',
      pod: 'etcd-node-1',
      container: 'etcd',
    });
    expect(matchKubeletRoute('GET', '/containerLogs/ns/pod')).toEqual({ kind: 'notFound' });
    expect(matchKubeletRoute('DELETE', '/containerLogs/ns/pod/c')).toEqual({ kind: 'methodNotAllowed' });
  });

  it('matches exec and attach with and without the pod uid, for GET and POST', () => {
    expect(matchKubeletRoute('POST', '/exec/ns/pod/c')).toEqual({ kind: 'exec', namespace: 'ns', pod: 'pod', container: 'c' });
    expect(matchKubeletRoute('GET', '/attach/ns/pod/uid-1/c')).toEqual({
      kind: 'attach',
      namespace: 'ns',
      pod: 'pod',
      podUid: 'uid-1',
      container: 'c',
    });
    expect(matchKubeletRoute('PUT', '/exec/ns/pod/c')).toEqual({ kind: 'methodNotAllowed' });
    expect(matchKubeletRoute('GET', '/exec/ns//c')).toEqual({ kind: 'notFound' });
  });

  it('matches portForward with and without the pod uid, for GET and POST', () => {
    expect(matchKubeletRoute('POST', '/portForward/ns/pod')).toEqual({ kind: 'portForward', namespace: 'ns', pod: 'pod' });
    expect(matchKubeletRoute('GET', '/portForward/ns/pod/uid-1')).toEqual({ kind: 'portForward', namespace: 'ns', pod: 'pod', podUid: 'uid-1' });
    expect(matchKubeletRoute('DELETE', '/portForward/ns/pod')).toEqual({ kind: 'methodNotAllowed' });
    expect(matchKubeletRoute('GET', '/portForward/ns')).toEqual({ kind: 'notFound' });
    expect(matchKubeletRoute('GET', '/portForward/ns/pod/uid/extra')).toEqual({ kind: 'notFound' });
  });

  it('does not know other paths', () => {
    expect(matchKubeletRoute('GET', '/stats/summary')).toEqual({ kind: 'notFound' });
    expect(matchKubeletRoute('GET', '/containerLogs/%E0%A4%A/p/c')).toEqual({ kind: 'notFound' });
  });
});
