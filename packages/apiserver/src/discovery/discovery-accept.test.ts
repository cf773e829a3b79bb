import { describe, expect, it } from 'vitest';
import { chooseDiscoveryResponse } from './discovery-accept.js';

const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

describe('chooseDiscoveryResponse', () => {
  it('gives kubectl 1.30-1.33 aggregated v2', () => {
    expect(chooseDiscoveryResponse(`${V2},${V2BETA1},application/json`)).toEqual({
      kind: 'aggregated',
      version: 'v2',
    });
  });

  it('gives kubectl 1.27-1.29 aggregated v2beta1', () => {
    expect(chooseDiscoveryResponse(`${V2BETA1},application/json`)).toEqual({
      kind: 'aggregated',
      version: 'v2beta1',
    });
  });

  it('gives plain JSON, wildcards and no header legacy discovery', () => {
    expect(chooseDiscoveryResponse('application/json, */*')).toEqual({ kind: 'legacy' });
    expect(chooseDiscoveryResponse('*/*')).toEqual({ kind: 'legacy' });
    expect(chooseDiscoveryResponse(undefined)).toEqual({ kind: 'legacy' });
    expect(chooseDiscoveryResponse('')).toEqual({ kind: 'legacy' });
  });

  it('follows the client order and q values, skipping what it cannot produce', () => {
    expect(chooseDiscoveryResponse(`application/json;q=0.5, ${V2BETA1}`)).toEqual({
      kind: 'aggregated',
      version: 'v2beta1',
    });
    expect(chooseDiscoveryResponse(`application/json, ${V2}`)).toEqual({ kind: 'legacy' });
    const protobufFirst = `application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,${V2}`;
    expect(chooseDiscoveryResponse(protobufFirst)).toEqual({ kind: 'aggregated', version: 'v2' });
    expect(
      chooseDiscoveryResponse(
        'application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList',
      ),
    ).toEqual({
      kind: 'legacy',
    });
  });

  it('tolerates spaces, case and quoted parameters', () => {
    expect(
      chooseDiscoveryResponse(
        ' Application/JSON ; g="apidiscovery.k8s.io" ; v=v2 ; as=APIGroupDiscoveryList',
      ),
    ).toEqual({
      kind: 'aggregated',
      version: 'v2',
    });
  });
});
