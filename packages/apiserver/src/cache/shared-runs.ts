/**
 * Byte runs that many stored objects share, held once. The watch cache keeps every object's
 * JSON, and most of an object's `managedFields` is a `fieldsV1` set that every object written
 * the same way by the same manager repeats byte for byte (10,000 pods of one ReplicaSet carry
 * 10,000 copies of one 1.9 KB set). A run is kept while some stored object still refers to it.
 */
export class SharedRuns {
  private readonly runs = new Map<string, WeakRef<Buffer>>();
  private readonly forget = new FinalizationRegistry<string>((text) => {
    // The key may have been taken again by a newer run of the same text.
    if (this.runs.get(text)?.deref() === undefined) this.runs.delete(text);
  });

  /** The one Buffer holding `text` as UTF-8. */
  get(text: string): Buffer {
    const held = this.runs.get(text)?.deref();
    if (held) return held;
    const bytes = exactBytes(text);
    // A fresh string for the key: `text` is usually a slice of a whole object's JSON, and a
    // slice keeps its parent alive.
    const key = bytes.toString();
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
