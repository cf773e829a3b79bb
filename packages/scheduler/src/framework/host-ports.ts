/**
 * Host ports in use on a node (framework.HostPortInfo): by IP, then protocol/port. 0.0.0.0
 * conflicts with every IP for the same protocol and port.
 */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export const DEFAULT_BIND_ALL_HOST_IP = '0.0.0.0';

export function sanitizeHostPort(ip: string | undefined, protocol: string | undefined, port: number): HostPort {
  return { ip: ip || DEFAULT_BIND_ALL_HOST_IP, protocol: protocol || 'TCP', port };
}

export class HostPortInfo {
  private readonly byIp = new Map<string, Map<string, number>>();

  add(p: HostPort): void {
    if (p.port <= 0) return;
    const key = `${p.protocol}/${p.port}`;
    let ports = this.byIp.get(p.ip);
    if (!ports) {
      ports = new Map();
      this.byIp.set(p.ip, ports);
    }
    ports.set(key, (ports.get(key) ?? 0) + 1);
  }

  remove(p: HostPort): void {
    if (p.port <= 0) return;
    const key = `${p.protocol}/${p.port}`;
    const ports = this.byIp.get(p.ip);
    const n = ports?.get(key);
    if (!ports || n === undefined) return;
    if (n <= 1) ports.delete(key);
    else ports.set(key, n - 1);
    if (ports.size === 0) this.byIp.delete(p.ip);
  }

  /** CheckConflict: whether the port is already used on the IP (or on 0.0.0.0, or, for 0.0.0.0, on any IP). */
  conflicts(p: HostPort): boolean {
    if (p.port <= 0) return false;
    const key = `${p.protocol}/${p.port}`;
    if (p.ip === DEFAULT_BIND_ALL_HOST_IP) {
      for (const ports of this.byIp.values()) if (ports.has(key)) return true;
      return false;
    }
    return Boolean(this.byIp.get(p.ip)?.has(key) || this.byIp.get(DEFAULT_BIND_ALL_HOST_IP)?.has(key));
  }

  get size(): number {
    let n = 0;
    for (const ports of this.byIp.values()) n += ports.size;
    return n;
  }

  clone(): HostPortInfo {
    const c = new HostPortInfo();
    for (const [ip, ports] of this.byIp) c.byIp.set(ip, new Map(ports));
    return c;
  }
}
