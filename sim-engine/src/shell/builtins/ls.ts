/**
 * `ls` with -l, -a, -A and -1. Without -l it prints the names on one line separated by
 * two spaces (a real ls on a terminal would use columns; a single line reads the same in
 * lessons and transcripts), directories without a trailing slash.
 */
import type { Builtin, Runtime } from '../commands/runtime.ts';
import { getOptions } from '../commands/util.ts';
import type { ProgramContext } from '../types.ts';
import { compareBytes } from '../vfs.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS = 182 * 24 * 3600 * 1000;

interface Entry {
  name: string;
  abs: string;
}

interface Format {
  long: boolean;
  onePerLine: boolean;
}

/** ls lists directory contents. */
export const ls: Builtin = (ctx, rt) => {
  const opts = getOptions(
    ctx,
    {
      name: 'ls',
      usage: '[OPTION]... [FILE]...',
      summary: '  -a  show entries starting with .\n  -A  like -a, without . and ..\n  -l  long listing\n  -1  one name per line\n  -d  list directories themselves',
      status: 2,
    },
    { flags: 'aAl1d', long: { all: 'a', 'almost-all': 'A', directory: 'd' } },
  );
  if (typeof opts === 'number') return opts;
  const format: Format = { long: opts.flags.has('l'), onePerLine: opts.flags.has('1') };
  const hidden = opts.flags.has('a') ? 'all' : opts.flags.has('A') ? 'almost' : 'none';
  const operands = opts.operands.length === 0 ? ['.'] : opts.operands;
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const operand of operands) {
    const abs = rt.resolve(operand);
    const kind = rt.fs.kind(abs);
    if (kind === undefined) {
      ctx.stderr(`ls: cannot access '${operand}': No such file or directory\n`);
      status = 2;
    } else if (kind === 'dir' && !opts.flags.has('d')) {
      dirs.push({ name: operand, abs });
    } else {
      files.push({ name: operand, abs });
    }
  }
  const sections: string[] = [];
  if (files.length > 0) sections.push(render(files.sort(byName), format, rt, ctx, false));
  const headers = dirs.length + files.length > 1 || status !== 0;
  for (const dir of dirs.sort(byName)) {
    let names = rt.fs.list(dir.abs);
    if (hidden === 'none') names = names.filter((n) => !n.startsWith('.'));
    if (hidden === 'all') names = ['.', '..', ...names];
    const entries = names.map((name) => ({ name, abs: rt.fs.resolve(name, dir.abs) }));
    const body = render(entries, format, rt, ctx, true);
    sections.push(headers ? `${dir.name}:\n${body}` : body);
  }
  ctx.stdout(sections.join('\n'));
  return status;
};

function byName(a: Entry, b: Entry): number {
  return compareBytes(a.name, b.name);
}

function render(entries: Entry[], format: Format, rt: Runtime, ctx: ProgramContext, total: boolean): string {
  if (!format.long) {
    if (entries.length === 0) return '';
    return format.onePerLine ? entries.map((e) => `${e.name}\n`).join('') : `${entries.map((e) => e.name).join('  ')}\n`;
  }
  const rows = entries.map((e) => longRow(e, rt, ctx.now()));
  const width = Math.max(0, ...rows.map((r) => r.size.length));
  const links = Math.max(0, ...rows.map((r) => r.links.length));
  const lines = rows.map((r) => `${r.mode} ${r.links.padStart(links)} learner learner ${r.size.padStart(width)} ${r.date} ${r.name}\n`);
  const blocks = rows.reduce((sum, r) => sum + r.blocks, 0);
  return (total ? `total ${blocks}\n` : '') + lines.join('');
}

function longRow(e: Entry, rt: Runtime, now: number): { mode: string; links: string; size: string; date: string; name: string; blocks: number } {
  const dir = rt.fs.kind(e.abs) === 'dir';
  const size = rt.fs.size(e.abs);
  const subdirs = dir ? rt.fs.list(e.abs).filter((n) => rt.fs.kind(rt.fs.resolve(n, e.abs)) === 'dir').length : 0;
  return {
    mode: dir ? 'drwxr-xr-x' : '-rw-r--r--',
    links: String(dir ? 2 + subdirs : 1),
    size: String(size),
    date: lsDate(rt.fs.mtime(e.abs), now),
    name: e.name,
    // ext4 allocates 4 KiB blocks; ls counts them in KiB.
    blocks: Math.ceil(size / 4096) * 4,
  };
}

/** lsDate formats a modification time as ls -l does: `Jan 12 09:00`, or with the year when over six months old. */
export function lsDate(ms: number, now: number): string {
  const d = new Date(ms);
  const day = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  if (Math.abs(now - ms) > SIX_MONTHS) return `${day}  ${d.getUTCFullYear()}`;
  return `${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}
