/**
 * sudo runs a command as root. The sandbox has one user and no file permissions, so it runs the
 * command with root's USER and LOGNAME (and SUDO_USER), which tools that check for root read; like the real sudo it finds programs, not shell
 * builtins: `sudo cd` is "command not found".
 */
import type { Builtin } from '../commands/runtime.ts';

const USAGE = 'usage: sudo -h | -K | -k | -V\nusage: sudo [-ABbEHknPS] [-g group] [-u user] [command [arg ...]]\n';

/** runningAsRoot tells a program whether it runs as root: under sudo, as the sandbox has no other way to be root. */
export function runningAsRoot(env: Record<string, string>): boolean {
  return env.USER === 'root';
}

/** sudo runs its command: options it would take are accepted and ignored, an interactive shell is refused. */
export const sudo: Builtin = async (ctx, rt) => {
  let i = 0;
  for (; i < ctx.args.length && ctx.args[i]!.startsWith('-'); i++) {
    const opt = ctx.args[i]!;
    if (opt === '--') {
      i++;
      break;
    }
    if (['-i', '-s', '--login', '--shell'].includes(opt)) {
      ctx.stderr('sudo: an interactive root shell is not supported in this sandbox: put sudo before each command instead\n');
      return 1;
    }
    if (['-u', '-g'].includes(opt)) i++;
    else if (!/^-[ABbEHknPS]+$/.test(opt)) {
      ctx.stderr(`sudo: invalid option -- '${opt.replace(/^-+/, '')[0] ?? ''}'\n${USAGE}`);
      return 1;
    }
  }
  const argv = ctx.args.slice(i);
  if (argv.length === 0) {
    ctx.stderr(USAGE);
    return 1;
  }
  // The command sees the environment sudo gives it, which is how a tool that needs root (kubeadm) knows it has it.
  const env = { ...ctx.env, USER: 'root', LOGNAME: 'root', SUDO_USER: ctx.env.USER ?? 'learner' };
  const status = await rt.exec(argv, { ...ctx, env, args: argv.slice(1) });
  if (status !== undefined) return status;
  ctx.stderr(`sudo: ${argv[0]}: command not found\n`);
  return 1;
};
