/**
 * WorkQueue is a de-duplicating FIFO of object keys, like client-go's: a key added while
 * already queued is not added twice, so a burst of watch events causes one reconcile.
 */
export class WorkQueue {
  // Keys in arrival order from `head` on, and the set of those still queued: taking a key is
  // an index bump, not the iterator a Set would need for its first entry.
  private order: string[] = [];
  private head = 0;
  private readonly queued = new Set<string>();
  private readonly onAdd: (() => void) | undefined;

  /** The optional `onAdd` tells the owner's scheduler loop that there is work, so idle queues cost nothing. */
  constructor(onAdd?: () => void) {
    this.onAdd = onAdd;
  }

  /** add queues a key unless it is already queued. */
  add(key: string): void {
    // One hash lookup, not two: the set grows only when the key was not queued yet.
    const size = this.queued.size;
    if (this.queued.add(key).size !== size) this.order.push(key);
    this.onAdd?.();
  }

  /** take removes and returns the oldest key, or undefined when empty. */
  take(): string | undefined {
    if (this.head >= this.order.length) return undefined;
    const key = this.order[this.head++]!;
    this.queued.delete(key);
    if (this.head === this.order.length) {
      this.order = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
    return key;
  }

  /** size is the number of queued keys. */
  get size(): number {
    return this.queued.size;
  }

  /** snapshot lists the queued keys in order. */
  snapshot(): string[] {
    return this.order.slice(this.head);
  }

  /** restore replaces the queue's contents. */
  restore(keys: string[]): void {
    this.order = [];
    this.head = 0;
    this.queued.clear();
    for (const k of keys) this.add(k);
  }
}
