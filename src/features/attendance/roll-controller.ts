// What a tap does: show the new mark at once (RollState), then write it through the repo
// (row + outbox in one transaction). A failed write puts the row back and reports the error.
// The writer is injected so the logic is tested without a database; the screen passes the
// attendance repo. Marks 'scd:roll-tap' and 'scd:roll-committed' (PERFORMANCE.md B4).
import { nextStatus } from '../../protocol/attendance-rules';
import type { AttendanceStatus } from '../../protocol/meeting-enums';
import { RollState, sameMark, type Mark, type UndoEntry } from './roll-state';

export interface RollWriter {
  mark(eventId: string, memberId: string, status: AttendanceStatus, reason?: string): Promise<unknown>;
  clear(eventId: string, memberId: string): Promise<unknown>;
  markAll(eventId: string, memberIds: readonly string[]): Promise<unknown>;
  clearMany(eventId: string, memberIds: readonly string[]): Promise<unknown>;
}

export const TAP_MARK = 'scd:roll-tap';
export const COMMITTED_MARK = 'scd:roll-committed';

function perfMark(name: string, seq: number): void {
  // A browser without User Timing 3 ignores the detail: the marks still come in order.
  globalThis.performance?.mark?.(name, { detail: { seq } });
}

export class RollController {
  private seq = 0;

  constructor(
    readonly eventId: string,
    readonly state: RollState,
    private readonly writer: RollWriter,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** One tap on a row: the next status of the cycle. */
  tap(memberId: string): Promise<void> {
    return this.set(memberId, { status: nextStatus(this.state.get(memberId)?.status) });
  }

  /** Sets a member's mark (roll-call buttons, the reason sheet); undefined = back to unmarked. */
  set(memberId: string, next: Mark | undefined, undoable = true): Promise<void> {
    const seq = ++this.seq;
    perfMark(TAP_MARK, seq);
    if (sameMark(this.state.get(memberId), next)) {
      perfMark(COMMITTED_MARK, seq);
      return Promise.resolve();
    }
    // The write starts before the screen is told: its first IndexedDB requests are then issued
    // ahead of the render, and the database works while the row paints.
    const write = next ? this.writer.mark(this.eventId, memberId, next.status, next.reason) : this.writer.clear(this.eventId, memberId);
    const op = this.state.begin(memberId, next);
    const entry: UndoEntry | undefined = undoable ? { kind: 'one', memberId, prev: op.prev, next } : undefined;
    if (entry) this.state.pushUndo(entry);
    return write.then(
      () => {
        perfMark(COMMITTED_MARK, seq);
        this.state.settle(op, true);
      },
      (e) => {
        this.state.settle(op, false);
        if (entry) this.state.removeUndo(entry);
        this.onError(e);
      },
    );
  }

  /** "Everyone present": every unmarked member of the roster, one transaction, one undo step. */
  markAllPresent(rosterIds: readonly string[]): Promise<number> {
    const ids = rosterIds.filter((id) => !this.state.isMarked(id));
    if (!ids.length) return Promise.resolve(0);
    const ops = this.state.beginMany(ids, { status: 'present' });
    const entry: UndoEntry = { kind: 'many', memberIds: ids };
    this.state.pushUndo(entry);
    return this.writer.markAll(this.eventId, ids).then(
      () => {
        this.state.settleMany(ops, true);
        return ids.length;
      },
      (e) => {
        this.state.settleMany(ops, false);
        this.state.removeUndo(entry);
        this.onError(e);
        return 0;
      },
    );
  }

  /** Undoes the last change; returns it (roll-call mode goes back to that member). */
  undo(): UndoEntry | undefined {
    const entry = this.state.popUndo();
    if (!entry) return undefined;
    if (entry.kind === 'one') {
      void this.set(entry.memberId, entry.prev, false);
      return entry;
    }
    // Only those still showing the "present" the bulk action gave them go back to unmarked.
    const ids = entry.memberIds.filter((id) => this.state.get(id)?.status === 'present');
    if (!ids.length) return entry;
    const ops = this.state.beginMany(ids, undefined);
    void this.writer.clearMany(this.eventId, ids).then(
      () => this.state.settleMany(ops, true),
      (e) => {
        this.state.settleMany(ops, false);
        this.onError(e);
      },
    );
    return entry;
  }
}
