/**
 * Byte runs that many stored objects share, held once. The watch cache keeps every object's
 * JSON, and most of an object's `managedFields` is a `fieldsV1` set that every object written
 * the same way by the same manager repeats byte for byte (10,000 pods of one ReplicaSet carry
 * 10,000 copies of one 1.9 KB set). A run is kept while some stored object still refers to it.
 *
 * Runs are found by a digest of their bytes, so a set that no other object repeats costs its
 * bytes and a 28-character key, not a second copy of its text.
 */
import { createHash } from 'node:crypto';

export type Digest = (bytes: Buffer) => string;

const sha1: Digest = (bytes) => createHash('sha1').update(bytes).digest('base64');

export class SharedRuns {
  private readonly runs = new Map<string, WeakRef<Buffer>>();
  private readonly forget = new FinalizationRegistry<string>((key) => {
    // The key may have been taken again by a newer run of the same bytes.
    if (this.runs.get(key)?.deref() === undefined) this.runs.delete(key);
  });

  constructor(private readonly digest: Digest = sha1) {}

  /** The one Buffer holding `text` as UTF-8. */
  get(text: string): Buffer {
    const bytes = exactBytes(text);
    const key = this.digest(bytes);
    const held = this.runs.get(key)?.deref();
    if (held) return held.equals(bytes) ? held : bytes;
    this.runs.set(key, new WeakRef(bytes));
    this.forget.register(bytes, key);
    return bytes;
  }

  /** Distinct runs currently held. */
  get size(): number {
    return this.runs.size;
  }
}

/**
 * `text` as UTF-8 in a Buffer of its own exact size: Buffer.from would carve small ones out of
 * a shared 8 KB slab, and one long-lived object would keep the whole slab.
 */
export function exactBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}
