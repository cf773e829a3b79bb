/**
 * Temporary directories a test file makes, removed together when it is done (tests leave
 * nothing behind, also when they fail):
 *
 *   const temp = new TempDirs();
 *   afterEach(() => temp.removeAll());
 *   const dir = await temp.make('kubelab-kp-');
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class TempDirs {
  private dirs: string[] = [];

  /** A new empty directory under the system's temporary directory, named `<prefix>XXXXXX`. */
  async make(prefix: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  makeSync(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  async removeAll(): Promise<void> {
    const dirs = this.dirs;
    this.dirs = [];
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  }

  removeAllSync(): void {
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
    this.dirs = [];
  }
}
