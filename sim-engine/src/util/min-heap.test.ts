import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MinHeap } from './min-heap.ts';

describe('MinHeap', () => {
  it('hands numbers back smallest first, however pushes and pops interleave', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(-1))), (ops) => {
        const heap = new MinHeap();
        const model: number[] = [];
        for (const o of ops) {
          if (o >= 0) {
            heap.push(o);
            model.push(o);
            model.sort((a, b) => a - b);
          } else {
            expect(heap.pop()).toBe(model.shift());
          }
          expect(heap.size).toBe(model.length);
        }
      }),
    );
  });
});
