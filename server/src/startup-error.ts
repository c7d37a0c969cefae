// A reason the server cannot start that the person running it can fix: said in plain words
// (what, where, why, what to do), printed by index.ts without a stack trace.
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}
