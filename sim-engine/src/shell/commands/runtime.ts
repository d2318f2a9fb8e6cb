/** What builtins and tools get from the shell besides their ProgramContext. */
import type { ProgramContext } from '../types.ts';
import type { Scope } from '../run/scope.ts';
import type { VirtualFS } from '../vfs.ts';

/** CommandKind is how `type` classifies a name. */
export type CommandKind = 'alias' | 'builtin' | 'file';

/** Runtime is the shell as seen by a command implemented inside it. */
export interface Runtime {
  readonly fs: VirtualFS;
  /** scope is the running shell's directory, variables, aliases and history. */
  readonly scope: Scope;
  readonly hostname: string;
  /** resolve makes a path absolute against the working directory. */
  resolve(path: string): string;
  /** exec runs an external command (a tool or program, not a shell builtin) by argv; undefined when there is none by that name. */
  exec(argv: string[], ctx: ProgramContext): Promise<number | undefined>;
  /** evaluate runs shell source in this shell (as `source` does) or, with `subshell`, in a copy (as `sh -c` would). */
  evaluate(source: string, ctx: ProgramContext, subshell: boolean): Promise<number>;
  /** lookup classifies a command name, or undefined when bash would not find it. */
  lookup(name: string): CommandKind | undefined;
  /** pathOf is where an external command lives, e.g. `/usr/local/bin/kubectl`. */
  pathOf(name: string): string | undefined;
  /** commandNames lists every runnable name, for completion and help. */
  commandNames(): string[];
  /** requestExit makes the shell stop after this command and report `code`. */
  requestExit(code: number): void;
}

/** Builtin is a command implemented by the shell itself. */
export type Builtin = (ctx: ProgramContext, rt: Runtime) => number | Promise<number>;
