/**
 * File-system events for staticPodPath (the inotify half of file_linux.go), robust to what
 * editors and tools do: a directory is watched itself; a single file, or a path that does not
 * exist yet, through its parent directory (so rename-over-write and creation are seen). sync()
 * re-points the watch after every listing, so a deleted and recreated directory is watched
 * again. Hidden names are ignored, as upstream ignores them.
 */
import { watch, statSync, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { noopLogger, type Logger } from '@kubelab/api';

interface Target {
  dir: string;
  /** The directory's identity: a recreated directory is a new target. */
  ino: number;
  /** Only this entry matters (single file or missing path); undefined: every entry. */
  entry: string | undefined;
}

function statOrUndefined(path: string): { ino: number; dir: boolean } | undefined {
  try {
    const s = statSync(path);
    return { ino: s.ino, dir: s.isDirectory() };
  } catch {
    return undefined;
  }
}

export class ManifestWatcher {
  private watcher: FSWatcher | undefined;
  private target: Target | undefined;
  private failed = false;

  constructor(
    private readonly hostPath: string,
    private readonly onChange: () => void,
    private readonly logger: Logger = noopLogger,
  ) {}

  /** What to watch for the path as it is now. */
  private wanted(): Target | undefined {
    const self = statOrUndefined(this.hostPath);
    if (self?.dir) return { dir: this.hostPath, ino: self.ino, entry: undefined };
    const parent = dirname(this.hostPath);
    const p = statOrUndefined(parent);
    return p?.dir ? { dir: parent, ino: p.ino, entry: basename(this.hostPath) } : undefined;
  }

  /** (Re)establishes the watch for the current state of the path. */
  sync(): void {
    const want = this.wanted();
    const t = this.target;
    if (
      this.watcher &&
      want &&
      t &&
      t.dir === want.dir &&
      t.ino === want.ino &&
      t.entry === want.entry
    )
      return;
    this.close();
    if (!want) return;
    try {
      const w = watch(want.dir, { persistent: false }, (_event, name) => this.event(want, name));
      w.on('error', (err) => this.broken(w, err));
      this.watcher = w;
      this.target = want;
      if (this.failed) this.logger.info('Watching manifest path again', { path: want.dir });
      this.failed = false;
    } catch (err) {
      // Retried on the next sync (the periodic relist at the latest), never in a loop.
      this.report(err);
    }
  }

  private event(target: Target, name: string | Buffer | null): void {
    const entry = name === null ? undefined : String(name);
    if (entry !== undefined && target.entry === undefined && entry.startsWith('.')) {
      this.logger.debug('Ignored pod manifest, because it starts with dots', { eventName: entry });
      return;
    }
    if (target.entry !== undefined && entry !== undefined && entry !== target.entry) return;
    this.onChange();
  }

  private report(err: unknown): void {
    if (!this.failed)
      this.logger.error('Unable to watch config path', err, { path: this.hostPath });
    this.failed = true;
  }

  /** A watch that fails while running is dropped, and a relist re-establishes it. */
  private broken(w: FSWatcher, err: unknown): void {
    this.report(err);
    if (w !== this.watcher) return;
    this.close();
    this.onChange();
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.target = undefined;
  }
}
