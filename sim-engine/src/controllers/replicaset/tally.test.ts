import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from '../../api/pod.ts';
import { Tally } from './tally.ts';

function pod(name: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [] } };
}

describe('Tally', () => {
  it('lists the claimed pods by name whatever joins, leaves or is claimed again in between', () => {
    const op = fc.record({ add: fc.boolean(), name: fc.constantFrom(...'abcdefghij'.split('')), ask: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const tally = new Tally('{}');
        const model = new Set<string>();
        for (const o of ops) {
          if (o.add) {
            tally.add(pod(o.name), { app: 'web' });
            model.add(o.name);
          } else {
            tally.remove(o.name);
            model.delete(o.name);
          }
          if (o.ask) expect(tally.claimed().map((p) => p.metadata.name)).toEqual([...model].sort());
        }
        expect(tally.claimed().map((p) => p.metadata.name)).toEqual([...model].sort());
        expect(tally.size).toBe(model.size);
        expect(tally.fullyLabeled).toBe(model.size);
      }),
    );
  });
});
