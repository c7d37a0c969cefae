// How many sync requests of one kind a process works on at once. A pull page is built as one
// text and waits for zlib; a push body is parsed into objects and waits for its unit's turn.
// With 20 phones syncing together every one of them was alive at once and the server's RSS
// peaked at ~200 MB (issue 13, B7: budget 150). A request past the limit waits here, before it
// reads or builds anything, so it holds no more than its socket's buffer.
export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Runs `work` when a place is free; the place is given back however `work` ends. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // the place passes straight to the next in line: `active` stays as it is
      if (next) next();
      else this.active--;
    }
  }

  /** Requests waiting for a place (for tests). */
  get queued(): number {
    return this.waiting.length;
  }
}
