/**
 * Per-cycle plugin state (framework.CycleState): what PreFilter/PreScore compute once for the
 * pod being scheduled. Values that change as preemption simulates removals implement clone().
 */
export interface StateData {
  clone(): StateData;
}

export class CycleState {
  private readonly data = new Map<string, unknown>();
  /** Filter plugins whose PreFilter returned Skip. */
  readonly skipFilter = new Set<string>();
  /** Score plugins whose PreScore returned Skip. */
  readonly skipScore = new Set<string>();

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  clone(): CycleState {
    const c = new CycleState();
    for (const [k, v] of this.data) {
      c.data.set(k, v && typeof (v as StateData).clone === 'function' ? (v as StateData).clone() : v);
    }
    for (const s of this.skipFilter) c.skipFilter.add(s);
    for (const s of this.skipScore) c.skipScore.add(s);
    return c;
  }
}
