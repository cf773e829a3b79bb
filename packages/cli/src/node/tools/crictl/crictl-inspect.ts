/**
 * `crictl inspect CONTAINER-ID…`: the CRI ContainerStatus with the runtime's verbose info, as
 * crictl prints it (outputStatusData: `{"info": …, "status": …}`, status fields in the proto's
 * order, nested objects with sorted keys, times in RFC 3339 with nanoseconds, zero times as
 * Go's zero time). Paths under the node root are shown as node paths.
 */
import type Dockerode from 'dockerode';
import { write } from '../tool-io.js';
import { CrictlError, type CrictlContext } from './crictl-context.js';
import { resolveByPrefix, type CriContainer } from './runtime-view.js';

const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/** Go's RFC3339Nano (UTC): fraction without trailing zeros. */
export function goTime(dockerTime: string | undefined): string {
  if (!dockerTime || dockerTime.startsWith('0001-01-01')) return GO_ZERO_TIME;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(dockerTime);
  if (!m) return new Date(dockerTime).toISOString().replace(/\.?0*Z$/, 'Z');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return `${m[1]}${frac ? `.${frac}` : ''}Z`;
}

function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeysDeep((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** A host path under the node root, as the node sees it. */
export function nodePath(hostPath: string, nodeRoot: string): string {
  const root = nodeRoot.replace(/\/+$/, '');
  return root && (hostPath === root || hostPath.startsWith(`${root}/`)) ? hostPath.slice(root.length) || '/' : hostPath;
}

export interface InspectInput {
  container: CriContainer;
  inspect: Dockerode.ContainerInspectInfo;
  /** The image's first repo tag, if any. */
  repoTag?: string;
  nodeRoot: string;
}

export function containerStatusDocument({ container: c, inspect: i, repoTag, nodeRoot }: InspectInput): Record<string, unknown> {
  const state = c.state;
  const startedAt = state === 'CONTAINER_CREATED' ? GO_ZERO_TIME : goTime(i.State.StartedAt);
  const finishedAt = state === 'CONTAINER_EXITED' ? goTime(i.State.FinishedAt) : GO_ZERO_TIME;
  const reason = state === 'CONTAINER_EXITED' ? (i.State.OOMKilled ? 'OOMKilled' : i.State.ExitCode === 0 ? 'Completed' : 'Error') : '';
  const mounts = (i.Mounts ?? []).map((m) => ({
    containerPath: m.Destination,
    hostPath: nodePath(m.Source, nodeRoot),
    readonly: !m.RW,
    selinuxRelabel: false,
    propagation: 'PROPAGATION_PRIVATE',
    uidMappings: [],
    gidMappings: [],
    recursiveReadOnly: false,
  }));
  const image = { annotations: {}, image: repoTag ?? c.image, runtimeHandler: '', userSpecifiedImage: c.imageSpec };
  const status = {
    id: c.id,
    metadata: sortKeysDeep({ attempt: c.attempt, name: c.name }),
    state,
    createdAt: goTime(i.Created),
    startedAt,
    finishedAt,
    exitCode: state === 'CONTAINER_EXITED' ? i.State.ExitCode : 0,
    image: sortKeysDeep(image),
    imageRef: c.image,
    reason,
    message: i.State.Error ?? '',
    labels: sortKeysDeep(c.labels),
    annotations: sortKeysDeep(c.annotations),
    mounts: sortKeysDeep(mounts),
    logPath: nodePath(c.logPath, nodeRoot),
    resources: null,
    imageId: c.image,
    user: null,
  };
  const info = {
    config: {
      annotations: c.annotations,
      args: i.Config.Cmd ?? [],
      envs: (i.Config.Env ?? []).map((e) => ({ key: e.split('=')[0], value: e.slice(e.indexOf('=') + 1) })),
      image: { image: c.image, user_specified_image: c.imageSpec },
      labels: c.labels,
      log_path: nodePath(c.logPath, nodeRoot),
      metadata: { attempt: c.attempt, name: c.name },
    },
    pid: i.State.Pid,
    removing: false,
    sandboxID: c.podSandboxId,
  };
  // Top level: json.Marshal of a map (sorted: info, status); status keeps the proto order.
  return { info: sortKeysDeep(info), status };
}

export async function crictlInspect(args: string[], ctx: CrictlContext): Promise<void> {
  const ids = args.filter((a) => !a.startsWith('-'));
  if (ids.length === 0) throw new CrictlError('ID cannot be empty');
  const all = await ctx.view.containers();
  const docs: Record<string, unknown>[] = [];
  for (const id of ids) {
    let container: CriContainer;
    try {
      container = resolveByPrefix(all, id, 'container');
    } catch (err) {
      throw new CrictlError(`get the status of containers: get container status: ${(err as Error).message}`);
    }
    const inspect = await ctx.docker.getContainer(container.id).inspect();
    const repoTag = await ctx.docker
      .getImage(container.image)
      .inspect()
      .then((img) => img.RepoTags?.[0])
      .catch(() => undefined);
    docs.push(containerStatusDocument({ container, inspect, repoTag, nodeRoot: ctx.nodeRoot }));
  }
  await write(ctx.io.stdout, `${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
}
