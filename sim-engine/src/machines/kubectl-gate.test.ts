import { describe, expect, it } from 'vitest';
import { bareSession, initCluster, run } from './testing.ts';

const REFUSED = 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n';

describe('kubectl on bare machines', () => {
  it('falls back to localhost:8080 without a kubeconfig, even once the cluster exists', async () => {
    const s = bareSession();
    expect(await run(s, 'kubectl get pods')).toEqual({ output: REFUSED, status: 1 });
    await run(s, 'ssh control-plane');
    await run(s, 'sudo kubeadm init');
    expect((await run(s, 'kubectl get nodes')).output).toBe(REFUSED);
  });

  it('answers through KUBECONFIG=/etc/kubernetes/admin.conf or ~/.kube/config', async () => {
    const s = bareSession();
    await run(s, 'ssh control-plane');
    await run(s, 'sudo kubeadm init');
    expect((await run(s, 'KUBECONFIG=/etc/kubernetes/admin.conf kubectl get nodes -o name')).output).toBe('node/control-plane\n');
    expect((await run(s, 'kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes -o name')).output).toBe('node/control-plane\n');
    expect((await run(s, 'kubectl get nodes -o name --kubeconfig=/etc/kubernetes/admin.conf')).output).toBe('node/control-plane\n');
    const t = bareSession();
    await initCluster(t);
    expect((await run(t, 'kubectl get nodes -o name')).output).toBe('node/control-plane\n');
    // One filesystem serves every machine, so the kubeconfig also works back on the workstation.
    await run(t, 'exit');
    expect((await run(t, 'kubectl get nodes -o name')).output).toBe('node/control-plane\n');
  });

  it('runs what needs no server', async () => {
    const s = bareSession();
    expect((await run(s, 'kubectl version --client')).output).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\n');
    expect((await run(s, 'kubectl version')).output).toBe(`Client Version: v1.32.2\nKustomize Version: v5.5.0\n${REFUSED}`);
    expect((await run(s, 'kubectl config view')).output).toBe('apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n');
    // Real kubectl 1.32 with no kubeconfig: just the header.
    expect(await run(s, 'kubectl config get-contexts')).toEqual({ output: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n', status: 0 });
    expect(await run(s, 'kubectl config current-context')).toEqual({ output: 'error: current-context is not set\n', status: 1 });
    expect((await run(s, 'kubectl --help')).status).toBe(0);
  });
});
