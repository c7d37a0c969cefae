// The sync engine's own error (engine.ts, push-batches.ts), in a module of its own so both can
// throw it without importing each other.

/** The server answered something the protocol does not allow; retried with back-off. */
export class SyncProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncProtocolError';
  }
}
