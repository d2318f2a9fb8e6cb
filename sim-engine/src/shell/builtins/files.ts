/** File commands: cat, touch, mkdir, rm, cp and mv, with coreutils' messages. */
import type { Builtin, Runtime } from '../commands/runtime.ts';
import { errorText, getOptions, readInputs, usageError } from '../commands/util.ts';
import { basename, isInside } from '../paths.ts';
import type { ProgramContext } from '../types.ts';
import { FsError } from '../vfs.ts';

/** cat concatenates files (or stdin) to stdout; -n numbers the lines. */
export const cat: Builtin = (ctx, rt) => {
  const opts = getOptions(ctx, { name: 'cat', usage: '[OPTION]... [FILE]...', summary: '  -n  number all output lines' }, { flags: 'n', long: { number: 'n' } });
  if (typeof opts === 'number') return opts;
  let ok = true;
  let line = 0;
  for (const file of opts.operands.length === 0 ? ['-'] : opts.operands) {
    const { inputs, ok: read } = readInputs('cat', [file], ctx, rt);
    ok &&= read;
    for (const { text } of inputs) {
      if (!opts.flags.has('n')) {
        ctx.stdout(text);
        continue;
      }
      ctx.stdout(text.replace(/^.*(\n|$)/gm, (l) => (l === '' ? '' : `${String(++line).padStart(6)}\t${l}`)));
    }
  }
  return ok ? 0 : 1;
};

/** touch creates empty files or updates their times. */
export const touch: Builtin = (ctx, rt) => {
  const info = { name: 'touch', usage: '[OPTION]... FILE...', summary: '  (no options)' };
  const opts = getOptions(ctx, info, {});
  if (typeof opts === 'number') return opts;
  if (opts.operands.length === 0) return usageError(ctx, info, 'missing file operand');
  return each(opts.operands, (file) => rt.fs.touch(rt.resolve(file)), (file, e) => ctx.stderr(`touch: cannot touch '${file}': ${e}\n`));
};

/** mkdir creates directories; -p creates parents and accepts existing ones. */
export const mkdir: Builtin = (ctx, rt) => {
  const info = { name: 'mkdir', usage: '[OPTION]... DIRECTORY...', summary: '  -p  make parent directories as needed\n  -v  print a message for each created directory' };
  const opts = getOptions(ctx, info, { flags: 'pv', long: { parents: 'p', verbose: 'v' } });
  if (typeof opts === 'number') return opts;
  if (opts.operands.length === 0) return usageError(ctx, info, 'missing operand');
  const parents = opts.flags.has('p');
  return each(
    opts.operands,
    (dir) => {
      const existed = rt.fs.exists(rt.resolve(dir));
      rt.fs.mkdir(rt.resolve(dir), parents);
      if (opts.flags.has('v') && !existed) ctx.stdout(`mkdir: created directory '${dir}'\n`);
    },
    (dir, e) => ctx.stderr(`mkdir: cannot create directory '${dir}': ${e}\n`),
  );
};

/** rm removes files; -r removes directories, -f ignores missing files. */
export const rm: Builtin = (ctx, rt) => {
  const info = { name: 'rm', usage: '[OPTION]... [FILE]...', summary: '  -f  ignore nonexistent files, never prompt\n  -r, -R  remove directories and their contents recursively' };
  const opts = getOptions(ctx, info, { flags: 'frRd', long: { force: 'f', recursive: 'r', dir: 'd' } });
  if (typeof opts === 'number') return opts;
  const force = opts.flags.has('f');
  const recursive = opts.flags.has('r') || opts.flags.has('R');
  if (opts.operands.length === 0) return force ? 0 : usageError(ctx, info, 'missing operand');
  let status = 0;
  for (const file of opts.operands) {
    const abs = rt.resolve(file);
    if (/(^|\/)\.\.?\/*$/.test(file)) {
      ctx.stderr(`rm: refusing to remove '.' or '..' directory: skipping '${file}'\n`);
      status = 1;
      continue;
    }
    if (abs === '/' && recursive) {
      ctx.stderr(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
      status = 1;
      continue;
    }
    const kind = rt.fs.kind(abs);
    if (kind === undefined) {
      if (!force) ctx.stderr(`rm: cannot remove '${file}': No such file or directory\n`);
      if (!force) status = 1;
      continue;
    }
    if (kind === 'dir' && !recursive && !(opts.flags.has('d') && rt.fs.list(abs).length === 0)) {
      ctx.stderr(`rm: cannot remove '${file}': ${opts.flags.has('d') ? 'Directory not empty' : 'Is a directory'}\n`);
      status = 1;
      continue;
    }
    rt.fs.remove(abs, recursive);
  }
  return status;
};

/** cp copies files, or with -r directories; the last operand may be a directory to copy into. */
export const cp: Builtin = (ctx, rt) => {
  const info = { name: 'cp', usage: '[OPTION]... SOURCE... DEST', summary: '  -r, -R  copy directories recursively\n  -i  prompt before overwrite (the answer is read from stdin)' };
  const opts = getOptions(ctx, info, { flags: 'rRai', long: { recursive: 'r', archive: 'a', interactive: 'i' } });
  if (typeof opts === 'number') return opts;
  const recursive = opts.flags.has('r') || opts.flags.has('R') || opts.flags.has('a');
  return transfer(ctx, rt, info, opts.operands, 'cp', (src, dst, shown) => {
    // cp -i asks before replacing a file and reads the answer from stdin: no `y` (or no input at all) keeps the file.
    // The sandbox's terminal cannot answer, so the question ends its line instead of waiting for one.
    if (opts.flags.has('i') && rt.fs.kind(dst) === 'file') {
      ctx.stderr(`cp: overwrite '${shown.dst}'? \n`);
      if (!/^\s*y/i.test(ctx.stdin)) return;
    }
    if (rt.fs.kind(src) === 'dir') {
      if (!recursive) throw new Refusal(`-r not specified; omitting directory '${shown.src}'`);
      if (isInside(dst, src)) throw new Refusal(`cannot copy a directory, '${shown.src}', into itself, '${shown.dst}'`);
    }
    try {
      rt.fs.copy(src, dst);
    } catch (e) {
      throw new Refusal(`cannot create regular file '${shown.dst}': ${errorText(e)}`);
    }
  });
};

/** mv moves or renames files and directories. */
export const mv: Builtin = (ctx, rt) => {
  const info = { name: 'mv', usage: '[OPTION]... SOURCE... DEST', summary: '  -f  do not prompt before overwriting' };
  const opts = getOptions(ctx, info, { flags: 'f', long: { force: 'f' } });
  if (typeof opts === 'number') return opts;
  return transfer(ctx, rt, info, opts.operands, 'mv', (src, dst, shown) => {
    if (rt.fs.kind(src) === 'dir' && isInside(dst, src)) throw new Refusal(`cannot move '${shown.src}' to a subdirectory of itself, '${shown.dst}'`);
    if (rt.fs.kind(src) === 'dir' && rt.fs.kind(dst) === 'file') throw new Refusal(`cannot overwrite non-directory '${shown.dst}' with directory '${shown.src}'`);
    try {
      rt.fs.move(src, dst);
    } catch (e) {
      throw new Refusal(`cannot move '${shown.src}' to '${shown.dst}': ${errorText(e)}`);
    }
  });
};

// A Refusal is a per-operand failure message, printed after the command name.
class Refusal extends Error {}

type Transfer = (src: string, dst: string, shown: { src: string; dst: string }) => void;

// cp and mv share their operand handling: SOURCE DEST, or SOURCE... DIRECTORY.
function transfer(ctx: ProgramContext, rt: Runtime, info: { name: string; usage: string; summary: string }, operands: string[], name: string, act: Transfer): number {
  if (operands.length === 0) return usageError(ctx, info, 'missing file operand');
  if (operands.length === 1) return usageError(ctx, info, `missing destination file operand after '${operands[0]}'`);
  const target = operands[operands.length - 1]!;
  const sources = operands.slice(0, -1);
  const intoDir = rt.fs.kind(rt.resolve(target)) === 'dir';
  if (!intoDir && sources.length > 1) {
    ctx.stderr(`${name}: target '${target}' is not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const source of sources) {
    const src = rt.resolve(source);
    const shownDst = intoDir ? `${target.replace(/\/+$/, '')}/${basename(source)}` : target;
    const dst = rt.resolve(shownDst);
    try {
      if (!rt.fs.exists(src)) throw new Refusal(`cannot stat '${source}': No such file or directory`);
      if (src === dst) throw new Refusal(`'${source}' and '${shownDst}' are the same file`);
      act(src, dst, { src: source, dst: shownDst });
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      ctx.stderr(`${name}: ${e.message}\n`);
      status = 1;
    }
  }
  return status;
}

function each(operands: string[], act: (operand: string) => void, report: (operand: string, error: string) => void): number {
  let status = 0;
  for (const operand of operands) {
    try {
      act(operand);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      report(operand, e.message);
      status = 1;
    }
  }
  return status;
}
