/** Test helpers: a session on the default bare machines, and a runner that collects what a command line printed. */
import { DEFAULT_NODES } from '../scenario/default-cluster.ts';
import { Session } from '../session.ts';

/** bareSession is a `cluster: none` session on control-plane, node-1..3 (seed 1). */
export function bareSession(seed = 1): Session {
  return new Session({ seed, bareMachines: DEFAULT_NODES });
}

/** run runs one command line and returns what it printed (stdout and stderr interleaved) and its status. */
export async function run(session: Session, input: string): Promise<{ output: string; status: number }> {
  let output = '';
  const write = (t: string) => {
    output += t;
  };
  const status = await session.run(input, { stdout: write, stderr: write });
  return { output, status };
}

/** runAll runs command lines in order and returns everything they printed. */
export async function runAll(session: Session, lines: readonly string[]): Promise<string> {
  let out = '';
  for (const line of lines) out += (await run(session, line)).output;
  return out;
}

/** KUBECONFIG_STEPS are the three commands kubeadm init tells the learner to run. */
export const KUBECONFIG_STEPS = ['mkdir -p $HOME/.kube', 'sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config', 'sudo chown $(id -u):$(id -g) $HOME/.kube/config'];

/** joinLine pulls the one-line join command out of `kubeadm token create --print-join-command`'s output. */
export async function joinLine(session: Session): Promise<string> {
  return (await run(session, 'sudo kubeadm token create --print-join-command')).output.trim();
}

/** initCluster logs in to control-plane, runs kubeadm init and sets up the kubeconfig, leaving the learner on control-plane. */
export async function initCluster(session: Session): Promise<void> {
  await runAll(session, ['ssh control-plane', 'sudo kubeadm init', ...KUBECONFIG_STEPS]);
}
