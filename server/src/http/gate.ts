// How many sync requests of one kind a process works on at once. A pull page is built as one
// text and waits for zlib; a push body is parsed into objects and waits for its unit's turn.
// With 20 phones syncing together every one of them was alive at once and the server's RSS
// peaked at ~200 MB (issue 13, B7: budget 150). A request past the limit waits here, before it
// reads or builds anything, so it holds no more than its socket's buffer.
export class Gate {
  /** the weight of the work running now */
  private active = 0;
  private readonly waiting: { weight: number; go: () => void }[] = [];

  constructor(readonly limit: number) {}

  /**
   * Runs `work` when its weight fits under the limit (a pull of a 2 MiB page weighs 2, one of
   * 1,000 rows 1; at most the limit), in arrival order; the weight is given back however
   * `work` ends.
   */
  async run<T>(work: () => Promise<T>, weight = 1): Promise<T> {
    const w = Math.min(Math.max(1, Math.ceil(weight)), this.limit);
    if (this.waiting.length || this.active + w > this.limit) await new Promise<void>((go) => this.waiting.push({ weight: w, go }));
    else this.active += w;
    try {
      return await work();
    } finally {
      this.active -= w;
      // the freed weight goes straight to those first in line, as far as it reaches
      while (this.waiting.length && this.active + this.waiting[0].weight <= this.limit) {
        const next = this.waiting.shift()!;
        this.active += next.weight;
        next.go();
      }
    }
  }

  /** Requests waiting for a place (for tests). */
  get queued(): number {
    return this.waiting.length;
  }
}
