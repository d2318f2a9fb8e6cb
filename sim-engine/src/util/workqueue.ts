/**
 * WorkQueue is a de-duplicating FIFO of object keys, like client-go's: a key added while
 * already queued is not added twice, so a burst of watch events causes one reconcile.
 */
export class WorkQueue {
  private readonly items = new Set<string>();
  private readonly onAdd: (() => void) | undefined;

  /** The optional `onAdd` tells the owner's scheduler loop that there is work, so idle queues cost nothing. */
  constructor(onAdd?: () => void) {
    this.onAdd = onAdd;
  }

  /** add queues a key unless it is already queued. */
  add(key: string): void {
    this.items.add(key);
    this.onAdd?.();
  }

  /** take removes and returns the oldest key, or undefined when empty. */
  take(): string | undefined {
    const first = this.items.values().next();
    if (first.done) return undefined;
    this.items.delete(first.value);
    return first.value;
  }

  /** size is the number of queued keys. */
  get size(): number {
    return this.items.size;
  }

  /** snapshot lists the queued keys in order. */
  snapshot(): string[] {
    return [...this.items];
  }

  /** restore replaces the queue's contents. */
  restore(keys: string[]): void {
    this.items.clear();
    for (const k of keys) this.items.add(k);
  }
}
