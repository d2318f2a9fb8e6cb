/** `sed` running the commands sed-script.ts parses, with -n, -e, -E/-r and -i (in place). */
import type { Builtin } from '../commands/runtime.ts';
import { getOptions, readInputs, usageError } from '../commands/util.ts';
import { type Address, type SedCommand, SedError, parseSed, substitute } from './sed-script.ts';
import { lineChunks } from './head-tail.ts';

const INFO = {
  name: 'sed',
  usage: '[OPTION]... {script-only-if-no-other-script} [input-file]...',
  summary: "  -n  print only what p says   -e SCRIPT  add a script   -E, -r  extended regexps   -i  edit files in place\n  commands: s/re/text/[gpiN], y/abc/xyz/, p, d, q, =, { ... }; addresses N, $, /re/, A,B and !",
};

interface Line {
  text: string;
  newline: boolean;
  number: number;
  last: boolean;
}

/** sed edits text with s, y, p, d, q and = commands and { } blocks. */
export const sed: Builtin = (ctx, rt) => {
  const opts = getOptions(ctx, INFO, {
    flags: 'nErsi',
    values: 'e',
    long: { quiet: 'n', silent: 'n', 'expression=': 'e', 'regexp-extended': 'E', 'in-place': 'i', separate: 's' },
  });
  if (typeof opts === 'number') return opts;
  const operands = [...opts.operands];
  const scripts = opts.values.get('e') ?? [];
  if (scripts.length === 0) {
    const first = operands.shift();
    if (first === undefined) return usageError(ctx, { ...INFO, usageOnError: true }, '');
    scripts.push(first);
  }
  const extended = opts.flags.has('E') || opts.flags.has('r');
  let commands: SedCommand[];
  try {
    commands = scripts.flatMap((s, i) => parseSed(s, i + 1, extended));
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    ctx.stderr(`sed: ${e.message}\n`);
    return 1;
  }
  const quiet = opts.flags.has('n');
  if (opts.flags.has('i')) {
    if (operands.length === 0) {
      ctx.stderr('sed: no input files\n');
      return 1;
    }
    let status = 0;
    for (const file of operands) {
      const { inputs, ok } = readInputs('sed', [file], { ...ctx, stderr: (t) => ctx.stderr(t.replace(/^sed: (.*): /, "sed: can't read $1: ")) }, rt);
      if (!ok) status = 2;
      for (const input of inputs) rt.fs.write(rt.resolve(file), run(commands, [input.text], quiet));
    }
    return status;
  }
  const { inputs, ok } = readInputs('sed', operands, { ...ctx, stderr: (t) => ctx.stderr(t.replace(/^sed: (.*): /, "sed: can't read $1: ")) }, rt);
  ctx.stdout(run(commands, inputs.map((i) => i.text), quiet));
  return ok ? 0 : 2;
};

// GNU sed keeps a missing newline only on the very last line of all input.
function run(commands: SedCommand[], texts: string[], quiet: boolean): string {
  const chunks = texts.flatMap((t) => lineChunks(t));
  const lines: Line[] = chunks.map((c, i) => ({
    text: c.replace(/\n$/, ''),
    newline: c.endsWith('\n') || i < chunks.length - 1,
    number: i + 1,
    last: i === chunks.length - 1,
  }));
  reset(commands);
  let out = '';
  let unterminated = false;
  const emit = (text: string, newline: boolean): void => {
    // Output that ended without a newline gets one before anything follows it.
    out += (unterminated ? '\n' : '') + text + (newline ? '\n' : '');
    unterminated = !newline;
  };
  for (const line of lines) {
    const state = { space: line.text, outcome: 'next' as Outcome };
    state.outcome = execute(commands, line, state, emit);
    if (state.outcome !== 'delete' && !quiet) emit(state.space, line.newline);
    if (state.outcome === 'quit') break;
  }
  return out;
}

type Outcome = 'next' | 'delete' | 'quit';

function reset(commands: SedCommand[]): void {
  for (const cmd of commands) {
    cmd.active = false;
    if (cmd.body) reset(cmd.body);
  }
}

function execute(commands: SedCommand[], line: Line, state: { space: string }, emit: (text: string, newline: boolean) => void): Outcome {
  for (const cmd of commands) {
    if (!selects(cmd, line, state.space)) continue;
    switch (cmd.name) {
      case 'p':
        emit(state.space, line.newline);
        break;
      case '=':
        emit(String(line.number), true);
        break;
      case 'd':
        return 'delete';
      case 'q':
        return 'quit';
      case 'y':
        state.space = [...state.space].map((c) => cmd.map?.get(c) ?? c).join('');
        break;
      case '{': {
        const outcome = execute(cmd.body ?? [], line, state, emit);
        if (outcome !== 'next') return outcome;
        break;
      }
      case 's': {
        const result = substitute(cmd, state.space);
        if (result === undefined) break;
        state.space = result;
        if (cmd.print) emit(state.space, line.newline);
      }
    }
  }
  return 'next';
}

function matches(addr: Address, line: Line, space: string): boolean {
  if (addr.type === 'line') return line.number === addr.line;
  if (addr.type === 'last') return line.last;
  addr.re.lastIndex = 0;
  return addr.re.test(space);
}

// Ranges stay open from a line matching the first address through one matching the second.
function selects(cmd: SedCommand, line: Line, space: string): boolean {
  let hit: boolean;
  if (!cmd.from) hit = true;
  else if (!cmd.to) hit = matches(cmd.from, line, space);
  else if (cmd.active) {
    hit = true;
    if (cmd.to.type === 'line' ? line.number >= cmd.to.line : matches(cmd.to, line, space)) cmd.active = false;
  } else if (matches(cmd.from, line, space)) {
    hit = true;
    // A line-number end at or before the start closes the range at once.
    cmd.active = !(cmd.to.type === 'line' && cmd.to.line <= line.number) && !(cmd.to.type === 'last' && line.last);
  } else {
    hit = false;
  }
  return hit !== cmd.negate;
}
