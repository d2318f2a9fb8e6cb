/**
 * Helpers for differential tests against the real kubectl client, when one is on PATH: run it
 * offline (client-side behaviour only) and run the same command line in a sandbox session.
 */
import { spawnSync } from 'node:child_process';
import { Session } from '../../session.ts';

/** hasKubectl tells whether a kubectl binary is on PATH. */
export function hasKubectl(): boolean {
  return spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
}

/** Result is what a command printed and its exit status. */
export interface Result {
  stdout: string;
  stderr: string;
  status: number;
}

/** runReal runs the real kubectl with `args` (no server: only client-side paths answer). */
export function runReal(args: string[], opts: { cwd?: string; input?: string } = {}): Result {
  const r = spawnSync('kubectl', args, { encoding: 'utf8', cwd: opts.cwd, input: opts.input, timeout: 30_000 });
  // Drop klog lines about the missing server; they are not part of kubectl's answer.
  const stderr = r.stderr.split('\n').filter((l) => !/^[EIW]\d{4} /.test(l)).join('\n');
  return { stdout: r.stdout, stderr, status: r.status ?? -1 };
}

/** runSandbox runs one command line in a session. */
export async function runSandbox(session: Session, line: string): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const status = await session.run(line, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { stdout, stderr, status };
}

/** shellQuote quotes an argument for the sandbox shell. */
export function shellQuote(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`;
}
