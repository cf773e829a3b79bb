/** What every crictl subcommand works with. */
import type Dockerode from 'dockerode';
import type { ToolIO } from '../tool-io.js';
import type { NodeRuntimeView } from './runtime-view.js';

export interface CrictlContext {
  docker: Dockerode;
  view: NodeRuntimeView;
  io: ToolIO;
  now(): number;
  /** Host directory standing for the node's `/` (log paths are shown as node paths). */
  nodeRoot: string;
}

/** An error crictl reports with logrus' Fatal (one line, exit 1). */
export class CrictlError extends Error {
  override name = 'CrictlError';
}
