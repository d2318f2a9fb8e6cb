/** `head` and `tail`: -n N (and the old -N form), -c N, headers for several files. */
import type { Builtin, Runtime } from '../commands/runtime.ts';
import { last } from '../commands/options.ts';
import { getOptions, readInputs } from '../commands/util.ts';
import type { ProgramContext } from '../types.ts';

/** lineChunks splits text into lines that keep their newline, so a missing final newline survives. */
export function lineChunks(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

type Pick = (chunks: string[], count: number, fromStart: boolean) => string[];

function run(which: 'head' | 'tail', ctx: ProgramContext, rt: Runtime, pick: Pick): number {
  const info = {
    name: which,
    usage: '[OPTION]... [FILE]...',
    summary: `  -n, --lines=[${which === 'head' ? '-' : '+'}]NUM  ${which === 'head' ? 'first NUM lines (all but the last NUM with -)' : 'last NUM lines (from line NUM with +)'}\n  -c, --bytes=NUM  characters instead of lines\n  -q, -v  never / always print file name headers`,
  };
  // `head -5` is the historical spelling of `head -n 5`, recognized only as the first argument.
  const args = ctx.args.map((a, i) => (i === 0 && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const opts = getOptions(ctx, info, { flags: 'qv', values: 'nc', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', silent: 'q', verbose: 'v' } }, args);
  if (typeof opts === 'number') return opts;
  const bytes = opts.values.has('c') && !opts.values.has('n');
  const spec = (bytes ? last(opts, 'c') : last(opts, 'n')) ?? '10';
  const m = /^([-+]?)(\d+)$/.exec(spec);
  if (!m) {
    ctx.stderr(`${which}: invalid number of ${bytes ? 'bytes' : 'lines'}: '${spec}'\n`);
    return 1;
  }
  const count = Number(m[2]);
  // head -n -N means all but the last N; tail -n +N means starting at line N.
  const fromStart = which === 'head' ? m[1] !== '-' : m[1] === '+';
  const { inputs, ok } = readInputs(which, opts.operands, ctx, rt);
  const headers = opts.flags.has('v') || (!opts.flags.has('q') && opts.operands.length > 1);
  inputs.forEach((input, i) => {
    if (headers) ctx.stdout(`${i > 0 ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
    const chunks = bytes ? [...input.text] : lineChunks(input.text);
    ctx.stdout(pick(chunks, count, fromStart).join(''));
  });
  return ok ? 0 : 1;
}

/** head prints the first lines of its inputs. */
export const head: Builtin = (ctx, rt) =>
  run('head', ctx, rt, (chunks, n, fromStart) => (fromStart ? chunks.slice(0, n) : chunks.slice(0, Math.max(0, chunks.length - n))));

/** tail prints the last lines of its inputs. */
export const tail: Builtin = (ctx, rt) =>
  run('tail', ctx, rt, (chunks, n, fromStart) => (fromStart ? chunks.slice(Math.max(0, n - 1)) : n === 0 ? [] : chunks.slice(-n)));
