/** The working directory: `cd` (including `cd -` and `cd` alone) and `pwd`. */
import type { Builtin } from '../commands/runtime.ts';

/** cd changes the shell's working directory and keeps PWD and OLDPWD up to date. */
export const cd: Builtin = (ctx, rt) => {
  const args = ctx.args[0] === '--' ? ctx.args.slice(1) : ctx.args.filter((a) => a !== '-L' && a !== '-P');
  if (args.length > 1) {
    ctx.stderr('bash: cd: too many arguments\n');
    return 1;
  }
  let target = args[0];
  let announce = false;
  if (target === undefined) {
    target = rt.scope.get('HOME');
    if (target === undefined) {
      ctx.stderr('bash: cd: HOME not set\n');
      return 1;
    }
  } else if (target === '-') {
    target = rt.scope.get('OLDPWD');
    if (target === undefined) {
      ctx.stderr('bash: cd: OLDPWD not set\n');
      return 1;
    }
    announce = true;
  }
  // `cd ""` leaves the directory as it is.
  if (target === '') return 0;
  const abs = rt.resolve(target);
  const kind = rt.fs.kind(abs);
  if (kind !== 'dir') {
    ctx.stderr(`bash: cd: ${target}: ${kind === 'file' ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  rt.scope.exportVar('OLDPWD', rt.scope.cwd);
  rt.scope.cwd = abs;
  rt.scope.exportVar('PWD', abs);
  if (announce) ctx.stdout(`${abs}\n`);
  return 0;
};

/** pwd prints the working directory. */
export const pwd: Builtin = (ctx, rt) => {
  const bad = ctx.args.find((a) => a.startsWith('-') && a !== '-L' && a !== '-P');
  if (bad !== undefined) {
    ctx.stderr(`bash: pwd: ${bad.slice(0, 2)}: invalid option\npwd: usage: pwd [-LP]\n`);
    return 2;
  }
  ctx.stdout(`${rt.scope.cwd}\n`);
  return 0;
};
