/**
 * The interpreter of compiled container scripts. It runs until the script sleeps, exits or
 * spends its step budget (a busy loop), and reports which; the kubelet turns a sleep into a
 * timer on the cluster clock. Its whole position is ScriptState, plain data kept in snapshots.
 * Commands other than the shell's own (sleep, exit, test, true, false, :, variables) run
 * through the host: the same in-container tools `kubectl exec` uses.
 */
import { arithmetic } from './arith.ts';
import { compile, type Instr, type Redirect, type SimpleCommand } from './compile.ts';
import { ScriptSyntaxError, type Word } from './lex.ts';
import { testExpr } from './test-expr.ts';

/** ScriptState is where a running script is: next instruction, last status, variables, loop positions, unfinished output line. */
export interface ScriptState {
  pc: number;
  status: number;
  vars: Record<string, string>;
  loops: Record<string, { items: string[]; next: number }>;
  /** Output written without its newline yet. */
  partial: string;
}

/** ExecOutcome is how a command run in the container went; waitedMs is cluster time it took (a network timeout). */
export interface ExecOutcome {
  status: number;
  waitedMs: number;
  notFound: boolean;
}

/** ScriptHost is the container the script runs in. */
export interface ScriptHost {
  /** exec runs an executable in the container; output goes to `write` as it would to stdout/stderr. */
  exec(argv: string[], write: (fd: 1 | 2, text: string) => void): ExecOutcome;
  /** log receives each finished line of the container's output (stdout and stderr interleaved, as `kubectl logs` shows them). */
  log(line: string): void;
  /** debian prints `sh: 1: x: not found`; BusyBox `sh: x: not found`. */
  debian: boolean;
}

/** StepResult says why a run stopped: a sleep (ms, Infinity for ever), the script's exit, or a spent budget. */
export type StepResult = { kind: 'sleep'; ms: number } | { kind: 'exit'; code: number } | { kind: 'busy' };

/** STEP_BUDGET is how many instructions one wake-up may run before the container counts as busy. */
export const STEP_BUDGET = 500;

const programs = new Map<string, Instr[] | ScriptSyntaxError>();

/** program compiles a script once (compilation is pure, so the cache cannot change behaviour). */
export function program(src: string): Instr[] | ScriptSyntaxError {
  let p = programs.get(src);
  if (!p) {
    try {
      p = compile(src);
    } catch (e) {
      if (!(e instanceof ScriptSyntaxError)) throw e;
      p = e;
    }
    if (programs.size > 200) programs.clear();
    programs.set(src, p);
  }
  return p;
}

/** newScriptState starts a script with the container's environment as its variables. */
export function newScriptState(env: Record<string, string>): ScriptState {
  return { pc: 0, status: 0, vars: { ...env }, loops: {}, partial: '' };
}

/** runScript runs `src` from `state` until it sleeps, exits or uses up `budget` instructions. */
export function runScript(src: string, state: ScriptState, host: ScriptHost, budget = STEP_BUDGET): StepResult {
  const code = program(src);
  if (code instanceof ScriptSyntaxError) {
    write(state, host, 2, `sh: ${code.message}\n`);
    return finish(state, host, 2);
  }
  for (let steps = 0; steps < budget; steps++) {
    const ins = code[state.pc];
    if (!ins) return finish(state, host, state.status);
    state.pc++;
    switch (ins.op) {
      case 'jump':
        state.pc = ins.to;
        break;
      case 'jumpIf':
        if ((state.status === 0) === (ins.when === 'ok')) state.pc = ins.to;
        break;
      case 'not':
        state.status = state.status === 0 ? 1 : 0;
        break;
      case 'forInit':
        state.loops[ins.slot] = { items: ins.words.flatMap((w) => expandWord(w, state, host)), next: 0 };
        break;
      case 'forNext': {
        const loop = state.loops[ins.slot]!;
        if (loop.next >= loop.items.length) {
          delete state.loops[ins.slot];
          state.pc = ins.to;
          state.status = 0;
        } else state.vars[ins.name] = loop.items[loop.next++]!;
        break;
      }
      case 'run': {
        const r = runCommand(ins.cmd, state, host);
        if (r) return r;
        break;
      }
    }
  }
  return { kind: 'busy' };
}

function finish(state: ScriptState, host: ScriptHost, code: number): StepResult {
  if (state.partial) host.log(state.partial);
  state.partial = '';
  state.pc = Number.MAX_SAFE_INTEGER;
  return { kind: 'exit', code };
}

function write(state: ScriptState, host: ScriptHost, _fd: 1 | 2, text: string): void {
  const lines = (state.partial + text).split('\n');
  state.partial = lines.pop()!;
  for (const l of lines) host.log(l);
}

/** runCommand runs one simple command; a sleep or an exit ends the run. */
function runCommand(cmd: SimpleCommand, state: ScriptState, host: ScriptHost): StepResult | undefined {
  const argv = cmd.words.flatMap((w) => expandWord(w, state, host));
  if (argv.length === 0) {
    for (const a of cmd.assigns) state.vars[a.name] = expandWord(a.value, state, host, false).join('');
    state.status = 0;
    return undefined;
  }
  const out = outputs(cmd.redirects, state, host);
  const emit = (fd: 1 | 2, text: string) => {
    const dest = out[fd];
    if (dest === 'log') write(state, host, fd, text);
  };
  const [name, ...args] = argv as [string, ...string[]];
  switch (name) {
    case 'exit':
      return finish(state, host, args[0] === undefined ? state.status : Number.parseInt(args[0], 10) & 255);
    case 'sleep': {
      const ms = sleepMs(args[0]);
      if (ms === undefined) {
        emit(2, `sleep: invalid number '${args[0] ?? ''}'\n`);
        state.status = 1;
        return undefined;
      }
      state.status = 0;
      return { kind: 'sleep', ms };
    }
    case 'true':
    case ':':
      state.status = 0;
      return undefined;
    case 'false':
      state.status = 1;
      return undefined;
    case 'export':
    case 'readonly':
      for (const a of cmd.assigns) state.vars[a.name] = expandWord(a.value, state, host, false).join('');
      for (const a of args) {
        const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(a);
        if (m) state.vars[m[1]!] = m[2]!;
      }
      state.status = 0;
      return undefined;
    case 'test':
    case '[': {
      const expr = name === '[' ? args.slice(0, -1) : args;
      if (name === '[' && args.at(-1) !== ']') {
        emit(2, 'sh: missing ]\n');
        state.status = 2;
        return undefined;
      }
      const r = testExpr(expr);
      if (typeof r === 'string') {
        emit(2, `sh: ${r}\n`);
        state.status = 2;
      } else state.status = r ? 0 : 1;
      return undefined;
    }
    case 'tail':
      // `tail -f /dev/null` is the idiom for "keep the container running".
      if (args.includes('-f')) return { kind: 'sleep', ms: Number.POSITIVE_INFINITY };
      break;
  }
  const r = host.exec(argv, emit);
  if (r.notFound) {
    emit(2, host.debian ? `sh: 1: ${name}: not found\n` : `sh: ${name}: not found\n`);
    state.status = 127;
    return undefined;
  }
  state.status = r.status;
  return r.waitedMs > 0 ? { kind: 'sleep', ms: r.waitedMs } : undefined;
}

/** outputs works out where fd 1 and 2 go: the container log, or nowhere (/dev/null, or a file the sandbox does not keep). */
function outputs(redirects: Redirect[], state: ScriptState, host: ScriptHost): Record<1 | 2, 'log' | 'none'> {
  const out: Record<1 | 2, 'log' | 'none'> = { 1: 'log', 2: 'log' };
  for (const r of redirects) {
    if (r.fd !== 1 && r.fd !== 2) continue;
    if (r.dup !== undefined) {
      out[r.fd] = r.dup === 1 || r.dup === 2 ? out[r.dup] : 'none';
      continue;
    }
    if (r.op.startsWith('<')) continue;
    const path = r.target ? expandWord(r.target, state, host, false).join('') : '';
    out[r.fd] = /^\/(dev\/(stdout|stderr|tty)|proc\/(1|self)\/fd\/[12])$/.test(path) ? 'log' : 'none';
  }
  return out;
}

function sleepMs(arg: string | undefined): number | undefined {
  if (arg === 'infinity') return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg ?? '');
  if (!m) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!]!;
  return Number.parseFloat(m[1]!) * unit;
}

/** expandWord expands parameters, substitutions and arithmetic; unquoted expansions split on whitespace. */
function expandWord(w: Word, state: ScriptState, host: ScriptHost, split = true): string[] {
  const fields: string[] = [];
  let cur = '';
  let have = false;
  const pushSplit = (text: string) => {
    const pieces = text.split(/[ \t\n]+/);
    pieces.forEach((p, i) => {
      if (i > 0 && (have || cur)) {
        fields.push(cur);
        cur = '';
        have = false;
      }
      if (p) {
        cur += p;
        have = true;
      }
    });
  };
  for (const part of w.parts) {
    if ('lit' in part) {
      cur += part.lit;
      have = true;
      continue;
    }
    let value: string;
    if ('arith' in part) value = arithmetic(part.arith, state.vars);
    else if ('subst' in part) value = substitute(part.subst, state, host);
    else value = param(part.param, state);
    if ('arith' in part || part.quoted || !split) {
      cur += value;
      have = true;
    } else pushSplit(value);
  }
  if (have || cur) fields.push(cur);
  return fields;
}

function param(name: string, state: ScriptState): string {
  if (name === '?') return String(state.status);
  if (name === '$') return '1';
  if (name === '#') return '0';
  if (name === '0') return 'sh';
  if (name === '@' || /^\d$/.test(name)) return '';
  return state.vars[name] ?? '';
}

/** substitute runs `$(…)` to completion in a copy of the state and returns its output without trailing newlines. */
function substitute(src: string, state: ScriptState, host: ScriptHost): string {
  let captured = '';
  const sub: ScriptState = { pc: 0, status: 0, vars: { ...state.vars }, loops: {}, partial: '' };
  const inner: ScriptHost = { ...host, log: (line) => (captured += `${line}\n`) };
  // Sleeps inside a substitution are not timed: the substitution finishes at once.
  for (let rounds = 0; rounds < 20; rounds++) {
    const r = runScript(src, sub, inner);
    if (r.kind === 'exit') break;
  }
  return captured.replace(/\n+$/, '');
}
