/**
 * The shell's mutable state while it runs: working directory, variables, aliases, `$?`
 * and history. Pipeline stages, `( ... )` and `$( ... )` run in a copy, so `cd` or
 * `export` there does not leak out, as in bash where they are child processes.
 */

/** PID is what `$$` reports; any number will do, but a stable one keeps transcripts stable. */
const PID = '4242';

/** Scope is one shell's (or subshell's) variables, directory and aliases. */
export class Scope {
  cwd: string;
  /** env holds exported variables: programs see these. */
  env: Record<string, string>;
  /** vars holds shell variables that are not exported. */
  vars: Record<string, string>;
  aliases: Record<string, string>;
  status = 0;
  /** exitCode is set by `exit` and stops the rest of this shell's input. */
  exitCode: number | undefined;
  /** depth counts nested `source` calls, to stop a file that sources itself. */
  depth = 0;
  /** loopDepth counts the `for`, `while` and `until` loops running, which `break` and `continue` need. */
  loopDepth = 0;
  /** jump is a pending `break` or `continue` of `levels` loops; it stops the lists in between. */
  jump: { kind: 'break' | 'continue'; levels: number } | undefined;
  readonly history: string[];

  constructor(init: { cwd: string; env: Record<string, string>; vars?: Record<string, string>; aliases: Record<string, string>; history: string[] }) {
    this.cwd = init.cwd;
    this.env = { ...init.env };
    this.vars = { ...(init.vars ?? {}) };
    this.aliases = { ...init.aliases };
    this.history = init.history;
  }

  /** get reads a variable or special parameter; undefined when unset. */
  get(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return PID;
      case '#':
        return '0';
      case '0':
        return 'bash';
      case '-':
        return 'himBHs';
      case '@':
      case '*':
      case '!':
        return '';
      default:
        if (/^[1-9]$/.test(name)) return undefined;
        return Object.hasOwn(this.env, name) ? this.env[name] : Object.hasOwn(this.vars, name) ? this.vars[name] : undefined;
    }
  }

  /** set assigns a variable, keeping it exported if it already was. */
  set(name: string, value: string): void {
    if (Object.hasOwn(this.env, name)) this.env[name] = value;
    else this.vars[name] = value;
  }

  /** exportVar marks `name` exported, optionally assigning it. */
  exportVar(name: string, value?: string): void {
    const current = value ?? this.get(name);
    delete this.vars[name];
    // bash keeps `export NAME` of an unset name valueless until assigned; here it is exported as empty, which reads the same.
    this.env[name] = current ?? '';
  }

  /** unset removes a variable whether exported or not. */
  unset(name: string): void {
    delete this.env[name];
    delete this.vars[name];
  }

  /** programEnv is the environment a program starts with: exported variables, the prefix assignments, and PWD. */
  programEnv(overrides: Record<string, string> = {}): Record<string, string> {
    // PWD is how programs like kubectl find relative files, so they get it even if the learner unset it.
    return { ...this.env, ...overrides, PWD: this.cwd };
  }

  /** subshell copies this scope for a child; history is shared, as the child can read but not add to it. */
  subshell(): Scope {
    const child = new Scope({ cwd: this.cwd, env: this.env, vars: this.vars, aliases: this.aliases, history: this.history });
    child.status = this.status;
    child.depth = this.depth;
    // A pipeline stage inside a loop may run `break`; like bash, it leaves only that stage.
    child.loopDepth = this.loopDepth;
    return child;
  }
}
