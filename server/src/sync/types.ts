// Shapes of the pure sync core (no I/O): a row as the server keeps it, a conflict before it
// gets an id, and a push result as stored for duplicates.
import type { SyncedTable } from '../../../src/protocol/outbox';
import type { PushStatus } from '../../../src/protocol/sync';

/** One synced row of one unit, as stored. */
export interface RowState {
  /** every field the row has (record fields, createdAt, unknown newer fields) */
  data: Record<string, unknown>;
  /** field → unit version that last wrote it ('deleted' included once written) */
  versions: Record<string, number>;
  /** version → the (clamped) HLC stamp of the mutation that wrote it; only versions still referenced */
  hlcs: Record<string, string>;
  deleted: boolean;
  /** the unit version of the last change to this row */
  version: number;
}

export type ConflictKind = 'field' | 'deleteEdit';

export interface ConflictDraft {
  field: string;
  kind: ConflictKind;
  winnerValue: unknown;
  loserValue: unknown;
  winnerHlc: string;
  loserHlc: string;
  winnerDeviceId: string;
  loserDeviceId: string;
}

/** A push result without its mid, as stored in mutation_results. */
export interface StoredResult {
  status: Exclude<PushStatus, 'duplicate' | 'gap'>;
  version?: number;
  conflictId?: string;
  error?: string;
  field?: string;
}

export interface ConflictRecord extends ConflictDraft {
  id: string;
  table: SyncedTable;
  rowId: string;
  mid: string;
  /** the unit version of the mutation that produced it (the row's version if nothing was written) */
  version: number;
  createdAt: string;
}
