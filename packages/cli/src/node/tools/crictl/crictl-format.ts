/**
 * crictl's tables (cri-tools cmd/crictl/container.go OutputContainers and sandbox.go
 * OutputPodSandboxes): 13-character IDs, image IDs without their `sha256:` prefix, CREATED as
 * go-units HumanDuration + " ago", container states Created/Running/Exited/Unknown, pod
 * states Ready/NotReady, POD and NAMESPACE from the pod labels ("unknown" when missing).
 */
import { createdAgo } from './human-duration.js';
import type { CriContainer, CriContainerState, CriSandbox } from './runtime-view.js';
import { formatTable } from './table-writer.js';

export const TRUNCATED_ID_LEN = 13;

export function truncatedId(id: string, prefix = ''): string {
  const s = prefix && id.startsWith(prefix) ? id.slice(prefix.length) : id;
  return s.length > TRUNCATED_ID_LEN ? s.slice(0, TRUNCATED_ID_LEN) : s;
}

/** An image shown as a digest (`sha256:<hex>`) is cut to its first 13 hex digits. */
function imageCell(image: string, noTrunc: boolean): string {
  if (noTrunc) return image;
  const m = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-fA-F0-9]{32,})$/.exec(image);
  return m ? truncatedId(image, `${m[1]}:`) : image;
}

export function containerStateText(state: CriContainerState): string {
  return { CONTAINER_CREATED: 'Created', CONTAINER_RUNNING: 'Running', CONTAINER_EXITED: 'Exited', CONTAINER_UNKNOWN: 'Unknown' }[state];
}

function fromLabels(labels: Record<string, string>, key: string): string {
  return labels[key] ?? 'unknown';
}

export interface TableFormatOptions {
  now: number;
  noTrunc?: boolean;
}

export function formatContainerTable(containers: CriContainer[], opts: TableFormatOptions): string {
  const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']];
  for (const c of containers) {
    rows.push([
      opts.noTrunc ? c.id : truncatedId(c.id),
      imageCell(c.image, opts.noTrunc === true),
      createdAgo(c.createdAt, opts.now),
      containerStateText(c.state),
      c.name,
      String(c.attempt),
      opts.noTrunc ? c.podSandboxId : truncatedId(c.podSandboxId),
      fromLabels(c.labels, 'io.kubernetes.pod.name'),
      fromLabels(c.labels, 'io.kubernetes.pod.namespace'),
    ]);
  }
  return formatTable(rows);
}

export function sandboxStateText(state: CriSandbox['state']): string {
  return state === 'SANDBOX_READY' ? 'Ready' : 'NotReady';
}

export function formatSandboxTable(sandboxes: CriSandbox[], opts: TableFormatOptions): string {
  const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
  for (const p of sandboxes) {
    rows.push([
      opts.noTrunc ? p.id : truncatedId(p.id),
      createdAgo(p.createdAt, opts.now),
      sandboxStateText(p.state),
      p.name,
      p.namespace,
      String(p.attempt),
      '(default)',
    ]);
  }
  return formatTable(rows);
}

const nanos = (ms: number): string => `${BigInt(Math.round(ms)) * 1_000_000n}`;

/** `crictl ps -o json`: ListContainersResponse as protojson writes it (int64 as strings). */
export function containersJson(containers: CriContainer[]): string {
  const items = containers.map((c) => ({
    id: c.id,
    podSandboxId: c.podSandboxId,
    metadata: { name: c.name, attempt: c.attempt },
    image: { image: c.image, annotations: {}, userSpecifiedImage: c.imageSpec, runtimeHandler: '' },
    imageRef: c.image,
    state: c.state,
    createdAt: nanos(c.createdAt),
    labels: c.labels,
    annotations: c.annotations,
    imageId: c.image,
  }));
  return `${JSON.stringify({ containers: items }, null, 2)}\n`;
}

/** `crictl pods -o json`: ListPodSandboxResponse. */
export function sandboxesJson(sandboxes: CriSandbox[]): string {
  const items = sandboxes.map((p) => ({
    id: p.id,
    metadata: { name: p.name, uid: p.uid, namespace: p.namespace, attempt: p.attempt },
    state: p.state,
    createdAt: nanos(p.createdAt),
    labels: p.labels,
    annotations: p.annotations,
    runtimeHandler: '',
  }));
  return `${JSON.stringify({ items }, null, 2)}\n`;
}
