/**
 * The sandbox's shell: a small bash over a virtual filesystem, running kubectl and the
 * other registered programs, its builtins and its pipe tools. The terminal (xterm.js in
 * the browser, the transcript runner in Node) feeds it complete inputs and renders what
 * it writes.
 */
import { complete, type Completer, type Completion } from './complete.ts';
import { HOME, tildePath } from './paths.ts';
import { Executor } from './run/executor.ts';
import { Scope } from './run/scope.ts';
import { DEFAULT_ALIASES, DEFAULT_ENV, DEFAULT_HOSTNAME, type ShellState } from './state.ts';
import { Parser } from './syntax/parser.ts';
import { ParseError } from './syntax/words.ts';
import type { Interrupt, Program } from './types.ts';
import { VirtualFS } from './vfs.ts';

/**
 * SHELL_EXIT marks an `exit`: run() then resolves to SHELL_EXIT + the exit code (0–255), a
 * value no command can return, so the host can detect it with `status >= SHELL_EXIT`
 * and recover the code with exitCodeOf().
 */
export const SHELL_EXIT = 256;

/** exitCodeOf returns the code of an `exit` from a run() status, or undefined if the input did not exit. */
export function exitCodeOf(status: number): number | undefined {
  return status >= SHELL_EXIT ? status - SHELL_EXIT : undefined;
}

/**
 * RunOptions mark a quiet run: a command a panel or a notebook cell runs in the learner's shell
 * without the learner typing it. It is kept out of `history`, and `$?` afterwards is what the
 * learner's last command left; the run itself sees `$?` as `status` when that is given (a
 * cell's previous command), else as the learner left it. Files, directory and variables are shared.
 */
export interface RunOptions {
  quiet?: boolean;
  status?: number;
}

/** ShellOptions configure a shell. */
export interface ShellOptions {
  /** programs are the external commands, e.g. { kubectl }. */
  programs: Record<string, Program>;
  /** sleep waits cluster time (see ProgramContext.sleep). */
  sleep(ms: number): Promise<void>;
  /** now is the cluster's current time in ms. */
  now(): number;
  /** state restores a snapshot(); without it the shell starts fresh. */
  state?: ShellState;
  /** hostname is shown in the prompt and by `hostname`; 'wheelhouse' by default. A function is asked each time, for a learner who moves between machines with ssh. */
  hostname?: string | (() => string);
  /**
   * logout is asked when the learner runs `exit`: it returns true when `exit` only closed a
   * nested login (an ssh session), having printed what that prints, so the shell carries on.
   */
  logout?: (io: TerminalIo) => boolean;
  /** guest returns the shell the terminal is attached to inside a container (kubectl exec -it), which then gets the learner's lines and gives the prompt. */
  guest?: () => GuestShell | undefined;
  /** files seed a fresh filesystem ({ path: content }, relative paths under home); ignored when `state` is given. */
  files?: Record<string, string>;
  /** completers complete arguments of a program by name, e.g. { kubectl: (words, current) => [...] }. */
  completers?: Record<string, Completer>;
}

/** GuestShell is a shell running elsewhere that the learner types into until it ends (`exit`), like a container's sh. */
export interface GuestShell {
  prompt(): string;
  /** run runs one input there: its status, and whether the guest ended (the learner is back in this shell). */
  run(input: string, io: TerminalIo, signal: Interrupt): Promise<{ status: number; ended: boolean }>;
}

/** TerminalIo is where a run's output goes. */
export interface TerminalIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Shell is the sandbox's bash. */
export class Shell {
  /** fs is the sandbox's filesystem, shared with programs that read files (kubectl apply -f). */
  readonly fs: VirtualFS;
  private readonly opts: ShellOptions;
  private readonly scope: Scope;
  private readonly executor: Executor;
  private readonly hostname: () => string;
  private exitedWith: number | undefined;

  constructor(opts: ShellOptions) {
    this.opts = opts;
    const hostname = opts.hostname ?? DEFAULT_HOSTNAME;
    this.hostname = typeof hostname === 'string' ? () => hostname : hostname;
    const now = (): number => opts.now();
    const state = opts.state;
    this.fs = state ? new VirtualFS(state, now) : VirtualFS.fromFiles(opts.files ?? {}, now);
    this.scope = new Scope({
      cwd: state?.cwd ?? HOME,
      env: state?.env ?? DEFAULT_ENV,
      vars: state?.vars ?? { HOSTNAME: this.hostname() },
      aliases: state?.aliases ?? DEFAULT_ALIASES,
      history: [...(state?.history ?? [])],
    });
    this.scope.status = state?.status ?? 0;
    this.executor = new Executor({ fs: this.fs, programs: opts.programs, hostname: this.hostname });
  }

  /** run executes one complete input (may span lines: heredocs, continuations) and resolves to the last exit status; see SHELL_EXIT for `exit`, RunOptions for quiet runs. */
  async run(input: string, io: TerminalIo, signal: Interrupt, opts: RunOptions = {}): Promise<number> {
    const text = input.replace(/\r\n?/g, '\n');
    if (opts.quiet) {
      const learners = this.scope.status;
      if (opts.status !== undefined) this.scope.status = opts.status;
      try {
        return await this.execute(text, io, signal);
      } finally {
        this.scope.status = learners;
      }
    }
    const guest = this.opts.guest?.();
    if (guest) {
      // The line was typed into the container's shell: bash sees only the exit status of the kubectl that attached.
      const { status, ended } = await guest.run(text, io, signal);
      if (ended) this.scope.status = status;
      return status;
    }
    const entry = text.replace(/\n+$/, '');
    const history = this.scope.history;
    // Like HISTCONTROL=ignoredups: a repeated command is recorded once.
    if (entry.trim() !== '' && history[history.length - 1] !== entry) history.push(entry);
    return this.execute(text, io, signal);
  }

  private async execute(text: string, io: TerminalIo, signal: Interrupt): Promise<number> {
    this.scope.exitCode = undefined;
    const shellIo = { stdin: '', stdout: (t: string) => io.stdout(t), stderr: (t: string) => io.stderr(t), sleep: (ms: number) => this.opts.sleep(ms), now: () => this.opts.now(), signal };
    try {
      await this.executor.runSource(text, this.scope, shellIo);
    } catch (e) {
      // A bug in a builtin must not take the terminal down; report it like a crashed command.
      io.stderr(`bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      this.scope.status = 1;
    }
    const code = this.scope.exitCode;
    this.scope.exitCode = undefined;
    if (code === undefined) return this.scope.status;
    if (this.opts.logout?.(io)) {
      this.scope.status = code;
      return code;
    }
    this.exitedWith = code;
    return SHELL_EXIT + code;
  }

  /** exited is true once the learner ran `exit` (the same moment run() resolved to SHELL_EXIT + code). */
  get exited(): boolean {
    return this.exitedWith !== undefined;
  }

  /** exitCode is the code given to `exit`, or undefined while the shell has not exited. */
  get exitCode(): number | undefined {
    return this.exitedWith;
  }

  /** needsMore tells whether `input` is incomplete (open quote, heredoc awaiting its terminator, unfinished `if`/`for`/`while`, trailing `|`, `&&`, `||` or backslash) so the terminal should read another line with the `> ` prompt. */
  needsMore(input: string): boolean {
    const parser = new Parser(input.replace(/\r\n?/g, '\n'), this.scope.aliases);
    try {
      while (parser.next() !== undefined) {
        /* parse everything */
      }
    } catch (e) {
      return e instanceof ParseError && e.incomplete;
    }
    return parser.needsMore;
  }

  /** complete returns bash-like completion candidates for the word at `cursor` (commands, builtins, aliases, file names, and program completers). */
  complete(line: string, cursor: number): Completion {
    // A container's shell completes nothing the sandbox knows of.
    if (this.opts.guest?.()) return { start: cursor, candidates: [] };
    return complete(line, cursor, {
      scope: this.scope,
      fs: this.fs,
      commandNames: this.executor.runtime(this.scope).commandNames(),
      completers: this.opts.completers ?? {},
    });
  }

  /** snapshot returns the shell's state as plain JSON: files, cwd, env, aliases, history and `$?`. */
  snapshot(): ShellState {
    const s = this.scope;
    return { ...this.fs.snapshot(), cwd: s.cwd, env: { ...s.env }, vars: { ...s.vars }, aliases: { ...s.aliases }, history: [...s.history], status: s.status };
  }

  /** prompt is bash's default colored prompt, e.g. `learner@wheelhouse:~$ ` with the directory shortened under HOME. */
  prompt(): string {
    const guest = this.opts.guest?.();
    if (guest) return guest.prompt();
    // bash's \u is the login name, not $USER, so the prompt ignores changes to USER.
    const user = 'learner';
    const dir = tildePath(this.scope.cwd, this.scope.get('HOME') ?? HOME);
    return `\x1b[1;32m${user}@${this.hostname()}\x1b[0m:\x1b[1;34m${dir}\x1b[0m$ `;
  }
}
