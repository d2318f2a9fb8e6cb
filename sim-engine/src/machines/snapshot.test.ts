import { describe, expect, it } from 'vitest';
import { Session, type SessionSnapshot } from '../session.ts';
import { bareSession, initCluster, joinLine, runAll } from './testing.ts';

/** continueBoth runs the same lines in the session and in a copy restored from its (JSON round-tripped) snapshot. */
async function continueBoth(session: Session, lines: string[]): Promise<[string, string]> {
  const copy = Session.restore(JSON.parse(JSON.stringify(session.snapshot())) as SessionSnapshot);
  expect(copy.shell.prompt()).toBe(session.shell.prompt());
  return [await runAll(session, lines), await runAll(copy, lines)];
}

describe('bare machines in snapshots', () => {
  it('a kubeadm build snapshotted mid-way continues identically: machines, kubeconfig, current machine, pending Ready', async () => {
    const s = bareSession();
    await initCluster(s);
    const join = await joinLine(s);
    await runAll(s, ['exit', 'ssh node-1', `sudo ${join}`]);
    expect(s.snapshot().machines).toMatchObject({ hops: ['node-1'], kubeadm: { controlPlane: 'control-plane', joined: ['node-1'] } });
    const [original, restored] = await continueBoth(s, [
      'hostname',
      'kubectl get nodes',
      'sleep 10',
      'kubectl get nodes',
      'exit',
      'ssh node-2',
      `sudo kubeadm join ${join.slice('kubeadm join '.length)}`,
      'sudo kubeadm token create --print-join-command',
      'kubectl run web --image=nginx',
      'sleep 20',
      'kubectl get pods -A -o wide',
      'kubectl get nodes',
      'exit',
      'hostname',
    ]);
    expect(restored).toBe(original);
    expect(original).toContain('node-2          Ready    <none>');
  });

  it('a stopped minikube stays stopped, with its kubeconfig', async () => {
    const s = bareSession();
    await runAll(s, ['minikube start', 'kubectl create deployment web --image=nginx --replicas=2', 'minikube stop']);
    const [original, restored] = await continueBoth(s, ['minikube status', 'kubectl get pods', 'minikube start', 'kubectl get deploy', 'cat ~/.kube/config']);
    expect(restored).toBe(original);
    expect(original).toContain('host: Stopped');
  });

  it('a ready-cluster session keeps its snapshot shape: no machines', () => {
    expect(new Session({ seed: 1 }).snapshot()).not.toHaveProperty('machines');
    expect(bareSession().snapshot().machines?.hops).toEqual([]);
  });
});
