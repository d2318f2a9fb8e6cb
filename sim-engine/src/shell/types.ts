/** The contract between the pseudo-shell and the programs it runs (kubectl, builtins, pipe tools). */

/** Interrupt tells a running program that the user pressed Ctrl+C. */
export interface Interrupt {
  /** interrupted is true once Ctrl+C was pressed during this command line. */
  readonly interrupted: boolean;
}

/** ProgramContext is everything a program sees while it runs. */
export interface ProgramContext {
  /** Arguments after the program's name, after quote removal and expansion. */
  args: string[];
  /** Standard input: a pipe's or heredoc's whole text, or '' when none. */
  stdin: string;
  /** stdout writes to standard output (the terminal, a pipe or a file). */
  stdout(text: string): void;
  /** stderr writes to standard error (always the terminal unless redirected with 2>). */
  stderr(text: string): void;
  /** Environment variables, e.g. HOME, USER, KUBECONFIG. */
  env: Record<string, string>;
  /** sleep waits `ms` of cluster time: instantly in transcripts, in real time (scaled by the clock speed) in the browser. */
  sleep(ms: number): Promise<void>;
  /** now is the cluster's current virtual time in ms, e.g. for `date` and `timeout`. */
  now(): number;
  /** signal reports Ctrl+C. */
  signal: Interrupt;
}

/** Program is a command the shell can run; it resolves to its exit status. */
export type Program = (ctx: ProgramContext) => number | Promise<number>;
