/** Running the learner's lines in the container shell a ContainerTerminal is attached to, and ending the session. */
import type { Pod } from '../../../api/pod.ts';
import type { Interrupt } from '../../../shell/types.ts';
import type { AttachedShell, ContainerTerminal, TerminalIO } from '../../terminal.ts';
import { containerView, type ContainerView } from './container.ts';
import { runScript, type ExecIO } from './programs.ts';

/** runAttached runs one input in the attached container shell: the status, and whether the session ended. */
export async function runAttached(term: ContainerTerminal, input: string, io: TerminalIO, signal: Interrupt): Promise<{ status: number; ended: boolean }> {
  const a = term.attached;
  if (!a) return { status: 0, ended: true };
  const view = attachedView(term, a);
  if (!view) {
    // The container was killed under the shell: kubectl reports the process's SIGKILL.
    term.attached = undefined;
    io.stderr('command terminated with exit code 137\n');
    return { status: 137, ended: true };
  }
  view.cwd = a.cwd;
  // The container shell runs simple commands and lists; it would misread a pipe or a redirection.
  const bare = input.replace(/'[^']*'|"[^"]*"/g, '');
  if (/(^|[^|])\|($|[^|])|[<>]/.test(bare)) {
    io.stderr(`${a.shell}: pipes and redirections inside a container are not supported in this sandbox\n`);
    return { status: 2, ended: false };
  }
  let exited = false;
  const execIO: ExecIO = {
    stdout: (t) => io.stdout(t),
    stderr: (t) => io.stderr(t),
    sleep: (ms) => term.sleep(ms),
    now: () => term.cluster.now(),
    interrupted: () => signal.interrupted,
    network: term.cluster.network,
  };
  const status = await runScript(view, input.replace(/\n+$/, ''), execIO, a.shell === 'bash' ? 'bash' : 'sh', () => {
    exited = true;
  });
  term.cluster.drain();
  a.cwd = view.cwd;
  if (!exited) return { status, ended: false };
  term.attached = undefined;
  // An interactive bash says goodbye; ash and dash leave quietly.
  if (a.shell === 'bash' && a.tty) io.stderr('exit\n');
  if (a.run) await endRun(term, a, io);
  else if (status !== 0) io.stderr(`command terminated with exit code ${status}\n`);
  return { status, ended: true };
}

/** endRun is what `kubectl run -i` does when the attached session ends: say how to resume, and with --rm delete the pod once it is gone. */
async function endRun(term: ContainerTerminal, a: AttachedShell, io: TerminalIO): Promise<void> {
  if (a.run!.restartPolicy === 'Always' && a.tty) io.stdout(`Session ended, resume using 'kubectl attach ${a.pod} -c ${a.container} -i -t' command when the pod is running\n`);
  if (!a.run!.rm) return;
  const { cluster } = term;
  const current = () => cluster.api.tryGet<Pod>('Pod', a.namespace, a.pod)?.metadata.uid === a.uid;
  if (!current()) return;
  // The shell, the container's main process, has already exited, so nothing holds the pod through a grace period.
  cluster.api.delete('Pod', a.namespace, a.pod, 'kubectl', { gracePeriodSeconds: 1 });
  cluster.drain();
  for (let waited = 0; waited < 60_000 && current(); ) {
    const next = cluster.nextTimerAt();
    const step = next === undefined ? 1000 : Math.min(1000, Math.max(1, next - cluster.now()));
    await term.sleep(step);
    waited += step;
    cluster.drain();
  }
  io.stdout(`pod "${a.pod}" deleted\n`);
}

/** attachedView is the attached container as exec sees it, or undefined once it is no longer running. */
function attachedView(term: ContainerTerminal, a: AttachedShell): ContainerView | undefined {
  const pod = term.cluster.api.tryGet<Pod>('Pod', a.namespace, a.pod);
  const spec = pod?.spec.containers.find((c) => c.name === a.container);
  const running = pod?.status?.containerStatuses?.find((c) => c.name === a.container)?.state.running;
  if (!pod || pod.metadata.uid !== a.uid || !spec || !running) return undefined;
  return containerView(term.cluster, pod, spec);
}
