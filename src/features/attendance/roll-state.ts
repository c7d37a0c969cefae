// The roll screen's state, kept off the render path's hot loop: a Map of marks by member id
// (what the screen shows, optimistically), the marks the database last confirmed, running
// counts over the roster and the undo stack. A tap is O(1): one Map write and two counter
// moves, never a re-sort, re-index or re-count of 5,000 members (PERFORMANCE.md B4).
// Listeners are per member (a row re-renders alone) and general (counts, undo bar), so a tap
// never re-renders the screen or the list around the row.
// Pure: no Dexie, no DOM. RollController (roll-controller.ts) wires it to the repo.
import type { AttendanceStatus } from '../../protocol/meeting-enums';
import type { RollCounts, RollRow } from '../../protocol/attendance-rules';

export interface Mark {
  status: AttendanceStatus;
  reason?: string;
}

/** One optimistic change in flight: settle it with ok or not once the write is done. */
export interface Op {
  memberId: string;
  prev: Mark | undefined;
  next: Mark | undefined;
}

export type UndoEntry =
  | { kind: 'one'; memberId: string; prev: Mark | undefined; next: Mark | undefined }
  | { kind: 'many'; memberIds: string[] };

export const UNDO_LIMIT = 50;

const COUNT_KEY: Record<AttendanceStatus, keyof RollCounts> = {
  present: 'present',
  late: 'late',
  absent_excused: 'absentExcused',
  absent_unexcused: 'absentUnexcused',
};

export function sameMark(a: Mark | undefined, b: Mark | undefined): boolean {
  if (!a || !b) return a === b;
  return a.status === b.status && (a.reason || '') === (b.reason || '');
}

export function emptyCounts(total = 0): RollCounts {
  return { total, present: 0, late: 0, absentExcused: 0, absentUnexcused: 0, unmarked: total };
}

export class RollState {
  private shown = new Map<string, Mark>();
  private saved = new Map<string, Mark>();
  private pending = new Map<string, number>();
  private roster = new Set<string>();
  private undoStack: UndoEntry[] = [];
  private listeners = new Set<() => void>();
  private memberListeners = new Map<string, Set<() => void>>();
  /** members whose shown mark changed since the last notification */
  private dirty = new Set<string>();
  private quiet = false;
  counts: RollCounts = emptyCounts();
  /** bumps on every visible change */
  version = 0;

  constructor(rows: readonly RollRow[] = []) {
    for (const r of rows) {
      const m: Mark = r.reason ? { status: r.status, reason: r.reason } : { status: r.status };
      this.shown.set(r.memberId, m);
      this.saved.set(r.memberId, m);
    }
  }

  get(memberId: string): Mark | undefined {
    return this.shown.get(memberId);
  }

  isMarked(memberId: string): boolean {
    return this.shown.has(memberId);
  }

  /** Members whose write has not committed yet. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Counts are over the roster: O(n), only when the roster itself changes (load, sub-group
   * toggle). Called while rendering, so it notifies nobody.
   */
  setRoster(ids: readonly string[]): void {
    this.roster = new Set(ids);
    const c = emptyCounts(this.roster.size);
    for (const id of this.roster) {
      const m = this.shown.get(id);
      if (m) {
        c[COUNT_KEY[m.status]]++;
        c.unmarked--;
      }
    }
    this.counts = c;
    this.version++;
  }

  /** Shows `next` at once (optimistic). The caller writes it, then calls settle(). */
  begin(memberId: string, next: Mark | undefined): Op {
    const prev = this.shown.get(memberId);
    this.show(memberId, next);
    this.pending.set(memberId, (this.pending.get(memberId) ?? 0) + 1);
    this.changed();
    return { memberId, prev, next };
  }

  /** begin() for many members at once ("everyone present"), one change notification. */
  beginMany(memberIds: readonly string[], next: Mark | undefined): Op[] {
    const ops = memberIds.map((memberId) => {
      const prev = this.shown.get(memberId);
      this.show(memberId, next);
      this.pending.set(memberId, (this.pending.get(memberId) ?? 0) + 1);
      return { memberId, prev, next };
    });
    this.changed();
    return ops;
  }

  settleMany(ops: readonly Op[], ok: boolean): void {
    this.quiet = true;
    try {
      for (const op of ops) this.settle(op, ok);
    } finally {
      this.quiet = false;
    }
    if (this.dirty.size) this.changed();
  }

  /**
   * The write of `op` finished. On success the database holds op.next; on failure the row goes
   * back to what the database last confirmed (writes commit in order, so a failure of an earlier
   * write never leaves a later optimistic value showing a state that was never saved).
   */
  settle(op: Op, ok: boolean): void {
    const left = (this.pending.get(op.memberId) ?? 1) - 1;
    if (left > 0) this.pending.set(op.memberId, left);
    else this.pending.delete(op.memberId);
    if (ok) {
      if (op.next) this.saved.set(op.memberId, op.next);
      else this.saved.delete(op.memberId);
      if (left === 0 && !sameMark(this.shown.get(op.memberId), op.next)) this.show(op.memberId, op.next);
    } else if (!sameMark(this.shown.get(op.memberId), this.saved.get(op.memberId))) {
      this.show(op.memberId, this.saved.get(op.memberId));
    }
    // A write that committed what is already shown changes nothing on screen: no notification.
    if (this.dirty.size) this.changed();
  }

  pushUndo(entry: UndoEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.changed();
  }

  popUndo(): UndoEntry | undefined {
    const e = this.undoStack.pop();
    if (e) this.changed();
    return e;
  }

  /** A change that never reached the database has nothing to undo. */
  removeUndo(entry: UndoEntry): void {
    const i = this.undoStack.lastIndexOf(entry);
    if (i < 0) return;
    this.undoStack.splice(i, 1);
    this.changed();
  }

  peekUndo(): UndoEntry | undefined {
    return this.undoStack[this.undoStack.length - 1];
  }

  get undoDepth(): number {
    return this.undoStack.length;
  }

  clearUndo(): void {
    if (!this.undoStack.length) return;
    this.undoStack = [];
    this.changed();
  }

  /** Any visible change: counts, undo stack, marks. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  /** Changes of one member's mark only (a row on screen). */
  subscribeMember(memberId: string, fn: () => void): () => void {
    let set = this.memberListeners.get(memberId);
    if (!set) this.memberListeners.set(memberId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (!set.size) this.memberListeners.delete(memberId);
    };
  }

  private show(memberId: string, next: Mark | undefined): void {
    const before = this.shown.get(memberId);
    if (next) this.shown.set(memberId, next);
    else this.shown.delete(memberId);
    this.dirty.add(memberId);
    if (!this.roster.has(memberId)) return;
    if (before) this.counts[COUNT_KEY[before.status]]--;
    else this.counts.unmarked--;
    if (next) this.counts[COUNT_KEY[next.status]]++;
    else this.counts.unmarked++;
  }

  private changed(): void {
    if (this.quiet) return;
    this.version++;
    if (this.dirty.size) {
      const ids = this.dirty;
      this.dirty = new Set();
      for (const id of ids) this.memberListeners.get(id)?.forEach((fn) => fn());
    }
    for (const fn of this.listeners) fn();
  }
}
