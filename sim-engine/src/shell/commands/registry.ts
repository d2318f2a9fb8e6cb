/**
 * Which names the shell runs itself. BUILTINS are bash builtins: they take precedence over
 * everything and cannot be run by `timeout`, `xargs` or `env`. TOOLS live in /usr/bin;
 * registered programs (kubectl) live in /usr/local/bin and so win over a tool of the same
 * name, as PATH order would have it.
 */
import { completeBuiltin } from '../builtins/complete.ts';
import { cd, pwd } from '../builtins/dirs.ts';
import { echo } from '../builtins/echo.ts';
import { cat, cp, mkdir, mv, rm, touch } from '../builtins/files.ts';
import { type, which } from '../builtins/lookup.ts';
import { breakBuiltin, continueBuiltin } from '../builtins/loop-control.ts';
import { ls } from '../builtins/ls.ts';
import { printf } from '../builtins/printf.ts';
import { clear, exit, falseBuiltin, help, history, source, trueBuiltin } from '../builtins/session.ts';
import { date, hostname, whoami } from '../builtins/system.ts';
import { bracket, test } from '../builtins/test.ts';
import { sleep, timeout } from '../builtins/time.ts';
import { alias, env, exportBuiltin, unalias, unset } from '../builtins/vars.ts';
import { watch } from '../builtins/watch.ts';
import { chown, id } from '../tools/id.ts';
import { lazyTool } from '../tools/lazy-tools.ts';
import { sudo } from '../tools/sudo.ts';
import type { Builtin } from './runtime.ts';

/** BUILTINS are the bash builtins the sandbox implements. */
export const BUILTINS: Readonly<Record<string, Builtin>> = {
  '[': bracket,
  alias,
  break: breakBuiltin,
  cd,
  complete: completeBuiltin,
  continue: continueBuiltin,
  echo,
  exit,
  export: exportBuiltin,
  false: falseBuiltin,
  help,
  history,
  printf,
  pwd,
  source,
  '.': source,
  test,
  true: trueBuiltin,
  type,
  unalias,
  unset,
};

/** TOOLS are the programs in /usr/bin; echo, printf, pwd, true and false exist there too, as on a real system. The text tools load on first use (lazy-tools.ts). */
export const TOOLS: Readonly<Record<string, Builtin>> = {
  '[': bracket,
  awk: lazyTool('awk'),
  base64: lazyTool('base64'),
  cat,
  chown,
  clear,
  cp,
  cut: lazyTool('cut'),
  date,
  echo,
  env,
  false: falseBuiltin,
  grep: lazyTool('grep'),
  head: lazyTool('head'),
  hostname,
  id,
  ls,
  mkdir,
  mv,
  printf,
  pwd,
  rm,
  sed: lazyTool('sed'),
  seq: lazyTool('seq'),
  sleep,
  sort: lazyTool('sort'),
  sudo,
  tail: lazyTool('tail'),
  tee: lazyTool('tee'),
  test,
  timeout,
  touch,
  tr: lazyTool('tr'),
  true: trueBuiltin,
  uniq: lazyTool('uniq'),
  watch,
  wc: lazyTool('wc'),
  which,
  whoami,
  xargs: lazyTool('xargs'),
};
