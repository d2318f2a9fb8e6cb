/**
 * Proving an exercise: its checks must all FAIL on the start state (right away, and after the
 * cluster has run for the settle period with nobody touching it) and all PASS once the
 * reference solution has run and the cluster has settled. Both runs use a fresh session with
 * a fixed seed, so the verdict is the same on every machine.
 */
import { splitCommands, type Session } from '@wheelhouse/sim-engine';
import { CheckHistory, evaluateChecks, type Check } from '@wheelhouse/sim-engine/grading';
import { startSession } from '@wheelhouse/sim-engine/validate';
import type { Exercise } from '../../src/content/schemas/exercise.ts';

/** DEFAULT_SETTLE_SECONDS is how long the cluster runs after the solution (longer if a stableFor check needs it). */
export const DEFAULT_SETTLE_SECONDS = 30;

/** ExerciseVerdict is what checking one exercise found. */
export interface ExerciseVerdict {
  /** Full id: `03-pods/01-your-first-pod/run-a-pod`. */
  id: string;
  ok: boolean;
  /** How many checks the exercise has, guards left out. */
  checks: number;
  /** How many of its checks are guards (true throughout). */
  guards: number;
  /** One plain line per problem. */
  problems: string[];
  /** What the solution printed, commands echoed. */
  transcript: string;
}

/** CheckOptions fix the seed of both runs. */
export interface CheckOptions {
  seed?: number;
}

/** settleSecondsFor is how long to run the cluster after the solution: 30 s, or the longest stableFor plus 5 s. */
export function settleSecondsFor(checks: readonly Check[]): number {
  const longest = Math.max(0, ...checks.map((c) => (c.type === 'stableFor' ? c.seconds : 0)));
  return Math.max(DEFAULT_SETTLE_SECONDS, Math.ceil(longest) + 5);
}

/** checkExercise replays an exercise's solution and reports every check that does not fail before and pass after it. */
export async function checkExercise(id: string, exercise: Exercise, opts: CheckOptions = {}): Promise<ExerciseVerdict> {
  const seed = opts.seed ?? 1;
  const checks = exercise.tasks.flatMap((t) => t.checks);
  const settle = settleSecondsFor(checks);
  const problems: string[] = [];
  if (typeof exercise.scenario === 'string') {
    return { id, ok: false, checks: checks.length, guards: 0, problems: [`scenario "${exercise.scenario}" was not resolved to a file's contents`], transcript: '' };
  }

  // Guards hold from the start; every task must still ask for something that does not.
  const guards = new Set(checks.filter((c) => c.guard).map((c) => c.id));
  exercise.tasks.forEach((t, i) => {
    if (t.checks.every((c) => c.guard)) problems.push(`task ${i + 1} ("${t.title}") has only guard checks: it would be done before the learner starts`);
  });

  // The start state, graded at once and again after the cluster has run untouched.
  const idle = startSession(exercise.scenario, { seed });
  const idleHistory = new CheckHistory(idle.cluster, { checks });
  const already = new Set<string>();
  for (const r of evaluateChecks(idle.cluster, checks, idleHistory).results) {
    if (guards.has(r.id)) {
      if (!r.passed) problems.push(`guard "${r.id}" fails on the start state, so it guards nothing: ${r.message}`);
    } else if (r.passed) {
      problems.push(`check "${r.id}" already passes on the start state: ${r.message}`);
      already.add(r.id);
    }
  }
  idle.cluster.advance(settle * 1000);
  for (const r of evaluateChecks(idle.cluster, checks, idleHistory).results) {
    if (r.passed && !already.has(r.id) && !guards.has(r.id)) problems.push(`check "${r.id}" passes when the learner does nothing for ${settle}s: ${r.message}`);
  }
  idleHistory.dispose();

  // The solution, command by command, then the settle period.
  const session = startSession(exercise.scenario, { seed });
  const history = new CheckHistory(session.cluster, { checks });
  const transcript = await replay(session, exercise.solution, problems);
  session.cluster.advance(settle * 1000);
  for (const r of evaluateChecks(session.cluster, checks, history).results) {
    if (!r.passed) problems.push(`check "${r.id}" still fails after the solution: ${r.message}`);
  }
  history.dispose();
  return { id, ok: problems.length === 0, checks: checks.length - guards.size, guards: guards.size, problems, transcript };
}

/** replay runs a script one command at a time, as the transcript runner does, noting each command that fails. */
async function replay(session: Session, script: string, problems: string[]): Promise<string> {
  let transcript = '';
  for (const command of splitCommands(script, session)) {
    const [first, ...more] = command.split('\n');
    transcript += `$ ${first}\n${more.map((l) => `> ${l}\n`).join('')}`;
    let output = '';
    const write = (t: string) => {
      output += t;
    };
    const status = await session.run(command, { stdout: write, stderr: write });
    transcript += output;
    if (status !== 0) {
      const said = output.trim().split('\n').at(-1) ?? '';
      problems.push(`solution command \`${first}\` exited with status ${status}${said ? `: ${said}` : ''} (end it with \`|| true\` if that is intended)`);
    }
    if (session.exited) break;
  }
  return transcript;
}
