/** Variables and aliases: export, unset, env, alias and unalias. */
import type { Builtin } from '../commands/runtime.ts';
import { compareBytes } from '../vfs.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** shellQuote single-quotes a value the way `alias` and `declare -p` print it. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** exportBuiltin marks variables for export, or lists them as `declare -x`. */
export const exportBuiltin: Builtin = (ctx, rt) => {
  let args = ctx.args;
  const bad = args.find((a) => /^-[^p-]/.test(a) || (a.startsWith('--') && a !== '--'));
  if (bad !== undefined) {
    ctx.stderr(`bash: export: ${bad.slice(0, 2)}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`);
    return 2;
  }
  args = args.filter((a) => a !== '-p' && a !== '--');
  if (args.length === 0) {
    const names = Object.keys(rt.scope.env).sort(compareBytes);
    ctx.stdout(names.map((n) => `declare -x ${n}="${rt.scope.env[n]!.replace(/["\\$`]/g, '\\$&')}"\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      ctx.stderr(`bash: export: \`${arg}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    rt.scope.exportVar(name, eq < 0 ? undefined : arg.slice(eq + 1));
  }
  return status;
};

/** unset removes variables. */
export const unset: Builtin = (ctx, rt) => {
  let status = 0;
  for (const name of ctx.args.filter((a) => a !== '-v')) {
    if (name === '-f') continue;
    if (!NAME.test(name)) {
      ctx.stderr(`bash: unset: \`${name}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    rt.scope.unset(name);
  }
  return status;
};

/** env prints the environment, or runs a command with NAME=value settings added to it. */
export const env: Builtin = async (ctx, rt) => {
  const vars = { ...ctx.env };
  let i = 0;
  for (; i < ctx.args.length; i++) {
    const arg = ctx.args[i]!;
    if (arg === '-i' || arg === '--ignore-environment') {
      for (const key of Object.keys(vars)) delete vars[key];
    } else if (arg === '-u' || arg === '--unset') {
      delete vars[ctx.args[++i] ?? ''];
    } else if (arg.startsWith('-') && arg !== '-') {
      ctx.stderr(`env: invalid option -- '${arg.slice(1, 2)}'\nTry 'env --help' for more information.\n`);
      return 125;
    } else if (/^[^=]+=/.test(arg)) {
      const eq = arg.indexOf('=');
      vars[arg.slice(0, eq)] = arg.slice(eq + 1);
    } else {
      break;
    }
  }
  const argv = ctx.args.slice(i);
  if (argv.length === 0) {
    ctx.stdout(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  const status = await rt.exec(argv, { ...ctx, env: vars });
  if (status !== undefined) return status;
  ctx.stderr(`env: '${argv[0]}': No such file or directory\n`);
  return 127;
};

/** alias defines aliases, or prints them as `alias k='kubectl'`. */
export const alias: Builtin = (ctx, rt) => {
  const aliases = rt.scope.aliases;
  const args = ctx.args.filter((a) => a !== '-p' && a !== '--');
  if (args.length === 0) {
    for (const name of Object.keys(aliases).sort(compareBytes)) ctx.stdout(`alias ${name}=${shellQuote(aliases[name]!)}\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq < 0) {
      if (Object.hasOwn(aliases, arg)) {
        ctx.stdout(`alias ${arg}=${shellQuote(aliases[arg]!)}\n`);
      } else {
        ctx.stderr(`bash: alias: ${arg}: not found\n`);
        status = 1;
      }
      continue;
    }
    const name = arg.slice(0, eq);
    if (name === '' || /[\s/$`=|&;()<>'"\\]/.test(name)) {
      ctx.stderr(`bash: alias: \`${name}': invalid alias name\n`);
      status = 1;
      continue;
    }
    aliases[name] = arg.slice(eq + 1);
  }
  return status;
};

/** unalias removes aliases; -a removes them all. */
export const unalias: Builtin = (ctx, rt) => {
  const aliases = rt.scope.aliases;
  if (ctx.args.length === 0) {
    ctx.stderr('unalias: usage: unalias [-a] name [name ...]\n');
    return 2;
  }
  if (ctx.args.includes('-a')) {
    for (const name of Object.keys(aliases)) delete aliases[name];
    return 0;
  }
  let status = 0;
  for (const name of ctx.args) {
    if (Object.hasOwn(aliases, name)) {
      delete aliases[name];
    } else {
      ctx.stderr(`bash: unalias: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};
