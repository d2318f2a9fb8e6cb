/** id and chown: the learner is uid 1000 (learner), in the sudo group. The sandbox has no file ownership, so chown only checks its operands. */
import type { Builtin } from '../commands/runtime.ts';
import { getOptions, usageError } from '../commands/util.ts';

const USER = { uid: 1000, name: 'learner' };
const GROUPS = [
  { gid: 1000, name: 'learner' },
  { gid: 27, name: 'sudo' },
];

/** id prints the learner's user and group ids: -u, -g, -G, with -n for names. */
export const id: Builtin = (ctx) => {
  const info = { name: 'id', usage: '[OPTION]... [USER]', summary: '  -u  effective user ID   -g  effective group ID   -G  all group IDs   -n  names instead of numbers' };
  const opts = getOptions(ctx, info, { flags: 'ugGnr', long: { user: 'u', group: 'g', groups: 'G', name: 'n', real: 'r' } });
  if (typeof opts === 'number') return opts;
  const [who, extra] = opts.operands;
  if (extra !== undefined) return usageError(ctx, info, `extra operand '${extra}'`);
  if (who !== undefined && who !== USER.name && who !== String(USER.uid)) {
    ctx.stderr(`id: '${who}': no such user\n`);
    return 1;
  }
  const names = opts.flags.has('n');
  const picked = ['u', 'g', 'G'].filter((f) => opts.flags.has(f));
  if (picked.length > 1) {
    ctx.stderr('id: cannot print "only" of more than one choice\n');
    return 1;
  }
  const primary = GROUPS[0]!;
  if (picked[0] === 'u') ctx.stdout(`${names ? USER.name : USER.uid}\n`);
  else if (picked[0] === 'g') ctx.stdout(`${names ? primary.name : primary.gid}\n`);
  else if (picked[0] === 'G') ctx.stdout(`${GROUPS.map((g) => (names ? g.name : g.gid)).join(' ')}\n`);
  else if (names) return usageError(ctx, info, 'cannot print only names or real IDs in default format');
  else ctx.stdout(`uid=${USER.uid}(${USER.name}) gid=${primary.gid}(${primary.name}) groups=${GROUPS.map((g) => `${g.gid}(${g.name})`).join(',')}\n`);
  return 0;
};

const KNOWN = new Set(['learner', 'root', '1000', '0', 'sudo', '27']);

/** chown accepts OWNER[:GROUP] of known users and existing files; ownership itself is not modelled. */
export const chown: Builtin = (ctx, rt) => {
  const info = { name: 'chown', usage: '[OPTION]... [OWNER][:[GROUP]] FILE...', summary: '  -R  operate on files and directories recursively' };
  const opts = getOptions(ctx, info, { flags: 'Rvfh', long: { recursive: 'R', verbose: 'v', silent: 'f', quiet: 'f' } });
  if (typeof opts === 'number') return opts;
  const [spec, ...files] = opts.operands;
  if (spec === undefined) return usageError(ctx, info, 'missing operand');
  if (files.length === 0) return usageError(ctx, info, `missing operand after '${spec}'`);
  const [owner = '', group] = spec.split(':');
  if (owner !== '' && !KNOWN.has(owner)) {
    ctx.stderr(`chown: invalid user: '${spec}'\n`);
    return 1;
  }
  if (group !== undefined && group !== '' && !KNOWN.has(group)) {
    ctx.stderr(`chown: invalid group: '${spec}'\n`);
    return 1;
  }
  let status = 0;
  for (const file of files) {
    if (rt.fs.kind(rt.resolve(file)) === undefined) {
      ctx.stderr(`chown: cannot access '${file}': No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};
