import { describe, expect, it } from 'vitest';
import { negotiatePortForwardWebSocket, tunnelingSpdyProtocols } from './port-forward-protocols.js';

describe('tunnelingSpdyProtocols', () => {
  it('keeps the SPDY/3.1+<name>.k8s.io offers without the prefix', () => {
    expect(tunnelingSpdyProtocols(['SPDY/3.1+portforward.k8s.io'])).toEqual(['portforward.k8s.io']);
    expect(tunnelingSpdyProtocols(['v4.channel.k8s.io', 'SPDY/3.1+other', 'SPDY/3.1+v2.portforward.k8s.io'])).toEqual(['v2.portforward.k8s.io']);
    expect(tunnelingSpdyProtocols([])).toEqual([]);
  });
});

describe('negotiatePortForwardWebSocket', () => {
  it('takes the first supported offer, and the binary protocol when none is offered', () => {
    expect(negotiatePortForwardWebSocket([])?.name).toBe('');
    expect(negotiatePortForwardWebSocket(['v5.channel.k8s.io', 'v4.base64.channel.k8s.io', 'v4.channel.k8s.io'])).toMatchObject({
      name: 'v4.base64.channel.k8s.io',
      base64: true,
    });
    expect(negotiatePortForwardWebSocket(['v4.channel.k8s.io'])).toMatchObject({ name: 'v4.channel.k8s.io', base64: false });
    expect(negotiatePortForwardWebSocket(['v5.channel.k8s.io'])).toBeUndefined();
  });
});
