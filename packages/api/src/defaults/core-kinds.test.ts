import type { Endpoints, Namespace, Node, Secret } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultEndpoints } from './endpoints.js';
import { defaultNamespace } from './namespace.js';
import { defaultNode } from './node.js';
import { defaultSecret } from './secret.js';

describe('small core defaults', () => {
  it('types a secret Opaque', () => {
    const s: Secret = {};
    defaultSecret(s);
    expect(s.type).toBe('Opaque');
  });

  it('labels a namespace with its name and marks it Active', () => {
    const ns: Namespace = { metadata: { name: 'team-a', labels: { x: 'y' } } };
    defaultNamespace(ns);
    expect(ns.metadata?.labels).toEqual({ x: 'y', 'kubernetes.io/metadata.name': 'team-a' });
    expect(ns.status).toEqual({ phase: 'Active' });
    const generated: Namespace = { metadata: { generateName: 'ns-' } };
    defaultNamespace(generated);
    expect(generated.metadata?.labels).toBeUndefined();
  });

  it('defaults endpoint port protocols', () => {
    const ep: Endpoints = { subsets: [{ ports: [{ port: 80 }] }] };
    defaultEndpoints(ep);
    expect(ep.subsets?.[0]?.ports?.[0]?.protocol).toBe('TCP');
  });

  it('copies node capacity to allocatable in canonical form', () => {
    const node: Node = { status: { capacity: { cpu: '4', memory: '8192Mi' } } };
    defaultNode(node);
    expect(node.status?.allocatable).toEqual({ cpu: '4', memory: '8Gi' });
  });
});
