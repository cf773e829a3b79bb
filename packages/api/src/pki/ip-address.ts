/**
 * IP address text to the network-order bytes an X.509 iPAddress SAN holds (4 or 16 bytes).
 */
import { isIPv4, isIPv6 } from 'node:net';

function ipv4Bytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

function ipv6Bytes(ip: string): number[] {
  let text = ip;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const suffix = text.slice(lastColon + 1);
  if (suffix.includes('.')) {
    tail = ipv4Bytes(suffix);
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = text.split('::');
  const parse = (s: string): number[] => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  const groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = groups.flatMap((g) => [(g >> 8) & 0xff, g & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** Throws on anything that is not a literal IPv4 or IPv6 address. */
export function ipAddressBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ipv4Bytes(ip));
  if (isIPv6(ip)) return Buffer.from(ipv6Bytes(ip));
  throw new Error(`invalid IP address ${JSON.stringify(ip)}`);
}
