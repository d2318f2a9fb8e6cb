/**
 * Runs parsed scripts: lists, `&&`/`||`, pipelines, subshells and simple commands;
 * compound commands (`if`, loops, `{ }`, `(( ))`) run in compound.ts.
 * Pipelines are buffered: each stage runs to completion and its whole output becomes the
 * next stage's stdin. That keeps programs simple (stdin is a string) at the price of
 * streaming: `kubectl get pods -w | grep web` shows its matches only once the watch ends
 * (Ctrl+C or `timeout`); the later stages still run on what was collected.
 */
import { BUILTINS, TOOLS } from '../commands/registry.ts';
import type { CommandKind, Runtime } from '../commands/runtime.ts';
import type { AndOr, Command, Pipeline, Script, SimpleCommand } from '../syntax/ast.ts';
import { Parser, literalText } from '../syntax/parser.ts';
import { ParseError } from '../syntax/words.ts';
import type { Program, ProgramContext } from '../types.ts';
import type { VirtualFS } from '../vfs.ts';
import { runCompound } from './compound.ts';
import { type ExpandContext, ExpansionError, FatalExpansionError, expandWord, expandWords } from './expand.ts';
import { Capture, type Io } from './io.ts';
import { LoopGuard } from './loop-guard.ts';
import { applyRedirects } from './redirect.ts';
import type { Scope } from './scope.ts';
import { own } from '../record.ts';

/** INTERRUPTED is the status of a command stopped by Ctrl+C: 128 + SIGINT. */
export const INTERRUPTED = 130;

const MAX_SOURCE_DEPTH = 64;

/** ExecutorOptions are the parts of the shell every command shares. */
export interface ExecutorOptions {
  fs: VirtualFS;
  programs: Readonly<Record<string, Program>>;
  /** hostname is the machine the shell runs on now (ssh moves it). */
  hostname: () => string;
}

/** Executor runs scripts against a scope. */
export class Executor {
  /** guard bounds loops that never wait and holds the "abandon the rest of this input" state. */
  readonly guard = new LoopGuard();
  private readonly opts: ExecutorOptions;

  constructor(opts: ExecutorOptions) {
    this.opts = opts;
  }

  /** runSource parses and runs `text` one line at a time, printing syntax errors as bash does. */
  async runSource(text: string, scope: Scope, io: Io): Promise<number> {
    // A command line starts afresh; a nested one (`source`, `watch`) abandons only its own text.
    const outerHalted = this.guard.halted;
    if (scope.depth === 0) this.guard.reset();
    else this.guard.halted = false;
    try {
      return await this.runLines(text, scope, io);
    } finally {
      if (scope.depth > 0) this.guard.halted = outerHalted;
    }
  }

  private async runLines(text: string, scope: Scope, io: Io): Promise<number> {
    const parser = new Parser(text, scope.aliases);
    for (;;) {
      let script: Script | undefined;
      try {
        script = parser.next();
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        for (const line of e.lines) io.stderr(`bash: ${line}\n`);
        scope.status = 2;
        if (e.incomplete) break;
        parser.skipLine();
        continue;
      }
      for (const warning of parser.warnings.splice(0)) io.stderr(`bash: ${warning}\n`);
      if (script === undefined) break;
      await this.runScript(script, scope, io);
      if (this.stopped(scope, io)) break;
    }
    return scope.status;
  }

  // `exit`, Ctrl+C, an abandoned line, or a `break`/`continue` on its way to its loop.
  private stopped(scope: Scope, io: Io): boolean {
    return scope.exitCode !== undefined || io.signal.interrupted || this.guard.halted || scope.jump !== undefined;
  }

  /** runScript runs each and-or list in turn, stopping at `exit` or Ctrl+C. */
  async runScript(script: Script, scope: Scope, io: Io): Promise<number> {
    for (const item of script) {
      if (this.stopped(scope, io)) break;
      if (item.background) {
        io.stderr('bash: background jobs are not supported in this sandbox\n');
        scope.status = 1;
        continue;
      }
      await this.runAndOr(item, scope, io);
    }
    return scope.status;
  }

  private async runAndOr(item: AndOr, scope: Scope, io: Io): Promise<number> {
    let status = await this.runPipeline(item.first, scope, io);
    for (const { op, pipeline } of item.rest) {
      if (this.stopped(scope, io)) break;
      if ((op === '&&') === (status === 0)) status = await this.runPipeline(pipeline, scope, io);
    }
    return status;
  }

  private async runPipeline(pipeline: Pipeline, scope: Scope, io: Io): Promise<number> {
    let status: number;
    const { commands } = pipeline;
    if (commands.length === 1) {
      status = await this.runCommand(commands[0]!, scope, io);
    } else {
      status = 0;
      let stdin = io.stdin;
      for (let i = 0; i < commands.length; i++) {
        const last = i === commands.length - 1;
        const capture = new Capture();
        // Every stage is a child process in bash, so `cd` or `exit` in one affects only that stage.
        const stage = scope.subshell();
        status = await this.runCommand(commands[i]!, stage, { ...io, stdin, stdout: last ? io.stdout : capture.write });
        stdin = capture.text();
      }
    }
    if (pipeline.negate) status = status === 0 ? 1 : 0;
    if (io.signal.interrupted) status = INTERRUPTED;
    scope.status = status;
    return status;
  }

  private async runCommand(cmd: Command, scope: Scope, io: Io): Promise<number> {
    let substituted: number | undefined;
    const ectx = this.expandContext(scope, io, (s) => (substituted = s));
    try {
      if (cmd.type === 'subshell') {
        const inner = await applyRedirects(cmd.redirects, io, ectx);
        const child = scope.subshell();
        return await this.runScript(cmd.body, child, inner);
      }
      if (cmd.type !== 'simple') return await runCompound(cmd, scope, io, ectx, this);
      if (isSourceOfProcessSubstitution(cmd)) return 0;
      const argv = await expandWords(cmd.words, ectx);
      const cio = await applyRedirects(cmd.redirects, io, ectx);
      const assigned: Record<string, string> = {};
      for (const a of cmd.assignments) assigned[a.name] = await expandWord(a.value, ectx, true);
      if (argv.length === 0) {
        for (const [name, value] of Object.entries(assigned)) scope.set(name, value);
        return substituted ?? 0;
      }
      const base = { ...cio, env: scope.programEnv(assigned) };
      const status = await this.invoke(argv, scope, base, false);
      if (status !== undefined) return status;
      return this.notFound(argv[0]!, scope, cio);
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      io.stderr(`bash: ${e.message}\n`);
      if (e instanceof FatalExpansionError) this.guard.halted = true;
      return 1;
    }
  }

  private notFound(name: string, scope: Scope, io: Io): number {
    if (!name.includes('/')) {
      io.stderr(`bash: ${name}: command not found\n`);
      return 127;
    }
    // Files in the sandbox are text, never executable.
    const kind = this.opts.fs.kind(this.opts.fs.resolve(name, scope.cwd));
    const message = kind === 'dir' ? 'Is a directory' : kind === 'file' ? 'Permission denied' : 'No such file or directory';
    io.stderr(`bash: ${name}: ${message}\n`);
    return kind === undefined ? 127 : 126;
  }

  /** invoke runs argv[0] as a builtin (unless `externalOnly`), a program or a tool; undefined when none exists. */
  async invoke(argv: string[], scope: Scope, base: Omit<ProgramContext, 'args'>, externalOnly: boolean): Promise<number | undefined> {
    const name = argv[0]!;
    const ctx: ProgramContext = { ...base, args: argv.slice(1) };
    const builtin = externalOnly ? undefined : own(BUILTINS, name);
    if (builtin) return this.call(name, ctx, (c) => builtin(c, this.runtime(scope)));
    const command = name.includes('/') ? this.byPath(scope.cwd, name) : name;
    if (command === undefined) return undefined;
    const program = own(this.opts.programs, command);
    if (program) return this.call(command, ctx, program);
    const tool = own(TOOLS, command);
    if (tool) return this.call(command, ctx, (c) => tool(c, this.runtime(scope)));
    return undefined;
  }

  // `/usr/bin/cat` or `/usr/local/bin/kubectl` typed in full name the command they stand for.
  private byPath(cwd: string, path: string): string | undefined {
    const abs = this.opts.fs.resolve(path, cwd);
    const name = abs.slice(abs.lastIndexOf('/') + 1);
    return this.pathOf(name) === abs ? name : undefined;
  }

  private async call(name: string, ctx: ProgramContext, fn: (ctx: ProgramContext) => number | Promise<number>): Promise<number> {
    try {
      const status = await fn(ctx);
      return Number.isInteger(status) ? ((status % 256) + 256) % 256 : 1;
    } catch (e) {
      ctx.stderr(`bash: ${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }

  private pathOf(name: string): string | undefined {
    if (own(this.opts.programs, name)) return `/usr/local/bin/${name}`;
    if (own(TOOLS, name)) return `/usr/bin/${name}`;
    return undefined;
  }

  private lookup(scope: Scope, name: string): CommandKind | undefined {
    if (Object.hasOwn(scope.aliases, name)) return 'alias';
    if (own(BUILTINS, name)) return 'builtin';
    return this.pathOf(name) ? 'file' : undefined;
  }

  /** runtime is the view of the shell that builtins and tools get. */
  runtime(scope: Scope): Runtime {
    const { fs } = this.opts;
    return {
      fs,
      scope,
      hostname: this.opts.hostname(),
      resolve: (path) => fs.resolve(path, scope.cwd),
      exec: (argv, ctx) => this.invoke(argv, scope, ctx, true),
      evaluate: async (source, ctx, subshell) => {
        const target = subshell ? scope.subshell() : scope;
        if (target.depth >= MAX_SOURCE_DEPTH) {
          ctx.stderr('bash: source: maximum nesting depth exceeded\n');
          return 1;
        }
        target.depth++;
        try {
          return await this.runSource(source, target, ctx);
        } finally {
          target.depth--;
        }
      },
      lookup: (name) => this.lookup(scope, name),
      pathOf: (name) => this.pathOf(name),
      commandNames: () => [...new Set([...Object.keys(BUILTINS), ...Object.keys(TOOLS), ...Object.keys(this.opts.programs)])].sort(),
      requestExit: (code) => {
        scope.exitCode = code;
      },
    };
  }

  private expandContext(scope: Scope, io: Io, onStatus: (status: number) => void): ExpandContext {
    return {
      scope,
      fs: this.opts.fs,
      substitute: async (script) => {
        const capture = new Capture();
        const child = scope.subshell();
        const status = await this.runScript(script, child, { ...io, stdin: '', stdout: capture.write });
        onStatus(status);
        return capture.text();
      },
    };
  }
}

// `source <(kubectl completion bash)` is in every kubectl tutorial; completion is built in here, so it is accepted as is.
function isSourceOfProcessSubstitution(cmd: SimpleCommand): boolean {
  const [first, second] = cmd.words;
  if (!first || !second || !['source', '.'].includes(literalText(first)) || first.parts.some((p) => p.type !== 'text')) return false;
  const part = second.parts[0];
  return second.parts.length === 1 && part?.type === 'procsub' && /\bcompletion\s+bash\s*$/.test(part.source);
}
