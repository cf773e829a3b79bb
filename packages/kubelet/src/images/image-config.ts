/**
 * Image configuration as Dockerfile instructions: the `changes` of `docker import` and the
 * Dockerfile of a build from a base image use the same lines.
 */

export interface ImageConfig {
  entrypoint?: string[];
  cmd?: string[];
  env?: Record<string, string>;
  workdir?: string;
  user?: string;
  stopSignal?: string;
  labels?: Record<string, string>;
}

const quote = (s: string): string => JSON.stringify(s);

/** Dockerfile instructions for the config, in a stable order. */
export function imageChanges(config: ImageConfig): string[] {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(config.env ?? {})) lines.push(`ENV ${k}=${quote(v)}`);
  if (config.workdir) lines.push(`WORKDIR ${config.workdir}`);
  if (config.user) lines.push(`USER ${config.user}`);
  if (config.stopSignal) lines.push(`STOPSIGNAL ${config.stopSignal}`);
  const labels = Object.entries(config.labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (labels.length > 0) lines.push(`LABEL ${labels.map(([k, v]) => `${quote(k)}=${quote(v)}`).join(' ')}`);
  if (config.entrypoint) lines.push(`ENTRYPOINT ${JSON.stringify(config.entrypoint)}`);
  if (config.cmd) lines.push(`CMD ${JSON.stringify(config.cmd)}`);
  return lines;
}

/** A Dockerfile that copies the context's rootfs/ over a base image. */
export function dockerfileFor(from: string, hasFiles: boolean, config: ImageConfig): string {
  const lines = [`FROM ${from}`];
  if (hasFiles) lines.push('COPY rootfs/ /');
  lines.push(...imageChanges(config));
  return `${lines.join('\n')}\n`;
}
