/**
 * GNU `seq`: FIRST, INCREMENT and LAST (integers or decimals, negatives too), with -s, -w
 * and -f. Numbers print with as many decimals as FIRST or INCREMENT has, as GNU does.
 */
import type { Builtin } from '../commands/runtime.ts';
import { usageError } from '../commands/util.ts';
import { formatPrintf } from '../builtins/printf.ts';

/** SEQ_LIMIT is the most numbers seq prints in the sandbox, whose output is held in memory. */
export const SEQ_LIMIT = 100_000;

const INFO = {
  name: 'seq',
  usage: '[OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST',
  summary: '  -f, --format=FORMAT  printf-style floating-point FORMAT\n  -s, --separator=STRING  separate numbers with STRING (default \\n)\n  -w, --equal-width  pad with leading zeroes to equal width',
};

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** seq prints a sequence of numbers. */
export const seq: Builtin = (ctx) => {
  const operands: string[] = [];
  let separator = '\n';
  let width = false;
  let format: string | undefined;
  const args = ctx.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    // A negative number is an operand, not an option.
    if (operands.length > 0 || arg === '-' || !arg.startsWith('-') || NUMBER.test(arg)) {
      operands.push(arg);
      continue;
    }
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    const long = /^--(separator|format|equal-width)(?:=(.*))?$/.exec(arg);
    const short = /^-([sfw])(.*)$/.exec(arg);
    const key = long ? long[1]![0]! : short?.[1];
    if (arg === '--help') {
      ctx.stdout(`Usage: seq ${INFO.usage}\nOptions supported in this sandbox:\n${INFO.summary}\n`);
      return 0;
    }
    if (key === undefined) return usageError(ctx, INFO, arg.startsWith('--') ? `unrecognized option '${arg}'` : `invalid option -- '${arg[1]}'`);
    if (key === 'w') {
      width = true;
      continue;
    }
    let value = long ? long[2] : short![2] || undefined;
    if (value === undefined) {
      value = args[++i];
      if (value === undefined) return usageError(ctx, INFO, `option requires an argument -- '${key}'`);
    }
    if (key === 's') separator = value;
    else format = value;
  }
  if (operands.length === 0) return usageError(ctx, INFO, 'missing operand');
  if (operands.length > 3) return usageError(ctx, INFO, `extra operand '${operands[3]}'`);
  for (const op of operands) if (!NUMBER.test(op)) return usageError(ctx, INFO, `invalid floating point argument: '${op}'`);
  const [firstText, stepText, lastText] = operands.length === 1 ? ['1', '1', operands[0]!] : operands.length === 2 ? [operands[0]!, '1', operands[1]!] : (operands as [string, string, string]);
  const [first, step, last] = [Number(firstText), Number(stepText), Number(lastText)];
  if (step === 0) return usageError(ctx, INFO, `invalid Zero increment value: '${stepText}'`);
  if (format !== undefined && !/%[-+ #0']*\d*(?:\.\d+)?[eEfgGaA]/.test(format.replace(/%%/g, ''))) {
    ctx.stderr(`seq: format '${format}' has no % directive\n`);
    return 1;
  }
  const decimals = Math.max(fractionDigits(firstText), fractionDigits(stepText));
  const count = Math.floor((last - first) / step + 1e-9) + 1;
  if (count > SEQ_LIMIT) {
    ctx.stderr(`seq: the sandbox prints at most ${SEQ_LIMIT} numbers\n`);
    return 1;
  }
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const value = first + i * step;
    texts.push(format !== undefined ? formatPrintf(format, [String(value)]) : value.toFixed(decimals).replace(/^-(0\.?0*)$/, '$1'));
  }
  const padTo = width ? Math.max(...texts.map((t) => t.length), (last.toFixed(decimals)).length) : 0;
  const shown = texts.map((t) => (t.startsWith('-') ? `-${t.slice(1).padStart(padTo - 1, '0')}` : t.padStart(padTo, '0')));
  if (shown.length > 0) ctx.stdout(`${shown.join(separator)}\n`);
  return 0;
};

// Decimals written after the point; exponent notation prints as integers when it can.
function fractionDigits(text: string): number {
  if (/[eE]/.test(text)) return Number.isInteger(Number(text)) ? 0 : 6;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}
