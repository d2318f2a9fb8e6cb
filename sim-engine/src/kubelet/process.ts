/**
 * What a container's main process does once started, worked out from its image and its
 * command: serve until stopped, or run a shell script (kubelet/script/) on the cluster clock.
 * This is how the simulator knows that `busybox sleep 5` completes after five seconds, that a
 * `while true; do wget …; sleep 1; done` client logs a line a second, and that nginx stops
 * promptly on SIGTERM while a shell's `sleep` waits for SIGKILL.
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
  /** The shell script the container runs (`sh -c` text, or the command's words); it decides when the process exits. */
  script?: string;
}

/** planProcess derives the process plan from an image's behaviour and the container's command and args. */
export function planProcess(behaviour: ImageBehaviour, command: string[] | undefined, args: string[] | undefined, stdin = false): ProcessPlan {
  const argv = [...(command ?? []), ...(args ?? [])];
  // A shell whose stdin is kept open (kubectl run -i) waits for input until someone attaches and exits it.
  if (stdin && behaviour.kind !== 'server' && (argv.length === 0 || (argv.length === 1 && /^(\/bin\/)?(sh|bash|ash)$/.test(argv[0]!)))) return { exitCode: 0, logs: [] };
  if (argv.length === 0) {
    if (behaviour.kind === 'server') return { exitCode: 0, logs: behaviour.startupLogs ?? [], stopMs: behaviour.stopMs };
    // A shell with no terminal attached reads EOF from stdin and exits at once.
    return { script: '', exitCode: 0, logs: [] };
  }
  const isShell = argv[0] === 'sh' || argv[0] === '/bin/sh' || argv[0] === 'bash' || argv[0] === '/bin/bash';
  if (isShell && argv.length === 1) return { script: '', exitCode: 0, logs: [] };
  // `sh -c SCRIPT NAME ARGS…`: only the script is run (its positional parameters stay unset).
  if (isShell && argv[1] === '-c') return { script: argv[2] ?? '', exitCode: 0, logs: [] };
  // A server image given its own binary and flags (etcd, kube-proxy, nginx -g …) still serves.
  if (behaviour.kind === 'server' && !isShell) return { exitCode: 0, logs: behaviour.startupLogs ?? [], stopMs: behaviour.stopMs };
  return { script: argv.map(quoteIfNeeded).join(' '), exitCode: 0, logs: [] };
}

function quoteIfNeeded(word: string): string {
  return /[\s;&|<>()$`"'\\*?#~]/.test(word) || word === '' ? `'${word.replace(/'/g, `'\\''`)}'` : word;
}
