/**
 * `awk` running what awk-parse.ts accepts, with -F, -v and -f. Values follow awk's rules:
 * fields are "strnums" that compare as numbers when they look like numbers, and an
 * uninitialized variable is both 0 and "".
 */
import type { Builtin, Runtime } from '../commands/runtime.ts';
import type { ProgramContext } from '../types.ts';
import { errorText, getOptions, readInputs, splitLines, usageError } from '../commands/util.ts';
import { formatPrintf } from '../builtins/printf.ts';
import { AwkSyntaxError } from './awk-lex.ts';
import { type Expr, type Item, type Stmt, parseAwk } from './awk-parse.ts';
import { compileRegex } from './regex.ts';
import { type Value, UNINIT, arith, isNumeric, num, str, truthy } from './awk-values.ts';
import { own } from '../record.ts';

// A fatal runtime error, printed as `awk: fatal: ...` with status 2.
class AwkFatal extends Error {}

// `next` and `exit` unwind the interpreter to the record loop.
class Next {}
class Exit {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/** Sink receives print output, for the terminal or for a `> file` redirection. */
export type Sink = (text: string, dest?: { file: string; append: boolean }) => void;

/** Interpreter holds one awk run's variables and current record. */
class Interpreter {
  readonly vars: Record<string, Value> = { FS: ' ', OFS: ' ', ORS: '\n', NR: 0, FNR: 0, FILENAME: '', SUBSEP: '\x1c', RSTART: 0, RLENGTH: -1 };
  private fields: string[] = [''];
  readonly out: Sink;

  constructor(out: Sink) {
    this.out = out;
  }

  setRecord(text: string): void {
    this.fields = [text, ...this.split(text)];
  }

  private split(text: string): string[] {
    const fs = str(this.vars.FS ?? ' ');
    if (fs === ' ') return text.split(/[ \t\n]+/).filter((f) => f !== '');
    if (text === '') return [];
    if ([...fs].length === 1 && fs !== '\\') return text.split(fs);
    return text.split(compileRegex(fs, { extended: true }));
  }

  private field(i: number): Value {
    return i < this.fields.length ? { sn: this.fields[i]! } : { sn: '' };
  }

  private setField(i: number, value: string): void {
    if (i === 0) return this.setRecord(value);
    while (this.fields.length <= i) this.fields.push('');
    this.fields[i] = value;
    this.fields[0] = this.fields.slice(1).join(str(this.vars.OFS ?? ' '));
  }

  run(stmts: Stmt[]): void {
    for (const s of stmts) this.exec(s);
  }

  private exec(s: Stmt): void {
    switch (s.k) {
      case 'print': {
        const text = s.args.length === 0 ? this.fields[0]! : s.args.map((a) => str(this.eval(a))).join(str(this.vars.OFS ?? ' '));
        this.out(text + str(this.vars.ORS ?? '\n'), this.dest(s.dest));
        return;
      }
      case 'printf': {
        const [format, ...rest] = s.args.map((a) => str(this.eval(a)));
        this.out(formatPrintf(format ?? '', rest), this.dest(s.dest));
        return;
      }
      case 'expr':
        this.eval(s.e);
        return;
      case 'next':
        throw new Next();
      case 'exit':
        throw new Exit(s.e ? Math.trunc(num(this.eval(s.e))) : 0);
      case 'if':
        this.run(truthy(this.eval(s.c)) ? s.t : s.f);
    }
  }

  private dest(dest: { file: Expr; append: boolean } | undefined): { file: string; append: boolean } | undefined {
    return dest && { file: str(this.eval(dest.file)), append: dest.append };
  }

  matches(pattern: Expr): boolean {
    return truthy(this.eval(pattern));
  }

  eval(e: Expr): Value {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 'regex':
        return e.re.test(this.fields[0]!) ? 1 : 0;
      case 'field':
        return this.field(Math.trunc(num(this.eval(e.e))));
      case 'var':
        if (e.name === 'NF') return this.fields.length - 1;
        return own(this.vars, e.name) ?? UNINIT;
      case 'assign': {
        const value = e.op === '=' ? this.eval(e.value) : arith(e.op.slice(0, -1), num(this.eval(e.target)), num(this.eval(e.value)));
        this.assign(e.target, value);
        return value;
      }
      case 'incdec': {
        const before = num(this.eval(e.target));
        const after = before + (e.op === '++' ? 1 : -1);
        this.assign(e.target, after);
        return e.prefix ? after : before;
      }
      case 'unary': {
        const v = this.eval(e.e);
        return e.op === '!' ? (truthy(v) ? 0 : 1) : e.op === '-' ? -num(v) : num(v);
      }
      case 'cond':
        return truthy(this.eval(e.c)) ? this.eval(e.t) : this.eval(e.f);
      case 'call':
        return this.call(e.name, e.args);
      case 'binary':
        return this.binary(e.op, e.l, e.r);
    }
  }

  private binary(op: string, l: Expr, r: Expr): Value {
    if (op === '&&') return truthy(this.eval(l)) && truthy(this.eval(r)) ? 1 : 0;
    if (op === '||') return truthy(this.eval(l)) || truthy(this.eval(r)) ? 1 : 0;
    if (op === '~' || op === '!~') {
      const text = str(this.eval(l));
      const re = r.k === 'regex' ? r.re : compileRegex(str(this.eval(r)), { extended: true });
      return re.test(text) === (op === '~') ? 1 : 0;
    }
    const a = this.eval(l);
    const b = this.eval(r);
    if (op === 'concat') return str(a) + str(b);
    if (['<', '<=', '>', '>=', '==', '!='].includes(op)) {
      const c = isNumeric(a) && isNumeric(b) ? num(a) - num(b) : str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0;
      const result = { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '==': c === 0, '!=': c !== 0 }[op];
      return result ? 1 : 0;
    }
    return arith(op, num(a), num(b));
  }

  private assign(target: Expr, value: Value): void {
    const text = typeof value === 'number' ? value : str(value);
    if (target.k === 'field') this.setField(Math.trunc(num(this.eval(target.e))), str(text));
    else if (target.k === 'var' && target.name === 'NF') this.setNF(Math.trunc(num(text)));
    else if (target.k === 'var') this.vars[target.name] = typeof value === 'object' ? value : text;
  }

  private setNF(n: number): void {
    this.fields = this.fields.slice(0, n + 1);
    while (this.fields.length <= n) this.fields.push('');
    this.fields[0] = this.fields.slice(1).join(str(this.vars.OFS ?? ' '));
  }

  private call(name: string, args: Expr[]): Value {
    const arg = (i: number): Value => this.eval(args[i]!);
    switch (name) {
      case 'length':
        return [...(args.length === 0 ? this.fields[0]! : str(arg(0)))].length;
      case 'substr': {
        const chars = [...str(arg(0))];
        const start = Math.round(num(arg(1)));
        const end = args.length > 2 ? start + Math.round(num(arg(2))) : Infinity;
        return chars.slice(Math.max(start, 1) - 1, Math.max(0, Math.min(end, chars.length + 1) - 1)).join('');
      }
      case 'index':
        return str(arg(0)).indexOf(str(arg(1))) + 1;
      case 'tolower':
        return str(arg(0)).toLowerCase();
      case 'toupper':
        return str(arg(0)).toUpperCase();
      case 'int':
        return Math.trunc(num(arg(0)));
      case 'sprintf':
        return formatPrintf(str(arg(0)), args.slice(1).map((a) => str(this.eval(a))));
      case 'match': {
        const re = this.regexOf(args[1]!);
        const m = re.exec(str(arg(0)));
        this.vars.RSTART = m ? m.index + 1 : 0;
        this.vars.RLENGTH = m ? m[0].length : -1;
        return this.vars.RSTART;
      }
      default: {
        // sub and gsub replace in a variable or field, $0 by default.
        const target: Expr = args[2] ?? { k: 'field', e: { k: 'num', v: 0 } };
        const re = new RegExp(this.regexOf(args[0]!).source, name === 'gsub' ? 'g' : '');
        const replacement = str(arg(1));
        let count = 0;
        const text = str(this.eval(target)).replace(re, (m) => {
          count++;
          return replacement.replace(/\\\\|\\&|&/g, (t) => (t === '&' ? m : t.slice(1)));
        });
        if (count > 0) this.assign(target, text);
        return count;
      }
    }
  }

  private regexOf(e: Expr): RegExp {
    return e.k === 'regex' ? e.re : compileRegex(str(this.eval(e)), { extended: true });
  }
}

/** awk scans its input for patterns and runs their actions. */
export const awk: Builtin = (ctx, rt) => {
  const info = { name: 'awk', usage: "[-F fs] [-v var=value] 'program' [file ...]", summary: "  -F FS  field separator   -v VAR=VALUE  set a variable   -f FILE  read the program from FILE\n  program: BEGIN/END, /regex/ and expression patterns, print, printf, if/else, next, exit,\n  NR NF FNR FS OFS $NF, length substr index tolower toupper int sprintf sub gsub match", status: 2 };
  const opts = getOptions(ctx, info, { values: 'Fvf', long: { 'field-separator=': 'F', 'assign=': 'v', 'file=': 'f' } });
  if (typeof opts === 'number') return opts;
  const operands = [...opts.operands];
  let program: string | undefined;
  const progFile = opts.values.get('f')?.[0];
  if (progFile !== undefined) {
    try {
      program = rt.fs.read(rt.resolve(progFile));
    } catch (e) {
      ctx.stderr(`awk: fatal: can't open source file \`${progFile}' for reading: ${errorText(e)}\n`);
      return 2;
    }
  } else {
    program = operands.shift();
  }
  if (program === undefined) return usageError(ctx, { ...info, usageOnError: true }, '');
  let items: Item[];
  try {
    items = parseAwk(program);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    const lineStart = program.lastIndexOf('\n', e.column - 1) + 1;
    const lineEnd = program.indexOf('\n', e.column);
    const line = program.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    const lineNo = program.slice(0, lineStart).split('\n').length;
    ctx.stderr(`awk: cmd. line:${lineNo}: ${line}\nawk: cmd. line:${lineNo}: ${' '.repeat(e.column - lineStart)}^ ${e.message}\n`);
    return 1;
  }
  // The first `print > file` in a run truncates the file; later ones append, as awk keeps it open.
  const opened = new Set<string>();
  const sink: Sink = (text, dest) => {
    if (!dest || dest.file === '/dev/stdout' || dest.file === '-') return ctx.stdout(text);
    if (dest.file === '/dev/stderr') return ctx.stderr(text);
    try {
      rt.fs.write(rt.resolve(dest.file), text, dest.append || opened.has(dest.file));
    } catch (e) {
      throw new AwkFatal(`can't redirect to \`${dest.file}' (${errorText(e)})`);
    }
    opened.add(dest.file);
  };
  const awkRun = new Interpreter(sink);
  const fs = opts.values.get('F')?.[0];
  if (fs !== undefined) awkRun.vars.FS = fs === 't' ? '\t' : fs.replace(/\\t/g, '\t');
  for (const assignment of opts.values.get('v') ?? []) {
    const eq = assignment.indexOf('=');
    if (eq < 1) {
      ctx.stderr(`awk: fatal: \`${assignment}' argument to \`-v' not in \`var=value' form\n`);
      return 2;
    }
    awkRun.vars[assignment.slice(0, eq)] = { sn: assignment.slice(eq + 1).replace(/\\n/g, '\n').replace(/\\t/g, '\t') };
  }
  try {
    return runProgram(items, awkRun, operands, ctx, rt);
  } catch (e) {
    if (!(e instanceof AwkFatal)) throw e;
    ctx.stderr(`awk: fatal: ${e.message}\n`);
    return 2;
  }
};

// A range pattern selects from a record matching its start through one matching its end.
function selects(item: Item, awkRun: Interpreter): boolean {
  const pattern = item.pattern as Expr | undefined;
  if (!pattern) return true;
  if (!item.until) return awkRun.matches(pattern);
  if (!item.active && !awkRun.matches(pattern)) return false;
  item.active = !awkRun.matches(item.until);
  return true;
}

function runProgram(items: Item[], awkRun: Interpreter, operands: string[], ctx: ProgramContext, rt: Runtime): number {
  const begin = items.filter((i) => i.pattern === 'BEGIN');
  const end = items.filter((i) => i.pattern === 'END');
  const main = items.filter((i) => i.pattern !== 'BEGIN' && i.pattern !== 'END');
  let code = 0;
  let status = 0;
  try {
    for (const item of begin) awkRun.run(item.action ?? []);
    if (main.length > 0 || end.length > 0) {
      const files = operands.filter((o) => !/^[A-Za-z_]\w*=/.test(o));
      for (const source of files.length === 0 ? ['-'] : operands) {
        const assign = /^([A-Za-z_]\w*)=(.*)$/s.exec(source);
        if (assign) {
          awkRun.vars[assign[1]!] = { sn: assign[2]! };
          continue;
        }
        const { inputs, ok } = readInputs('awk', [source], { ...ctx, stderr: (t) => ctx.stderr(t.replace(/^awk: (.*): (.*)\n$/, "awk: fatal: cannot open file `$1' for reading: $2\n")) }, rt);
        if (!ok) status = 2;
        for (const input of inputs) {
          awkRun.vars.FILENAME = input.name === '-' ? '' : input.name;
          awkRun.vars.FNR = 0;
          for (const record of splitLines(input.text)) {
            awkRun.vars.NR = num(awkRun.vars.NR ?? 0) + 1;
            awkRun.vars.FNR = num(awkRun.vars.FNR ?? 0) + 1;
            awkRun.setRecord(record);
            try {
              for (const item of main) {
                if (!selects(item, awkRun)) continue;
                if (item.action) awkRun.run(item.action);
                else awkRun.run([{ k: 'print', args: [] }]);
              }
            } catch (e) {
              if (!(e instanceof Next)) throw e;
            }
          }
        }
      }
    }
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    code = e.code;
  }
  try {
    for (const item of end) awkRun.run(item.action ?? []);
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    code = e.code;
  }
  return status || code;
}
