/**
 * The file source (pkg/kubelet/config/file.go, file_linux.go): static pods from staticPodPath.
 * It lists the path at start, on every file-system event (debounced by a few milliseconds) and
 * every fileCheckFrequency, and sends a full SET after each listing, also an empty one when the
 * path does not exist. A bad manifest is logged and reported with a Warning event once per
 * distinct error (upstream logs it on every listing), and left out; the other pods stay.
 */
import { posix } from 'node:path';
import { noopLogger, realClock, type Clock, type Logger, type ObjectReference } from '@kubelab/api';
import { nullRecorder, type EventRecorder } from '../events/event-recorder.js';
import {
  listManifests,
  type DecodeCache,
  type Listing,
  type ListingNotice,
} from './manifest-listing.js';
import { ManifestWatcher } from './manifest-watcher.js';
import type { PodSource } from './pod-source.js';
import type { PodUpdate } from './pod-update.js';
import { WakeTimer } from './wake-timer.js';

export interface FileSourceOptions {
  /** The host path of staticPodPath: a directory of manifests or a single manifest. */
  path: string;
  /** The same path as the node sees it (default: `path`); it goes into UIDs, logs and events. */
  nodePath?: string;
  nodeName: string;
  /** Relist period; default 20 s (fileCheckFrequency). */
  fileCheckFrequencyMs?: number;
  clock?: Clock;
  logger?: Logger;
  /** Receives a Warning event for each manifest that cannot be used. */
  recorder?: EventRecorder;
  /** React to file-system events; default true. */
  watch?: boolean;
  /** How long a burst of file-system events is gathered before listing; default 5 ms. */
  debounceMs?: number;
}

export const DEFAULT_FILE_CHECK_FREQUENCY_MS = 20_000;

const trimSlash = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p);

export class FileSource implements PodSource {
  readonly name = 'file' as const;
  private readonly hostPath: string;
  private readonly nodePath: string;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly recorder: EventRecorder;
  /** What was last reported per path (or for the path as a whole), to log changes only. */
  private reported = new Map<string, string>();
  private readonly cache: DecodeCache = new Map();

  constructor(private readonly opts: FileSourceOptions) {
    this.hostPath = trimSlash(opts.path);
    this.nodePath = trimSlash(opts.nodePath ?? opts.path);
    this.clock = opts.clock ?? realClock;
    this.logger = opts.logger ?? noopLogger;
    this.recorder = opts.recorder ?? nullRecorder;
  }

  async run(emit: (update: PodUpdate) => void, signal: AbortSignal): Promise<void> {
    const period = this.opts.fileCheckFrequencyMs ?? DEFAULT_FILE_CHECK_FREQUENCY_MS;
    const timer = new WakeTimer(this.clock, period);
    const watcher =
      this.opts.watch === false
        ? undefined
        : new ManifestWatcher(
            this.hostPath,
            () => timer.poke(this.opts.debounceMs ?? 5, signal),
            this.logger,
          );
    this.logger.info('Watching path', { path: this.nodePath });
    try {
      while (!signal.aborted) {
        watcher?.sync(); // before listing, so that no change after the listing is missed
        let update: PodUpdate | undefined;
        try {
          update = this.toUpdate(await this.list());
        } catch (err) {
          this.logger.error('Unable to read config path', err, { path: this.nodePath });
        }
        if (signal.aborted) break;
        if (update) emit(update);
        await timer.wait(signal);
      }
    } finally {
      watcher?.close();
    }
  }

  /** One listing of the path as it is now. */
  list(): Promise<Listing> {
    return listManifests({
      hostPath: this.hostPath,
      nodePath: this.nodePath,
      nodeName: this.opts.nodeName,
      cache: this.cache,
    });
  }

  /** Logs what changed since the last listing and returns the SET to send, if any. */
  private toUpdate(listing: Listing): PodUpdate | undefined {
    const seen = new Map<string, string>();
    let update: PodUpdate | undefined;
    if (listing.kind === 'missing') {
      this.once(seen, '', 'path does not exist, ignoring', () =>
        this.logger.error(
          'Unable to read config path',
          new Error('path does not exist, ignoring'),
          {
            path: this.nodePath,
          },
        ),
      );
      update = { op: 'SET', source: 'file', pods: [] };
    } else if (listing.kind === 'error') {
      this.once(seen, '', listing.error.message, () => {
        this.logger.error('Unable to read config path', listing.error, { path: this.nodePath });
        if (listing.file) this.warn(listing.file, listing.error);
      });
    } else {
      for (const n of listing.notices)
        this.once(seen, n.path, `${n.msg}: ${n.err?.message ?? ''}`, () => this.notice(n));
      update = { op: 'SET', source: 'file', pods: listing.pods };
    }
    this.reported = seen;
    return update;
  }

  /** Runs `report` unless the same message was reported for this key by the previous listing. */
  private once(seen: Map<string, string>, key: string, message: string, report: () => void): void {
    if (this.reported.get(key) !== message) report();
    seen.set(key, message);
  }

  private notice(n: ListingNotice): void {
    const fields = { path: n.path, ...(n.mode ? { mode: n.mode } : {}) };
    this.logger.error(n.msg, n.err, fields);
    if (n.err && n.msg === 'Could not process manifest file') this.warn(n.path, n.err);
  }

  private warn(path: string, err: Error): void {
    const node: ObjectReference = {
      kind: 'Node',
      name: this.opts.nodeName,
      uid: this.opts.nodeName,
      namespace: '',
    };
    const file = posix.normalize(path);
    this.recorder.event(
      node,
      'Warning',
      'FailedValidation',
      `Error validating pod manifest ${file} from file, ignoring: ${err.message}`,
    );
  }
}
