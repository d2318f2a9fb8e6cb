/** awk's values: numbers, strings, and "strnums" (input text that compares as a number when it looks like one). */
import { formatPrintf } from '../builtins/printf.ts';

/** Value is an awk value; `{ sn }` is a strnum, `uninit` marks a variable never assigned (both 0 and ""). */
export type Value = number | string | { sn: string; uninit?: true };

const NUMBER = /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)\s*$/;

/** UNINIT is the value of a variable that was never assigned. */
export const UNINIT: Value = { sn: '', uninit: true };

/** isNumeric tells whether a value compares as a number. */
export function isNumeric(v: Value): boolean {
  if (typeof v === 'number') return true;
  return typeof v === 'object' && (v.uninit === true || NUMBER.test(v.sn));
}

/** num converts to a number the way awk does: the longest numeric prefix, else 0. */
export function num(v: Value): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.exec(typeof v === 'string' ? v : v.sn);
  return m ? Number(m[0]) : 0;
}

/** str converts to a string; non-integers use CONVFMT, %.6g. */
export function str(v: Value): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatPrintf('%.6g', [String(v)]);
  return typeof v === 'string' ? v : v.sn;
}


/** truthy is awk's truth: non-zero numbers, non-empty strings, strnums by their look. */
export function truthy(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  return v.uninit ? false : NUMBER.test(v.sn) ? Number(v.sn) !== 0 : v.sn !== '';
}

/** arith applies an arithmetic operator. */
export function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    default:
      return a ** b;
  }
}

