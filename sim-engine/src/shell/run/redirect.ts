/**
 * Redirections, applied left to right to a table of descriptors as bash does, so that
 * `>out 2>&1` sends both to the file while `2>&1 >out` leaves stderr on the terminal.
 * Files are opened (truncated) before the command runs and written as it writes.
 */
import type { Redirect } from '../syntax/ast.ts';
import { DEV_NULL, FsError } from '../vfs.ts';
import { type ExpandContext, ExpansionError, expandRedirectTarget, expandText, expandWord } from './expand.ts';
import { type Io, discard } from './io.ts';

type Sink = (text: string) => void;

/** applyRedirects returns `io` with `redirects` applied; it throws ExpansionError with bash's message when a file cannot be opened. */
export async function applyRedirects(redirects: Redirect[], io: Io, ctx: ExpandContext): Promise<Io> {
  if (redirects.length === 0) return io;
  const fds = new Map<number, Sink>([
    [1, io.stdout],
    [2, io.stderr],
  ]);
  let stdin = io.stdin;
  for (const r of redirects) {
    switch (r.op) {
      case '<': {
        const path = await expandRedirectTarget(r.target, ctx);
        if (r.fd === 0) stdin = path === '/dev/stdin' ? stdin : readFile(path, ctx);
        break;
      }
      case '<<':
        if (r.fd === 0) stdin = await expandText(r.heredoc?.body ?? [], ctx);
        break;
      case '<<<':
        if (r.fd === 0) stdin = `${await expandWord(r.target, ctx)}\n`;
        break;
      case '<&':
        break;
      case '>':
      case '>>':
        fds.set(r.fd, openFile(await expandRedirectTarget(r.target, ctx), r.op === '>>', fds, ctx));
        break;
      case '&>':
      case '&>>': {
        const sink = openFile(await expandRedirectTarget(r.target, ctx), r.op === '&>>', fds, ctx);
        fds.set(1, sink);
        fds.set(2, sink);
        break;
      }
      case '>&': {
        const target = await expandRedirectTarget(r.target, ctx);
        if (target === '-') {
          fds.set(r.fd, discard);
        } else if (/^\d+$/.test(target)) {
          const sink = fds.get(Number(target));
          if (!sink) throw new ExpansionError(`${target}: Bad file descriptor`);
          fds.set(r.fd, sink);
        } else {
          // `>&file` is the old spelling of `&>file`.
          const sink = openFile(target, false, fds, ctx);
          fds.set(r.fd, sink);
          if (r.fd === 1) fds.set(2, sink);
        }
        break;
      }
    }
  }
  return { ...io, stdin, stdout: fds.get(1) ?? discard, stderr: fds.get(2) ?? discard };
}

function readFile(path: string, ctx: ExpandContext): string {
  try {
    return ctx.fs.read(ctx.fs.resolve(path, ctx.scope.cwd));
  } catch (e) {
    if (e instanceof FsError) throw new ExpansionError(`${path}: ${e.message}`);
    throw e;
  }
}

function openFile(path: string, append: boolean, fds: Map<number, Sink>, ctx: ExpandContext): Sink {
  if (path === '/dev/stdout') return fds.get(1) ?? discard;
  if (path === '/dev/stderr') return fds.get(2) ?? discard;
  const abs = ctx.fs.resolve(path, ctx.scope.cwd);
  if (abs === DEV_NULL) return discard;
  try {
    ctx.fs.write(abs, '', append);
  } catch (e) {
    if (e instanceof FsError) throw new ExpansionError(`${path}: ${e.message}`);
    throw e;
  }
  return (text: string) => {
    // If the file's directory was removed while the command ran there is nowhere left to write; drop it.
    try {
      ctx.fs.write(abs, text, true);
    } catch {
      /* dropped */
    }
  };
}
