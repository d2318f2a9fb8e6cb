import { describe, expect, it } from 'vitest';
import { bareSession, run } from '../../machines/testing.ts';

const NO_PROFILE = '🤷  Profile "minikube" not found. Run "minikube profile list" to view all profiles.\n👉  To start a cluster, run: "minikube start"\n';

describe('minikube', () => {
  it('start builds one untainted node, configures kubectl and ends with Done', async () => {
    const s = bareSession();
    expect(await run(s, 'minikube status')).toEqual({ output: NO_PROFILE, status: 85 });
    const started = await run(s, 'minikube start');
    expect(started.status).toBe(0);
    expect(started.output).toMatch(/^😄  minikube v1\.35\.0 on Ubuntu 24\.04\n/);
    expect(started.output).toMatch(/🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default\n$/);
    expect((await run(s, 'kubectl get nodes --no-headers')).output).toMatch(/^minikube\s+Ready\s+control-plane\s/);
    expect((await run(s, 'kubectl get node minikube -o jsonpath={.spec.taints}')).output).toBe('');
    await run(s, 'kubectl run web --image=nginx');
    await run(s, 'sleep 10');
    expect((await run(s, 'kubectl get pod web -o jsonpath={.spec.nodeName}/{.status.phase}')).output).toBe('minikube/Running');
    expect((await run(s, 'kubectl config current-context')).output).toBe('minikube\n');
  });

  it('status and stop read as minikube prints them, and kubectl loses the API server until the next start', async () => {
    const s = bareSession();
    await run(s, 'minikube start');
    expect(await run(s, 'minikube status')).toEqual({ output: 'minikube\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\n', status: 0 });
    expect((await run(s, 'minikube stop')).output).toBe('✋  Stopping node "minikube"  ...\n🛑  Powering off "minikube" via SSH ...\n🛑  1 node stopped.\n');
    expect(await run(s, 'minikube status')).toEqual({ output: 'minikube\ntype: Control Plane\nhost: Stopped\nkubelet: Stopped\napiserver: Stopped\nkubeconfig: Stopped\n\n', status: 7 });
    expect((await run(s, 'kubectl get pods')).output).toBe('The connection to the server 192.168.49.2:8443 was refused - did you specify the right host or port?\n');
    expect((await run(s, 'minikube start')).output).toContain('🔄  Restarting existing docker container for "minikube" ...\n');
    expect((await run(s, 'minikube kubectl -- get nodes -o name')).output).toBe('node/minikube\n');
  });

  it('keeps to one cluster and says what it does not simulate', async () => {
    const s = bareSession();
    expect(await run(s, 'minikube addons list')).toEqual({ output: 'error: minikube addons is not supported in this sandbox\n', status: 1 });
    await run(s, 'minikube start');
    await run(s, 'ssh control-plane');
    expect((await run(s, 'kubeadm init')).output).toBe('error: kubeadm init is not supported in this sandbox next to minikube: the sandbox runs one cluster, and minikube built it\n');
  });
});
