/** MinHeap is a binary heap of numbers that hands back the smallest first. */
export class MinHeap {
  private readonly items: number[] = [];

  /** size is how many numbers the heap holds. */
  get size(): number {
    return this.items.length;
  }

  /** push adds a number. */
  push(n: number): void {
    const items = this.items;
    let i = items.push(n) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= n) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = n;
  }

  /** pop removes and returns the smallest number, or undefined when empty. */
  pop(): number | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= items.length) break;
      const r = l + 1;
      const child = r < items.length && items[r]! < items[l]! ? r : l;
      if (items[child]! >= last) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
