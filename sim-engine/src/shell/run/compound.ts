/**
 * Running compound commands: `if`, the loops, `{ }` and `(( ))`. Loops honour `break` and
 * `continue` (a pending jump on the scope), stop at Ctrl+C and `exit`, and count their
 * iterations on the LoopGuard so that one which never waits cannot freeze the page.
 */
import type { ArithExpr, Compound, Script } from '../syntax/ast.ts';
import { ArithError, arithMessage, evaluateArith } from './arith.ts';
import { type ExpandContext, expandText, expandWords } from './expand.ts';
import type { Io } from './io.ts';
import type { LoopGuard } from './loop-guard.ts';
import { applyRedirects } from './redirect.ts';
import type { Scope } from './scope.ts';

/** CompoundRunner is what compound commands need from the executor. */
export interface CompoundRunner {
  runScript(script: Script, scope: Scope, io: Io): Promise<number>;
  readonly guard: LoopGuard;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** runCompound runs a compound command with its redirections applied; expansion errors propagate to the caller. */
export async function runCompound(cmd: Compound, scope: Scope, io: Io, ectx: ExpandContext, runner: CompoundRunner): Promise<number> {
  const cio = await applyRedirects(cmd.redirects, io, ectx);
  const run = (script: Script): Promise<number> => runner.runScript(script, scope, cio);
  const stopped = (): boolean => scope.exitCode !== undefined || cio.signal.interrupted || runner.guard.halted || scope.jump !== undefined;
  switch (cmd.type) {
    case 'group':
      return run(cmd.body);
    case 'arith': {
      const value = await arith(cmd.expr, scope, cio, ectx);
      return value === undefined || value === 0n ? 1 : 0;
    }
    case 'if':
      for (const branch of cmd.branches) {
        const status = await run(branch.test);
        if (stopped()) return status;
        if (status === 0) return run(branch.body);
      }
      return cmd.otherwise ? run(cmd.otherwise) : 0;
    case 'while':
      return loop(scope, cio, runner, async () => {
        const status = await run(cmd.test);
        return !stopped() && (status === 0) !== cmd.until;
      }, cmd.body);
    case 'for': {
      if (!NAME.test(cmd.name)) {
        cio.stderr(`bash: \`${cmd.name}': not a valid identifier\n`);
        return 1;
      }
      const values = await expandWords(cmd.words, ectx);
      let i = 0;
      return loop(scope, cio, runner, async () => {
        if (i >= values.length) return false;
        scope.set(cmd.name, values[i++]!);
        return true;
      }, cmd.body);
    }
    case 'arith-for': {
      let failed = cmd.init.raw.trim() !== '' && (await arith(cmd.init, scope, cio, ectx)) === undefined;
      let first = true;
      const status = await loop(scope, cio, runner, async () => {
        if (failed) return false;
        if (!first && cmd.step.raw.trim() !== '') failed = (await arith(cmd.step, scope, cio, ectx)) === undefined;
        first = false;
        if (failed || cmd.test.raw.trim() === '') return !failed;
        const value = await arith(cmd.test, scope, cio, ectx);
        failed = value === undefined;
        return value !== undefined && value !== 0n;
      }, cmd.body);
      return failed ? 1 : status;
    }
  }
}

// Runs `body` while `next` says so; the status is the body's last, or 0 when it never ran.
async function loop(scope: Scope, io: Io, runner: CompoundRunner, next: () => Promise<boolean>, body: Script): Promise<number> {
  let status = 0;
  scope.loopDepth++;
  try {
    for (;;) {
      if (!(await next())) {
        // A `break` in a `while` condition ends this loop.
        settleJump(scope);
        break;
      }
      status = await runner.runScript(body, scope, io);
      if (settleJump(scope) === 'break') break;
      if (scope.exitCode !== undefined || io.signal.interrupted || runner.guard.halted) break;
      if (!runner.guard.step(io.now(), io.stderr)) {
        status = 1;
        break;
      }
    }
  } finally {
    scope.loopDepth--;
  }
  return status;
}

// Takes this loop's share of a pending jump: `break 2` ends this loop and leaves `break 1` for the next one out.
function settleJump(scope: Scope): 'break' | 'continue' | undefined {
  const jump = scope.jump;
  if (!jump) return undefined;
  if (jump.levels > 1) {
    jump.levels--;
    return 'break';
  }
  scope.jump = undefined;
  return jump.kind;
}

// Evaluates `(( ))` text; undefined after printing bash's `((:` error.
async function arith(expr: ArithExpr, scope: Scope, io: Io, ectx: ExpandContext): Promise<bigint | undefined> {
  const text = await expandText(expr.parts, ectx);
  try {
    return evaluateArith(text, scope);
  } catch (e) {
    if (!(e instanceof ArithError)) throw e;
    io.stderr(`bash: ((: ${arithMessage(text, e)}\n`);
    return undefined;
  }
}
