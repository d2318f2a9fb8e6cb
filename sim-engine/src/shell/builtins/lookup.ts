/** Command lookup: `type` (bash's view: aliases, builtins, files) and `which` (PATH only). */
import type { Builtin } from '../commands/runtime.ts';

// The reserved words the sandbox's shell understands; bash finds them before builtins.
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'in', '{', '}', '!']);

/** type tells how bash would interpret each name; -t prints just the kind. */
export const type: Builtin = (ctx, rt) => {
  let terse = false;
  const names: string[] = [];
  for (const arg of ctx.args) {
    if (arg === '-t') terse = true;
    else if (arg.startsWith('-') && arg !== '-' && arg !== '--') {
      ctx.stderr(`bash: type: ${arg.slice(0, 2)}: invalid option\ntype: usage: type [-afptP] name [name ...]\n`);
      return 2;
    } else if (arg !== '--') names.push(arg);
  }
  let status = 0;
  for (const name of names) {
    const kind = rt.lookup(name);
    if (kind !== 'alias' && KEYWORDS.has(name)) {
      ctx.stdout(terse ? 'keyword\n' : `${name} is a shell keyword\n`);
    } else if (kind === undefined) {
      if (!terse) ctx.stderr(`bash: type: ${name}: not found\n`);
      status = 1;
    } else if (terse) {
      ctx.stdout(`${kind}\n`);
    } else if (kind === 'alias') {
      ctx.stdout(`${name} is aliased to \`${rt.scope.aliases[name]}'\n`);
    } else if (kind === 'builtin') {
      ctx.stdout(`${name} is a shell builtin\n`);
    } else {
      ctx.stdout(`${name} is ${rt.pathOf(name)}\n`);
    }
  }
  return status;
};

/** which prints where each command lives on PATH; builtins-only names and aliases are not found. */
export const which: Builtin = (ctx, rt) => {
  let status = 0;
  for (const name of ctx.args) {
    // -a (all matches) changes nothing: each command lives in one place here.
    if (name === '-a') continue;
    if (name.startsWith('-')) {
      // Debian's which is a shell script with this wording.
      ctx.stderr(`Illegal option ${name.slice(0, 2)}\nUsage: /usr/bin/which [-a] args\n`);
      return 2;
    }
    const path = rt.pathOf(name);
    if (path) ctx.stdout(`${path}\n`);
    else status = 1;
  }
  return status;
};
