/**
 * An object's JSON as the watch cache keeps it: UTF-8 bytes outside the V8 heap, written to
 * sockets as they are, with its `fieldsV1` sets held once for all the objects that repeat them
 * (see shared-runs.ts). Served bytes are always exactly the JSON the object was stored as.
 *
 * Outside the heap, 10,000 stored pods cost their bytes and no garbage collector headroom, and a
 * GET answers with the stored Buffer instead of a string copied into each response.
 */
import { valueEnd } from '../printers/json-value-span.js';
import { exactBytes, SharedRuns } from './shared-runs.js';

/** A run of shared bytes, standing at `at` of the object's own bytes. */
interface SharedRun {
  at: number;
  bytes: Buffer;
}

const FIELDS_V1 = '"fieldsV1":';
/** Shorter sets are not worth a run of their own. */
const MIN_SHARED_CHARS = 128;

const defaultRuns = new SharedRuns();

export class StoredJson {
  private constructor(
    /** The bytes that are this object's alone: everything but the shared runs. */
    private readonly own: Buffer,
    private readonly shared: readonly SharedRun[],
    readonly byteLength: number,
  ) {}

  /** Stores `json`, sharing its fieldsV1 sets through `runs`. */
  static of(json: string, runs: SharedRuns = defaultRuns): StoredJson {
    const shared: { start: number; end: number; bytes: Buffer }[] = [];
    for (let i = json.indexOf(FIELDS_V1); i >= 0; i = json.indexOf(FIELDS_V1, i + 1)) {
      const start = i + FIELDS_V1.length;
      if (json.charCodeAt(start) !== 0x7b) continue;
      const end = valueEnd(json, start);
      if (end - start < MIN_SHARED_CHARS) continue;
      shared.push({ start, end, bytes: runs.get(json.slice(start, end)) });
      i = end - 1;
    }
    if (shared.length === 0) {
      const own = exactBytes(json);
      return new StoredJson(own, [], own.length);
    }
    let ownText = '';
    let from = 0;
    let sharedBytes = 0;
    const placed: SharedRun[] = [];
    for (const s of shared) {
      ownText += json.slice(from, s.start);
      placed.push({ at: Buffer.byteLength(ownText), bytes: s.bytes });
      sharedBytes += s.bytes.length;
      from = s.end;
    }
    ownText += json.slice(from);
    const own = exactBytes(ownText);
    return new StoredJson(own, placed, own.length + sharedBytes);
  }

  toString(): string {
    return this.shared.length === 0 ? this.own.toString() : this.bytes().toString();
  }

  /** All the bytes in one Buffer: the stored one itself when nothing is shared. */
  bytes(): Buffer {
    if (this.shared.length === 0) return this.own;
    const parts: Buffer[] = [];
    this.pushTo(parts);
    return Buffer.concat(parts, this.byteLength);
  }

  /** Appends bytes [start, end) to `out` as views of the stored Buffers (nothing is copied). */
  pushTo(out: Buffer[], start = 0, end = this.byteLength): void {
    if (this.shared.length === 0) {
      out.push(start === 0 && end === this.own.length ? this.own : this.own.subarray(start, end));
      return;
    }
    // Walk the segments in order: own[ownFrom, run.at), run.bytes, ..., own[ownFrom, own.length).
    let pos = 0;
    let ownFrom = 0;
    const take = (b: Buffer, from: number, to: number): void => {
      const segStart = pos;
      const segEnd = pos + (to - from);
      pos = segEnd;
      const a = Math.max(start, segStart);
      const z = Math.min(end, segEnd);
      if (a < z) out.push(b.subarray(from + (a - segStart), from + (z - segStart)));
    };
    for (const run of this.shared) {
      take(this.own, ownFrom, run.at);
      take(run.bytes, 0, run.bytes.length);
      ownFrom = run.at;
      if (pos >= end) return;
    }
    take(this.own, ownFrom, this.own.length);
  }
}
