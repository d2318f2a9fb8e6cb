/**
 * The commands `kubectl exec` can run inside a container: coreutils/busybox basics, `sh -c`
 * with `;`, `&&`, `||` and `$VAR`, and wget/curl/nslookup through the cluster's network. Messages
 * and exit codes follow the image's userland (GNU on Debian, BusyBox on busybox and Alpine).
 */
import { parent, type ContainerView } from './container.ts';
import type { Network } from '../../../network/network.ts';
import { afterWait, curl, nslookup, wget } from './network.ts';
import { ip } from './ip.ts';
import { ping } from './ping.ts';

/** ExecIO is where a command writes and how it waits. */
export interface ExecIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** sleep waits in cluster time; a caller that keeps time itself (the kubelet) returns nothing and the tool goes on at once. */
  sleep(ms: number): Promise<void> | void;
  now(): number;
  interrupted(): boolean;
  network: Network;
}

/** ExecutableNotFound marks an executable missing from the image. */
export class ExecutableNotFound extends Error {}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** dateString is `date`'s default output in UTC: `Mon Jan 12 09:00:00 UTC 2026`. */
export function dateString(ms: number): string {
  const t = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[t.getUTCDay()]} ${MONTHS[t.getUTCMonth()]} ${String(t.getUTCDate()).padStart(2, ' ')} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())} UTC ${t.getUTCFullYear()}`;
}

function resolvePath(view: ContainerView, p: string): string {
  const parts = (p.startsWith('/') ? p : `${view.cwd}/${p}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

function children(view: ContainerView, dir: string): string[] {
  const names = new Set<string>();
  for (const p of [...view.files.keys(), ...view.dirs]) if (p !== dir && parent(p) === dir) names.add(p.slice(dir === '/' ? 1 : dir.length + 1));
  return [...names].sort();
}

type Tool = (view: ContainerView, args: string[], io: ExecIO) => number | Promise<number>;

const gnu = (view: ContainerView) => view.profile.family === 'debian';

const TOOLS: Record<string, Tool> = {
  echo: (_v, args, io) => {
    const noNewline = args[0] === '-n';
    io.stdout(`${(noNewline ? args.slice(1) : args).join(' ')}${noNewline ? '' : '\n'}`);
    return 0;
  },
  hostname: (v, args, io) => {
    io.stdout(`${args[0] === '-i' ? (v.pod.status?.podIP ?? '') : v.hostname}\n`);
    return 0;
  },
  env: (v, _a, io) => {
    io.stdout(v.env.map(([k, x]) => `${k}=${x}\n`).join(''));
    return 0;
  },
  printenv: (v, args, io) => {
    if (args.length === 0) return TOOLS.env!(v, args, io);
    let code = 0;
    for (const a of args) {
      const hit = v.env.find(([k]) => k === a);
      if (hit) io.stdout(`${hit[1]}\n`);
      else code = 1;
    }
    return code;
  },
  cat: (v, args, io) => {
    let code = 0;
    for (const a of args) {
      const p = resolvePath(v, a);
      const content = v.files.get(p);
      if (content !== undefined) io.stdout(content);
      else {
        code = 1;
        const why = v.dirs.has(p) ? 'Is a directory' : 'No such file or directory';
        io.stderr(gnu(v) || v.dirs.has(p) ? `cat: ${a}: ${why}\n` : `cat: can't open '${a}': ${why}\n`);
      }
    }
    return code;
  },
  ls: (v, args, io) => {
    const flags = new Set(args.filter((a) => a.startsWith('-') && a.length > 1).flatMap((a) => [...a.slice(1)]));
    const paths = args.filter((a) => !a.startsWith('-') || a === '-');
    const targets = paths.length ? paths : ['.'];
    let code = 0;
    const show = (name: string, full: string) => {
      if (!flags.has('l')) return `${name}\n`;
      const isDir = v.dirs.has(full);
      const size = isDir ? 4096 : (v.files.get(full) ?? '').length;
      return `${isDir ? 'drwxr-xr-x' : '-rw-r--r--'} ${isDir ? 2 : 1} root root ${String(size).padStart(5)} Nov 26  2024 ${name}\n`;
    };
    targets.forEach((a, i) => {
      const p = resolvePath(v, a);
      if (v.files.has(p)) {
        io.stdout(show(a, p));
        return;
      }
      if (!v.dirs.has(p)) {
        code = gnu(v) ? 2 : 1;
        io.stderr(gnu(v) ? `ls: cannot access '${a}': No such file or directory\n` : `ls: ${a}: No such file or directory\n`);
        return;
      }
      if (targets.length > 1) io.stdout(`${i ? '\n' : ''}${a}:\n`);
      const names = [...(flags.has('a') ? ['.', '..'] : []), ...children(v, p)];
      if (flags.has('l')) io.stdout(`total ${names.length * 4}\n`);
      io.stdout(names.map((n) => show(n, n === '.' ? p : n === '..' ? parent(p) : resolvePath(v, `${p}/${n}`))).join(''));
    });
    return code;
  },
  date: (_v, _a, io) => {
    io.stdout(`${dateString(io.now())}\n`);
    return 0;
  },
  pwd: (v, _a, io) => {
    io.stdout(`${v.cwd}\n`);
    return 0;
  },
  whoami: (_v, _a, io) => {
    io.stdout('root\n');
    return 0;
  },
  id: (_v, _a, io) => {
    io.stdout(gnu(_v) ? 'uid=0(root) gid=0(root) groups=0(root)\n' : 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
    return 0;
  },
  uname: (v, args, io) => {
    io.stdout(args.includes('-a') ? `Linux ${v.hostname} ${v.kernel} #52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024 x86_64${gnu(v) ? ' GNU/Linux' : ' Linux'}\n` : args.includes('-r') ? `${v.kernel}\n` : 'Linux\n');
    return 0;
  },
  sleep: (_v, args, io) => {
    const secs = Number.parseFloat(args[0] ?? '');
    if (Number.isNaN(secs)) {
      io.stderr(`sleep: invalid time interval '${args[0] ?? ''}'\n`);
      return 1;
    }
    return afterWait(io, secs * 1000, () => 0);
  },
  true: () => 0,
  false: () => 1,
  wget: (v, args, io) => wget(v, args, io),
  curl: (v, args, io) => curl(v, args, io),
  nslookup: (v, args, io) => nslookup(v, args, io),
  ip: (v, args, io) => ip(v, args, io),
  ping: (v, args, io) => ping(v, args, io),
};

/** runTool runs one executable by name (or path); it throws ExecutableNotFound when the image lacks it. */
export async function runTool(view: ContainerView, argv: string[], io: ExecIO, stdin = ''): Promise<number> {
  const [cmd = '', ...args] = argv;
  const name = cmd.slice(cmd.lastIndexOf('/') + 1);
  if (!view.profile.tools.has(name)) throw new ExecutableNotFound(cmd);
  if (name === 'sh' || name === 'bash') {
    const c = args.indexOf('-c');
    return c >= 0 ? runScript(view, args[c + 1] ?? '', io, name) : (void stdin, 0);
  }
  const tool = TOOLS[name];
  if (!tool) {
    io.stderr(`error: running ${name} inside a container is not supported in this sandbox\n`);
    return 1;
  }
  return tool(view, args, io);
}

/**
 * runToolNow runs one executable (not a shell) to completion at once, for the kubelet's exec
 * probes and container scripts: `io.sleep` must return nothing, so a wait is only reported to
 * the caller, which keeps cluster time itself. It throws ExecutableNotFound when the image
 * lacks the executable.
 */
export function runToolNow(view: ContainerView, argv: string[], io: ExecIO): number {
  const [cmd = '', ...args] = argv;
  const name = cmd.slice(cmd.lastIndexOf('/') + 1);
  if (!view.profile.tools.has(name)) throw new ExecutableNotFound(cmd);
  const tool = TOOLS[name];
  if (!tool) {
    io.stderr(`error: running ${name} inside a container is not supported in this sandbox\n`);
    return 1;
  }
  const status = tool(view, args, io);
  if (typeof status !== 'number') throw new Error(`${name} waited on a clock the kubelet keeps itself`);
  return status;
}

// A small shell: statements joined by ; && ||, words with quotes and $VAR expansion, plus cd and exit.
/** runScript runs a shell script in the container; `onExit` hears an `exit`, for an interactive shell that then ends. */
export async function runScript(view: ContainerView, script: string, io: ExecIO, shell: string, onExit?: () => void): Promise<number> {
  const env = new Map(view.env);
  let status = 0;
  let skip = false;
  for (const { words, op } of parseScript(script, env, () => status)) {
    if (!skip && words.length) {
      const [cmd = '', ...args] = words;
      if (cmd === 'exit') {
        onExit?.();
        return Number.parseInt(args[0] ?? String(status), 10) || 0;
      }
      if (cmd === 'cd') {
        const to = args[0] ? resolveDir(view, args[0]) : '/root';
        if (to === undefined) {
          io.stderr(shell === 'bash' ? `bash: line 1: cd: ${args[0]}: No such file or directory\n` : `${shell}: ${view.profile.family === 'debian' ? '1: ' : ''}cd: can't cd to ${args[0]}: No such file or directory\n`);
          status = view.profile.family === 'debian' && shell === 'sh' ? 2 : 1;
        } else {
          view.cwd = to;
          status = 0;
        }
      } else {
        try {
          status = await runTool(view, words, io);
        } catch (e) {
          if (!(e instanceof ExecutableNotFound)) throw e;
          if (shell === 'bash') io.stderr(`bash: line 1: ${cmd}: command not found\n`);
          else io.stderr(view.profile.family === 'debian' ? `sh: 1: ${cmd}: not found\n` : `sh: ${cmd}: not found\n`);
          status = 127;
        }
      }
    }
    // A skipped command leaves the status alone, so `a && b || c` runs c when a fails.
    skip = op === '&&' ? status !== 0 : op === '||' ? status === 0 : false;
  }
  return status;
}

function resolveDir(view: ContainerView, p: string): string | undefined {
  const full = resolvePath(view, p);
  return view.dirs.has(full) ? full : undefined;
}

function parseScript(script: string, env: Map<string, string>, status: () => number): { words: string[]; op?: string }[] {
  const out: { words: string[]; op?: string }[] = [];
  let words: string[] = [];
  let word: string | undefined;
  const expand = (name: string) => (name === '?' ? String(status()) : (env.get(name) ?? ''));
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (ch === "'") {
      const end = script.indexOf("'", i + 1);
      word = (word ?? '') + script.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? script.length : end;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      for (; j < script.length && script[j] !== '"'; j++) {
        const m = script[j] === '$' ? /^\$(?:\{(\w+|\?)\}|(\w+|\?))/.exec(script.slice(j)) : null;
        if (m) {
          text += expand(m[1] ?? m[2]!);
          j += m[0].length - 1;
        } else text += script[j];
      }
      word = (word ?? '') + text;
      i = j;
    } else if (ch === '$' && /^\$(?:\{(\w+|\?)\}|(\w+|\?))/.test(script.slice(i))) {
      const m = /^\$(?:\{(\w+|\?)\}|(\w+|\?))/.exec(script.slice(i))!;
      word = (word ?? '') + expand(m[1] ?? m[2]!);
      i += m[0].length - 1;
    } else if (ch === ' ' || ch === '\t' || ch === '\n' || ch === ';' || script.startsWith('&&', i) || script.startsWith('||', i)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      const op = ch === ';' || ch === '\n' ? ';' : script.startsWith('&&', i) ? '&&' : script.startsWith('||', i) ? '||' : undefined;
      if (op) {
        out.push({ words, op });
        words = [];
        if (op !== ';') i++;
      }
    } else word = (word ?? '') + ch;
  }
  if (word !== undefined) words.push(word);
  out.push({ words });
  return out;
}
