/**
 * LruCache is a string-keyed map bounded to `capacity` entries that forgets the least recently
 * used entry first, like the golang-lru cache client-go's event correlator keeps. Every set and
 * every hit costs O(1) amortised: a key's uses are appended to a queue, and eviction skips the
 * queue's stale copies instead of reordering anything.
 */
export class LruCache<V> {
  /** capacity is how many entries the cache keeps. */
  readonly capacity: number;
  private readonly entries = new Map<string, { value: V; stamp: number }>();
  // Parallel arrays, not objects: one slot per use, read from `head`.
  private keys: string[] = [];
  private stamps: number[] = [];
  private head = 0;
  private stamp = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** size is how many entries are kept. */
  get size(): number {
    return this.entries.size;
  }

  /** get returns a key's value and makes it the most recently used. */
  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.use(key, e);
    return e.value;
  }

  /** set stores a key's value as the most recently used, evicting the least recently used beyond capacity. */
  set(key: string, value: V): void {
    let e = this.entries.get(key);
    if (e) e.value = value;
    else this.entries.set(key, (e = { value, stamp: 0 }));
    this.use(key, e);
    while (this.entries.size > this.capacity) {
      const k = this.keys[this.head]!;
      if (this.entries.get(k)?.stamp === this.stamps[this.head]) this.entries.delete(k);
      this.head++;
    }
    // Drop the consumed front of the queue once it is most of it.
    if (this.head > 1024 && this.head * 2 > this.keys.length) {
      this.keys = this.keys.slice(this.head);
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
  }

  /** delete forgets a key. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** entries lists the kept entries from the least to the most recently used. */
  *[Symbol.iterator](): IterableIterator<[string, V]> {
    for (let i = this.head; i < this.keys.length; i++) {
      const e = this.entries.get(this.keys[i]!);
      if (e !== undefined && e.stamp === this.stamps[i]) yield [this.keys[i]!, e.value];
    }
  }

  private use(key: string, e: { stamp: number }): void {
    e.stamp = ++this.stamp;
    this.keys.push(key);
    this.stamps.push(e.stamp);
  }
}
