/**
 * A set of field paths stored as a tree (fieldpath.Set): `members` are the path elements that
 * end a path at this node, `children` the subtrees below an element. Both are kept sorted by
 * comparePathElements, so set operations are merges and iteration is deterministic.
 *
 * `insert` is for building a set; once a set has taken part in an operation it is not changed
 * again. The operations rely on that: their results share unchanged subtrees (and may be one of
 * their operands) instead of copying them, which is most of what a create's field tracking did.
 */
import type { FieldPath, PathElement } from './path-element.js';
import { comparePathElements } from './path-element.js';

interface Child {
  readonly pe: PathElement;
  readonly set: FieldSet;
}

function search<T>(arr: readonly T[], pe: PathElement, get: (t: T) => PathElement): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePathElements(get(arr[mid] as T), pe) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const self = (pe: PathElement): PathElement => pe;
const childPe = (c: Child): PathElement => c.pe;

export class FieldSet {
  private readonly members: PathElement[] = [];
  private readonly children: Child[] = [];

  static of(...paths: FieldPath[]): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  /** Adds `path`; the empty path is ignored. */
  insert(path: FieldPath): void {
    if (path.length === 0) return;
    let parent: FieldSet | undefined;
    for (let i = 0; i < path.length - 1; i++) parent = (parent ?? this).child(path[i] as PathElement, true);
    (parent ?? this).addMember(path[path.length - 1] as PathElement);
  }

  private addMember(pe: PathElement): void {
    // Walks insert in order most of the time: compare with the last member before searching.
    const last = this.members[this.members.length - 1];
    const order = last === undefined ? -1 : comparePathElements(last, pe);
    if (order === 0) return;
    if (order < 0) {
      this.members.push(pe);
      return;
    }
    const i = search(this.members, pe, self);
    const at = this.members[i];
    if (at && comparePathElements(at, pe) === 0) return;
    this.members.splice(i, 0, pe);
  }

  private child(pe: PathElement, create: boolean): FieldSet | undefined {
    const last = this.children[this.children.length - 1];
    const order = last === undefined ? -1 : comparePathElements(last.pe, pe);
    if (order === 0) return (last as Child).set;
    if (order < 0) return create ? this.appendChild(pe) : undefined;
    const i = search(this.children, pe, childPe);
    const at = this.children[i];
    if (at && comparePathElements(at.pe, pe) === 0) return at.set;
    if (!create) return undefined;
    const set = new FieldSet();
    this.children.splice(i, 0, { pe, set });
    return set;
  }

  private appendChild(pe: PathElement): FieldSet {
    const set = new FieldSet();
    this.children.push({ pe, set });
    return set;
  }

  hasMember(pe: PathElement): boolean {
    const at = this.members[search(this.members, pe, self)];
    return at !== undefined && comparePathElements(at, pe) === 0;
  }

  has(path: FieldPath): boolean {
    if (path.length === 0) return false;
    const parent = path
      .slice(0, -1)
      .reduce<FieldSet | undefined>((node, pe) => node?.child(pe, false), this);
    return parent !== undefined && parent.hasMember(path[path.length - 1] as PathElement);
  }

  /** The subtree below `pe` (fieldpath.Set.WithPrefix); empty when there is none. */
  withPrefix(pe: PathElement): FieldSet {
    return this.child(pe, false) ?? new FieldSet();
  }

  isEmpty(): boolean {
    return this.members.length === 0 && this.children.every((c) => c.set.isEmpty());
  }

  memberElements(): readonly PathElement[] {
    return this.members;
  }

  childEntries(): readonly Child[] {
    return this.children;
  }

  /** Every path in the set: this node's members first, then each child's paths, in order. */
  paths(prefix: FieldPath = []): FieldPath[] {
    const out: FieldPath[] = this.members.map((pe) => [...prefix, pe]);
    for (const c of this.children) out.push(...c.set.paths([...prefix, c.pe]));
    return out;
  }

  union(other: FieldSet): FieldSet {
    if (other.isBare()) return this;
    if (this.isBare()) return other;
    const out = new FieldSet();
    mergeSorted(this.members, other.members, self, 'union', out.members);
    zipChildren(this.children, other.children, (pe, a, b) => {
      out.children.push({ pe, set: a && b ? a.union(b) : ((a ?? b) as FieldSet) });
    });
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    mergeSorted(this.members, other.members, self, 'intersection', out.members);
    zipChildren(this.children, other.children, (pe, a, b) => {
      if (!a || !b) return;
      const set = a.intersection(b);
      if (!set.isEmpty()) out.children.push({ pe, set });
    });
    return out;
  }

  /** Paths in this set and not in `other`; a member of `other` does not remove our subtree. */
  difference(other: FieldSet): FieldSet {
    if (other.isBare()) return this;
    const out = new FieldSet();
    mergeSorted(this.members, other.members, self, 'difference', out.members);
    zipChildren(this.children, other.children, (pe, a, b) => {
      if (!a) return;
      const set = b ? a.difference(b) : a;
      if (!set.isEmpty()) out.children.push({ pe, set });
    });
    return out;
  }

  /** Like difference, but a member of `other` also removes everything below it. */
  recursiveDifference(other: FieldSet): FieldSet {
    if (other.isBare()) return this;
    const out = new FieldSet();
    mergeSorted(this.members, other.members, self, 'difference', out.members);
    zipChildren(this.children, other.children, (pe, a, b) => {
      if (!a || other.hasMember(pe)) return;
      const set = b ? a.recursiveDifference(b) : a;
      if (!set.isEmpty()) out.children.push({ pe, set });
    });
    return out;
  }

  equals(other: FieldSet): boolean {
    return this.difference(other).isEmpty() && other.difference(this).isEmpty();
  }

  /** No members and no children at all (cheaper than isEmpty, which looks into children). */
  private isBare(): boolean {
    return this.members.length === 0 && this.children.length === 0;
  }
}

function mergeSorted<T>(
  a: readonly T[],
  b: readonly T[],
  get: (t: T) => PathElement,
  op: 'union' | 'intersection' | 'difference',
  out: T[],
): void {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c = comparePathElements(get(a[i] as T), get(b[j] as T));
    if (c < 0) {
      if (op !== 'intersection') out.push(a[i] as T);
      i++;
    } else if (c > 0) {
      if (op === 'union') out.push(b[j] as T);
      j++;
    } else {
      if (op !== 'difference') out.push(a[i] as T);
      i++;
      j++;
    }
  }
  if (op !== 'intersection') for (; i < a.length; i++) out.push(a[i] as T);
  if (op === 'union') for (; j < b.length; j++) out.push(b[j] as T);
}

/** Calls `each` for the children of both sets aligned by element: ours and theirs, either may be absent. */
function zipChildren(
  a: readonly Child[],
  b: readonly Child[],
  each: (pe: PathElement, ours: FieldSet | undefined, theirs: FieldSet | undefined) => void,
): void {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const c = !x ? 1 : !y ? -1 : comparePathElements(x.pe, y.pe);
    if (c < 0 && x) {
      each(x.pe, x.set, undefined);
      i++;
    } else if (c > 0 && y) {
      each(y.pe, undefined, y.set);
      j++;
    } else if (x && y) {
      each(x.pe, x.set, y.set);
      i++;
      j++;
    }
  }
}
