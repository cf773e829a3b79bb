/**
 * What a client of the new cluster sees, independently of the CLI: as soon as the control-plane
 * node's /etc/kubernetes/admin.conf exists, two plain HTTPS watches (nodes; pods in
 * kube-system), reconnected every 50 ms until the API server answers. Records when (epoch ms,
 * at receipt) every expected node was first Ready, every control-plane mirror pod first
 * Running, and every one of them first Ready (its probes passed).
 */
import { readFile } from 'node:fs/promises';
import { request, type Agent } from 'node:https';
import { parse } from 'yaml';
import { now } from './cluster-cli.js';

interface Condition {
  type?: string;
  status?: string;
}
interface Obj {
  metadata?: { name?: string };
  status?: { phase?: string; conditions?: Condition[] };
}

export interface WatchMilestones {
  /** When the first watch connected (the API server answered). */
  apiAnsweredAt?: number;
  nodesReadyAt?: number;
  podsRunningAt?: number;
  podsReadyAt?: number;
}

interface Creds {
  server: string;
  ca: string;
  token: string;
}

async function readAdminConf(path: string, stop: () => boolean): Promise<Creds | undefined> {
  while (!stop()) {
    try {
      const kc = parse(await readFile(path, 'utf8')) as {
        clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
        users: { user: { token: string } }[];
      };
      const c = kc.clusters[0]?.cluster;
      const token = kc.users[0]?.user.token;
      if (c && token)
        return {
          server: c.server,
          ca: Buffer.from(c['certificate-authority-data'], 'base64').toString(),
          token,
        };
    } catch {
      // not written yet (or half written)
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

const condition = (o: Obj, type: string): boolean =>
  o.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;

export class ClusterWatch {
  readonly milestones: WatchMilestones = {};
  private readonly nodes = new Map<string, Obj>();
  private readonly pods = new Map<string, Obj>();
  private stopped = false;
  private readonly requests = new Set<{ destroy(): void }>();
  private readonly waiters: (() => void)[] = [];

  constructor(
    private readonly expectedNodes: string[],
    private readonly expectedPods: string[],
  ) {}

  /** Starts in the background; never rejects. */
  start(adminConfPath: string): void {
    void readAdminConf(adminConfPath, () => this.stopped).then((creds) => {
      if (!creds) return;
      this.follow(creds, '/api/v1/nodes?watch=true', this.nodes);
      this.follow(creds, '/api/v1/namespaces/kube-system/pods?watch=true', this.pods);
    });
  }

  /** Resolves when `key` is set, or after timeoutMs (then the milestone stays undefined). */
  async until(key: keyof WatchMilestones, timeoutMs: number): Promise<number | undefined> {
    const deadline = now() + timeoutMs;
    while (this.milestones[key] === undefined && now() < deadline && !this.stopped) {
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.max(1, deadline - now()));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
    return this.milestones[key];
  }

  stop(): void {
    this.stopped = true;
    for (const r of this.requests) r.destroy();
    for (const w of this.waiters.splice(0)) w();
  }

  private follow(creds: Creds, path: string, into: Map<string, Obj>): void {
    if (this.stopped) return;
    const url = new URL(path, creds.server);
    let buffered = '';
    let retried = false;
    const retry = (): void => {
      if (retried) return;
      retried = true;
      this.requests.delete(req);
      if (!this.stopped) setTimeout(() => this.follow(creds, path, into), 50);
    };
    const req = request(
      url,
      {
        ca: creds.ca,
        headers: { Authorization: `Bearer ${creds.token}` },
        agent: false as unknown as Agent,
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          res.on('end', retry);
          return;
        }
        this.milestones.apiAnsweredAt ??= now();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const at = now();
          const parts = (buffered + chunk).split('\n');
          buffered = parts.pop() ?? '';
          for (const line of parts) {
            if (!line.trim()) continue;
            try {
              const ev = JSON.parse(line) as { type: string; object: Obj };
              const name = ev.object.metadata?.name;
              if (!name) continue;
              if (ev.type === 'DELETED') into.delete(name);
              else if (ev.type === 'ADDED' || ev.type === 'MODIFIED') into.set(name, ev.object);
            } catch {
              // not an event line
            }
          }
          this.evaluate(at);
        });
        res.on('end', retry);
        res.on('error', () => undefined);
      },
    );
    req.on('error', retry);
    this.requests.add(req);
    req.end();
  }

  private evaluate(at: number): void {
    const m = this.milestones;
    const nodes = this.expectedNodes.map((n) => this.nodes.get(n));
    const pods = this.expectedPods.map((p) => this.pods.get(p));
    if (m.nodesReadyAt === undefined && nodes.every((n) => n && condition(n, 'Ready')))
      m.nodesReadyAt = at;
    if (m.podsRunningAt === undefined && pods.every((p) => p?.status?.phase === 'Running'))
      m.podsRunningAt = at;
    if (m.podsReadyAt === undefined && pods.every((p) => p && condition(p, 'Ready')))
      m.podsReadyAt = at;
    for (const w of this.waiters.splice(0)) w();
  }
}
