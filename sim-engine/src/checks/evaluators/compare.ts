/** Comparisons shared by `field`, `count` and `serviceSelects`: each returns undefined when it holds, or what was expected. */
import { stableJson } from '../template.ts';
import { show } from '../words.ts';

/** ValueOps are the comparisons a field value may be put to. */
export interface ValueOps {
  equals?: unknown;
  notEquals?: unknown;
  matches?: string;
  gte?: number;
  lte?: number;
  gt?: number;
  lt?: number;
  exists?: boolean;
}

/** CountOps are the comparisons a count may be put to. */
export interface CountOps {
  equals?: number;
  gte?: number;
  lte?: number;
  gt?: number;
  lt?: number;
}

/** compareValue returns undefined if `value` (undefined when the field is not set) satisfies every op, else the first expectation it misses. */
export function compareValue(value: unknown, ops: ValueOps): string | undefined {
  const set = value !== undefined;
  if (ops.exists === true && !set) return 'expected it to be set';
  if (ops.exists === false && set) return 'expected it not to be set';
  if (ops.equals !== undefined && stableJson(value) !== stableJson(ops.equals)) return `expected ${show(ops.equals)}`;
  if (ops.notEquals !== undefined && (!set || stableJson(value) === stableJson(ops.notEquals))) return `expected a value other than ${show(ops.notEquals)}`;
  if (ops.matches !== undefined && (!set || !new RegExp(ops.matches).test(typeof value === 'string' ? value : JSON.stringify(value)))) {
    return `expected it to match /${ops.matches}/`;
  }
  const numeric: [keyof ValueOps, string, (a: number, b: number) => boolean][] = [
    ['gte', 'at least', (a, b) => a >= b],
    ['lte', 'at most', (a, b) => a <= b],
    ['gt', 'more than', (a, b) => a > b],
    ['lt', 'less than', (a, b) => a < b],
  ];
  for (const [op, words, ok] of numeric) {
    const bound = ops[op] as number | undefined;
    if (bound === undefined) continue;
    if (typeof value !== 'number') return `expected a number ${words} ${bound}`;
    if (!ok(value, bound)) return `expected ${words} ${bound}`;
  }
  return undefined;
}

/** compareCount returns undefined if `n` satisfies every op, else the first expectation it misses: `expected at least 3`. */
export function compareCount(n: number, ops: CountOps): string | undefined {
  if (ops.equals !== undefined && n !== ops.equals) return `expected ${ops.equals}`;
  if (ops.gte !== undefined && n < ops.gte) return `expected at least ${ops.gte}`;
  if (ops.lte !== undefined && n > ops.lte) return `expected at most ${ops.lte}`;
  if (ops.gt !== undefined && n <= ops.gt) return `expected more than ${ops.gt}`;
  if (ops.lt !== undefined && n >= ops.lt) return `expected fewer than ${ops.lt}`;
  return undefined;
}
