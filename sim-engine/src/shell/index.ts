/** The sandbox's pseudo-shell: a small bash with a virtual filesystem, builtins and pipe tools. */
export { SHELL_EXIT, Shell, exitCodeOf } from './shell.ts';
export type { RunOptions, ShellOptions, TerminalIo } from './shell.ts';
export type { Completer, Completion } from './complete.ts';
export { DEFAULT_ALIASES, DEFAULT_ENV, DEFAULT_HOSTNAME } from './state.ts';
export type { ShellState } from './state.ts';
export { FsError, VirtualFS } from './vfs.ts';
export type { FsErrorCode, VfsState } from './vfs.ts';
export { HOME, resolvePath } from './paths.ts';
export type { Interrupt, Program, ProgramContext } from './types.ts';
