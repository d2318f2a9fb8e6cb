/**
 * bash's `complete`, as far as kubectl tutorials use it: `complete -o default -F
 * __start_kubectl k` after `source <(kubectl completion bash)`. Completion for kubectl and
 * its aliases is built into the sandbox, so registering it changes nothing and is accepted.
 */
import type { Builtin } from '../commands/runtime.ts';

const KUBECTL_FUNCTION = '__start_kubectl';

/** completeBuiltin accepts kubectl's completion registration and lists it when asked. */
export const completeBuiltin: Builtin = (ctx) => {
  const args = ctx.args;
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
    ctx.stdout(`complete -o default -F ${KUBECTL_FUNCTION} kubectl\n`);
    return 0;
  }
  const f = args.indexOf('-F');
  if (f >= 0 && args[f + 1] === KUBECTL_FUNCTION) return 0;
  ctx.stderr("bash: complete: only kubectl's completion (-F __start_kubectl) is available in this sandbox\n");
  return 1;
};
