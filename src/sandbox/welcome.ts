/** The greeting above a fresh sandbox's first prompt, written from what its session holds. */
import type { Session } from '@wheelhouse/sim-engine';

// Muted text is an explicit grey (7:1 on the terminal background) rather than SGR dim, which
// xterm.js draws at half opacity and holds only to half the minimum contrast ratio.
const MUTED = '\x1b[38;2;155;164;174m';

/** welcome greets a fresh sandbox with what it holds: the cluster's nodes, or bare machines to build one on. */
export function welcome(session: Session): string {
  const help = `Type \x1b[0;1mhelp\x1b[0m${MUTED} to see what you can do.`;
  const machines = session.machines?.list();
  if (machines) {
    const names = machines.map((m) => m.name);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
    return `${MUTED}${capitalise(count(names.length, 'machine'))} and no cluster yet: ${list}. ${help}\x1b[0m\r\n`;
  }
  const nodes = session.cluster.api.list('Node');
  const planes = nodes.filter((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {})).length;
  const workers = nodes.length - planes;
  const parts = [planes ? `${count(planes, 'control-plane node')}` : '', workers ? count(workers, planes ? 'worker' : 'node') : ''].filter(Boolean);
  return `${MUTED}A simulated Kubernetes cluster: ${parts.join(' and ') || 'no nodes'}. ${help}\x1b[0m\r\n`;
}

function count(n: number, noun: string): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return `${words[n] ?? n} ${noun}${n === 1 ? '' : 's'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
