import { describe, expect, it } from 'vitest';
import {
  bitString,
  decodeObjectIdentifier,
  integer,
  objectIdentifier,
  readChildren,
  readElement,
  sequence,
  set,
  time,
} from './der.js';
import { ipAddressBytes } from './ip-address.js';
import { encodeName, keyUsageExtension } from './x509-fields.js';

const hex = (b: Buffer): string => b.toString('hex');

describe('der', () => {
  it('encodes integers as positive two-complement without redundant leading zeros', () => {
    expect(hex(integer(2))).toBe('020102');
    expect(hex(integer(128))).toBe('02020080');
    expect(hex(integer(Buffer.from([0, 0, 0x7f])))).toBe('02017f');
    expect(hex(integer(Buffer.from([0xff, 0x01])))).toBe('020300ff01');
    expect(hex(integer(Buffer.alloc(0)))).toBe('020100');
  });

  it('encodes object identifiers with base-128 arcs and reads them back', () => {
    expect(hex(objectIdentifier('1.2.840.10045.4.3.2'))).toBe('06082a8648ce3d040302');
    expect(hex(objectIdentifier('2.5.29.17'))).toBe('0603551d11');
    expect(decodeObjectIdentifier(readElement(objectIdentifier('1.3.6.1.5.5.7.3.1')).content)).toBe(
      '1.3.6.1.5.5.7.3.1',
    );
  });

  it('uses long-form lengths above 127 bytes and reads them back', () => {
    const big = bitString(Buffer.alloc(300, 1));
    expect(hex(big.subarray(0, 4))).toBe('0382012d');
    const outer = sequence(big, integer(5));
    const [a, b] = readChildren(readElement(outer).content);
    expect(a?.content.length).toBe(301);
    expect(b?.content).toEqual(Buffer.from([5]));
  });

  it('sorts SET OF elements', () => {
    expect(hex(set(integer(9), integer(3)))).toBe('3106020103020109');
  });

  it('switches from UTCTime to GeneralizedTime in 2050', () => {
    expect(time(new Date(Date.UTC(2049, 11, 31, 23, 59, 58))).toString('latin1', 2)).toBe(
      '491231235958Z',
    );
    expect(time(new Date(Date.UTC(2050, 0, 1, 0, 0, 0))).toString('latin1', 2)).toBe(
      '20500101000000Z',
    );
  });

  it('encodes keyUsage as named bits with the unused-bit count', () => {
    // digitalSignature(0) + keyEncipherment(2) + keyCertSign(5) -> 0xa4, 2 unused bits
    const ext = keyUsageExtension(['digitalSignature', 'keyEncipherment', 'keyCertSign']);
    expect(hex(ext).endsWith('030202a4')).toBe(true);
  });

  it('writes organizations before the common name, PrintableString when possible', () => {
    const name = encodeName({ commonName: 'kubernetes-admin', organizations: ['system:masters'] });
    const rdns = readChildren(readElement(name).content);
    expect(rdns).toHaveLength(2);
    expect(rdns[0]?.raw.toString('latin1')).toContain('system:masters');
    expect(hex(name)).toContain('130e'); // PrintableString, 14 bytes
    expect(hex(encodeName({ commonName: 'a_b' }))).toContain('0c03'); // UTF8String
  });
});

describe('ipAddressBytes', () => {
  it('converts IPv4 and IPv6 literals to network-order bytes', () => {
    expect(hex(ipAddressBytes('10.96.0.1'))).toBe('0a600001');
    expect(hex(ipAddressBytes('::1'))).toBe('00000000000000000000000000000001');
    expect(hex(ipAddressBytes('fd00:10:96::a'))).toBe(
      'fd000010009600000000000000000000'.slice(0, 28) + '000a',
    );
    expect(hex(ipAddressBytes('::ffff:127.0.0.1'))).toBe('00000000000000000000ffff7f000001');
  });

  it('rejects host names', () => {
    expect(() => ipAddressBytes('localhost')).toThrow('invalid IP address "localhost"');
  });
});
