/** Test helpers: a shell on a fake clock, and a runner that collects what a command printed. */
import { Shell, type ShellOptions } from './shell.ts';
import type { Interrupt } from './types.ts';

/** START is Monday 12 January 2026, 09:00:00 UTC, the clock's start in tests. */
export const START = Date.UTC(2026, 0, 12, 9, 0, 0);

/** Ran is what one run printed, separately and interleaved, and its status. */
export interface Ran {
  stdout: string;
  stderr: string;
  output: string;
  status: number;
}

/** TestShell is a shell whose clock only moves when something sleeps. */
export interface TestShell {
  shell: Shell;
  /** clock is the fake cluster time in ms; `sleeps` records every sleep requested. */
  clock: { now: number; sleeps: number[] };
  run(input: string, signal?: Interrupt): Promise<Ran>;
}

/** testShell builds a shell on a fake clock; `opts` override its options. */
export function testShell(opts: Partial<ShellOptions> = {}): TestShell {
  const clock = { now: START, sleeps: [] as number[] };
  const shell = new Shell({
    programs: {},
    sleep: async (ms) => {
      clock.sleeps.push(ms);
      clock.now += ms;
    },
    now: () => clock.now,
    ...opts,
  });
  return {
    shell,
    clock,
    run: (input, signal = { interrupted: false }) => captured((out) => shell.run(input, out, signal)),
  };
}

/** captured runs `run` with writers that collect stdout and stderr, separately and interleaved. */
export async function captured(run: (out: { stdout(text: string): void; stderr(text: string): void }) => Promise<number>): Promise<Ran> {
  const ran: Ran = { stdout: '', stderr: '', output: '', status: 0 };
  ran.status = await run({
    stdout: (t) => {
      ran.stdout += t;
      ran.output += t;
    },
    stderr: (t) => {
      ran.stderr += t;
      ran.output += t;
    },
  });
  return ran;
}
