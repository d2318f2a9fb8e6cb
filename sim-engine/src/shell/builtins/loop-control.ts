/** `break` and `continue`: they leave a pending jump on the scope that the enclosing loops take. */
import type { Builtin } from '../commands/runtime.ts';

// Like bash's, a bad count abandons the rest of the command line; `requestExit` is too strong, so the jump leaves every loop.
function loopControl(kind: 'break' | 'continue'): Builtin {
  return (ctx, rt) => {
    const scope = rt.scope;
    if (scope.loopDepth === 0) {
      ctx.stderr(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    const [arg, extra] = ctx.args;
    if (arg !== undefined && !/^\s*[-+]?\d+\s*$/.test(arg)) {
      ctx.stderr(`bash: ${kind}: ${arg}: numeric argument required\n`);
      scope.jump = { kind: 'break', levels: scope.loopDepth };
      return 128;
    }
    if (extra !== undefined) {
      ctx.stderr(`bash: ${kind}: too many arguments\n`);
      scope.jump = { kind: 'break', levels: scope.loopDepth };
      return 1;
    }
    const count = arg === undefined ? 1 : Number(arg);
    if (count < 1) {
      // bash still leaves the innermost loop, with status 1.
      ctx.stderr(`bash: ${kind}: ${arg}: loop count out of range\n`);
      scope.jump = { kind: 'break', levels: 1 };
      return 1;
    }
    scope.jump = { kind, levels: Math.min(count, scope.loopDepth) };
    return 0;
  };
}

/** breakBuiltin leaves the innermost loop, or N loops. */
export const breakBuiltin: Builtin = loopControl('break');

/** continueBuiltin starts the next iteration of the innermost loop, or of the Nth one out. */
export const continueBuiltin: Builtin = loopControl('continue');
