import { describe, expect, it } from 'vitest';
import { negotiateStreamProtocol, offeredStreamProtocols } from './spdy-protocols.js';

describe('negotiateStreamProtocol', () => {
  it('answers v4 to kubectl 1.29+ (which offers v5 first) and to 1.28', () => {
    const offered = offeredStreamProtocols('v5.channel.k8s.io, v4.channel.k8s.io, v3.channel.k8s.io, v2.channel.k8s.io, channel.k8s.io');
    expect(negotiateStreamProtocol(offered)).toEqual({ name: 'v4.channel.k8s.io', jsonStatus: true, resize: true });
    expect(negotiateStreamProtocol(['v4.channel.k8s.io', 'v3.channel.k8s.io'])).toMatchObject({ name: 'v4.channel.k8s.io' });
  });

  it('supports the older protocols with their status and resize rules', () => {
    expect(negotiateStreamProtocol(['v3.channel.k8s.io'])).toEqual({ name: 'v3.channel.k8s.io', jsonStatus: false, resize: true });
    expect(negotiateStreamProtocol(['channel.k8s.io'])).toEqual({ name: 'channel.k8s.io', jsonStatus: false, resize: false });
  });

  it('fails as httpstream.Handshake does', () => {
    expect(negotiateStreamProtocol([])).toBe('unable to upgrade: X-Stream-Protocol-Version is required');
    expect(negotiateStreamProtocol(['v9.channel.k8s.io'])).toBe(
      'unable to upgrade: unable to negotiate protocol: client supports [v9.channel.k8s.io], server accepts [v4.channel.k8s.io v3.channel.k8s.io v2.channel.k8s.io channel.k8s.io]',
    );
  });
});
