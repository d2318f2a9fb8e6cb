/**
 * What a container's main process does once started, worked out from its image and its
 * command: serve until stopped, or run a short shell script and exit. This is how the
 * simulator knows that `busybox sleep 5` completes after five seconds and that nginx
 * stops promptly on SIGTERM while a shell's `sleep` waits for SIGKILL.
 */
import type { ImageBehaviour } from './images.ts';

/** ProcessPlan is the simulated life of a container's main process. */
export interface ProcessPlan {
  /** How long it runs before exiting by itself; undefined runs until stopped. */
  runMs?: number;
  exitCode: number;
  logs: string[];
  /** Milliseconds to exit after SIGTERM; undefined ignores SIGTERM until SIGKILL. */
  stopMs?: number;
}

/** planProcess derives the process plan from an image's behaviour and the container's command and args. */
export function planProcess(behaviour: ImageBehaviour, command: string[] | undefined, args: string[] | undefined): ProcessPlan {
  const argv = [...(command ?? []), ...(args ?? [])];
  if (argv.length === 0) {
    if (behaviour.kind === 'server') return { exitCode: 0, logs: behaviour.startupLogs ?? [], stopMs: behaviour.stopMs };
    // A shell with no terminal attached reads EOF from stdin and exits at once.
    return { runMs: 0, exitCode: 0, logs: [] };
  }
  const isShell = argv[0] === 'sh' || argv[0] === '/bin/sh' || argv[0] === 'bash' || argv[0] === '/bin/bash';
  if (isShell && argv[1] === '-c') return runScript(argv.slice(2).join(' '));
  // A server image given its own binary and flags (etcd, kube-proxy, nginx -g …) still serves.
  if (behaviour.kind === 'server' && !isShell) return { exitCode: 0, logs: behaviour.startupLogs ?? [], stopMs: behaviour.stopMs };
  return runScript(argv.map(quoteIfNeeded).join(' '));
}

function quoteIfNeeded(word: string): string {
  return /[\s;&|]/.test(word) ? `'${word.replace(/'/g, `'\\''`)}'` : word;
}

function runScript(script: string): ProcessPlan {
  const logs: string[] = [];
  let ms = 0;
  for (const raw of splitStatements(script)) {
    const words = splitWords(raw);
    const [cmd, ...rest] = words;
    if (!cmd) continue;
    if (cmd === 'while' || cmd === 'until' || (cmd === 'tail' && rest.includes('-f')) || (cmd === 'sleep' && rest[0] === 'infinity')) {
      return { exitCode: 0, logs };
    }
    if (cmd === 'sleep') {
      const secs = Number.parseFloat(rest[0] ?? '');
      if (Number.isNaN(secs)) return { runMs: ms, exitCode: 1, logs: [...logs, `sleep: invalid number '${rest[0] ?? ''}'`] };
      ms += secs * 1000;
    } else if (cmd === 'echo') {
      logs.push(rest.join(' '));
    } else if (cmd === 'exit') {
      return { runMs: ms, exitCode: Number.parseInt(rest[0] ?? '0', 10) || 0, logs };
    } else if (cmd === 'true' || cmd === ':') {
      // succeeds, does nothing
    } else if (cmd === 'false') {
      return { runMs: ms, exitCode: 1, logs };
    } else if (['date', 'hostname', 'env', 'cat', 'ls', 'wget', 'nslookup'].includes(cmd)) {
      // Output depends on the pod; the plan only needs the timing.
    } else {
      return { runMs: ms, exitCode: 127, logs: [...logs, `sh: ${cmd}: not found`] };
    }
  }
  return { runMs: ms, exitCode: 0, logs };
}

function splitStatements(script: string): string[] {
  return script.split(/;|&&|\n/).map((s) => s.trim()).filter(Boolean);
}

function splitWords(s: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}
