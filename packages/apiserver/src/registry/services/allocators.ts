/**
 * Cluster IPs from the service CIDR (--service-cluster-ip-range, 10.96.0.0/12) and node ports
 * from 30000-32767, chosen among those no existing Service uses.
 */
import { randomInt } from 'node:crypto';

export interface Cidr {
  base: number;
  size: number;
  text: string;
}

export function parseCidr(text: string): Cidr {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`invalid CIDR address: ${text}`);
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits < 8 || bits > 30) throw new Error(`invalid CIDR address: ${text}`);
  const ip = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { base: ip - (ip % size), size, text: text.trim() };
}

export function ipToString(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

/** The first usable address: the `kubernetes` service's ClusterIP (10.96.0.1). */
export function firstServiceIp(cidr: Cidr): string {
  return ipToString(cidr.base + 1);
}

export function inCidr(cidr: Cidr, ip: string): boolean {
  const n = ipToNumber(ip);
  return n > cidr.base && n < cidr.base + cidr.size - 1;
}

/** A free address, avoiding `used` (network and broadcast addresses excluded). */
export function allocateIp(cidr: Cidr, used: Set<string>, random = randomInt): string | undefined {
  const usable = cidr.size - 2;
  const start = random(usable);
  for (let i = 0; i < usable; i++) {
    const ip = ipToString(cidr.base + 1 + ((start + i) % usable));
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

export function allocateNodePort(used: Set<number>, random = randomInt): number | undefined {
  const span = NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1;
  const start = random(span);
  for (let i = 0; i < span; i++) {
    const port = NODE_PORT_RANGE.min + ((start + i) % span);
    if (!used.has(port)) return port;
  }
  return undefined;
}
