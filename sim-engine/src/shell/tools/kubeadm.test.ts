import { describe, expect, it } from 'vitest';
import { bareSession, initCluster, joinLine, run, runAll } from '../../machines/testing.ts';

describe('kubeadm', () => {
  it('init prints the phases, the kubeconfig steps and a join command with the seed\'s token', async () => {
    const s = bareSession();
    await run(s, 'ssh control-plane');
    const { output, status } = await run(s, 'sudo kubeadm init');
    expect(status).toBe(0);
    for (const line of [
      '[init] Using Kubernetes version: v1.32.2\n[preflight] Running pre-flight checks\n',
      '[certs] Using certificateDir folder "/etc/kubernetes/pki"\n',
      '[kubeconfig] Writing "admin.conf" kubeconfig file\n',
      '[control-plane] Creating static Pod manifest for "kube-apiserver"\n',
      '[etcd] Creating static Pod manifest for local etcd in "/etc/kubernetes/manifests"\n',
      '[wait-control-plane] Waiting for the kubelet to boot up the control plane',
      '[mark-control-plane] Marking the node control-plane as control-plane by adding the taints [node-role.kubernetes.io/control-plane:NoSchedule]\n',
      '[addons] Applied essential addon: CoreDNS\n[addons] Applied essential addon: kube-proxy\n\nYour Kubernetes control-plane has initialized successfully!\n',
      '  mkdir -p $HOME/.kube\n  sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config\n  sudo chown $(id -u):$(id -g) $HOME/.kube/config\n',
      '  export KUBECONFIG=/etc/kubernetes/admin.conf\n',
      "This sandbox's pod\nnetwork is built in",
    ]) {
      expect(output).toContain(line);
    }
    const token = /\[bootstrap-token\] Using token: (\S+)\n/.exec(output)?.[1];
    expect(token).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}$/);
    expect(output).toMatch(new RegExp(`\\nkubeadm join 172\\.18\\.0\\.2:6443 --token ${token!.replace('.', '\\.')} \\\\\\n\\t--discovery-token-ca-cert-hash sha256:[0-9a-f]{64} \\n$`));
    // Same seed, same bytes.
    const again = bareSession();
    await run(again, 'ssh control-plane');
    expect((await run(again, 'sudo kubeadm init')).output).toBe(output);
  });

  it('fails preflight when run twice, and refuses the workstation and workers', async () => {
    const s = bareSession();
    expect((await run(s, 'kubeadm init')).output).toBe(
      'error: kubeadm init is not supported in this sandbox on wheelhouse, your workstation: ssh to one of the machines (control-plane, node-1, node-2, node-3) first\n',
    );
    await run(s, 'ssh node-1');
    expect(await run(s, 'sudo kubeadm init')).toEqual({ output: 'error: kubeadm init is not supported in this sandbox on node-1, a worker machine: run it on control-plane\n', status: 1 });
    await runAll(s, ['exit', 'ssh control-plane', 'sudo kubeadm init']);
    const twice = await run(s, 'sudo kubeadm init');
    expect(twice.status).toBe(1);
    expect(twice.output).toContain('error execution phase preflight: [preflight] Some fatal errors occurred:\n\t[ERROR Port-6443]: Port 6443 is in use\n');
    expect(twice.output).toMatch(/To see the stack trace of this error execute with --v=5 or higher\n$/);
  });

  // kubeadm 1.32 run without sudo: the IsPrivilegedUser check, and admin.conf readable by root only.
  it('needs root for init, join and token create', async () => {
    const s = bareSession();
    await run(s, 'ssh control-plane');
    const preflight = 'error execution phase preflight: [preflight] Some fatal errors occurred:\n\t[ERROR IsPrivilegedUser]: user is not running as root\n[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`\nTo see the stack trace of this error execute with --v=5 or higher\n';
    expect(await run(s, 'kubeadm init')).toEqual({ output: `[init] Using Kubernetes version: v1.32.2\n[preflight] Running pre-flight checks\n${preflight}`, status: 1 });
    expect(s.machines?.kubeadm).toBeUndefined();
    await run(s, 'exit');
    await initCluster(s);
    expect(await run(s, 'kubeadm token create')).toEqual({ output: 'failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: permission denied\nTo see the stack trace of this error execute with --v=5 or higher\n', status: 1 });
    const join = await joinLine(s);
    await runAll(s, ['exit', 'ssh node-1']);
    expect(await run(s, join)).toEqual({ output: `[preflight] Running pre-flight checks\n${preflight}`, status: 1 });
    expect(s.machines?.kubeadm?.joined).toEqual([]);
  });

  it('join adds a worker that turns Ready and takes pods; a wrong token or a second join fails', async () => {
    const s = bareSession();
    await initCluster(s);
    const join = await joinLine(s);
    expect(join).toMatch(/^kubeadm join 172\.18\.0\.2:6443 --token [a-z0-9]{6}\.[a-z0-9]{16} --discovery-token-ca-cert-hash sha256:[0-9a-f]{64}$/);
    await runAll(s, ['exit', 'ssh node-1']);
    const wrong = await run(s, `sudo ${join.replace(/--token \w{6}/, '--token zzzzzz')}`);
    expect(wrong).toEqual({
      output:
        '[preflight] Running pre-flight checks\nerror execution phase preflight: couldn\'t validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "zzzzzz"\nTo see the stack trace of this error execute with --v=5 or higher\n',
      status: 1,
    });
    const ok = await run(s, `sudo ${join}`);
    expect(ok.status).toBe(0);
    expect(ok.output).toContain("This node has joined the cluster:\n* Certificate signing request was sent to apiserver and a response was received.\n* The Kubelet was informed of the new secure connection details.\n\nRun 'kubectl get nodes' on the control-plane to see this node join the cluster.\n");
    expect((await run(s, 'kubectl get node node-1 --no-headers')).output).toMatch(/^node-1\s+NotReady\s/);
    expect((await run(s, `sudo ${join}`)).output).toContain('[ERROR Port-10250]: Port 10250 is in use\n');
    await runAll(s, ['sleep 10', 'kubectl run web --image=nginx', 'sleep 20']);
    expect((await run(s, 'kubectl get node node-1 --no-headers')).output).toMatch(/^node-1\s+Ready\s/);
    expect((await run(s, 'kubectl get pod web -o jsonpath={.spec.nodeName}/{.status.phase}')).output).toBe('node-1/Running');
  });

  it('says plainly what it does not simulate', async () => {
    const s = bareSession();
    expect(await run(s, 'kubeadm reset')).toEqual({ output: 'error: kubeadm reset is not supported in this sandbox\n', status: 1 });
    expect((await run(s, 'kubeadm upgrade apply v1.33.0')).output).toBe('error: kubeadm upgrade is not supported in this sandbox\n');
    expect((await run(s, 'kubeadm token list')).output).toBe('error: kubeadm token list is not supported in this sandbox: try kubeadm token create --print-join-command\n');
    expect((await run(s, 'kubeadm init --bogus')).output).toBe('unknown flag: --bogus\nTo see the stack trace of this error execute with --v=5 or higher\n');
    expect((await run(s, 'kubeadm version -o short')).output).toBe('v1.32.2\n');
    expect((await run(s, 'kubeadm token create')).output).toBe('failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory\nTo see the stack trace of this error execute with --v=5 or higher\n');
  });
});

describe('kubeadm interrupted', () => {
  it('Ctrl+C during init stops the printing but still finishes the control plane', async () => {
    const s = bareSession();
    await run(s, 'ssh control-plane');
    const start = s.cluster.now();
    let output = '';
    const write = (t: string) => void (output += t);
    const status = await s.run('sudo kubeadm init', { stdout: write, stderr: write }, { get interrupted() { return s.cluster.now() - start >= 1000; } });
    expect(status).toBe(130);
    expect(output).not.toContain('[addons]');
    expect(s.cluster.api.tryGet('Deployment', 'kube-system', 'coredns')).toBeDefined();
    expect((await run(s, 'KUBECONFIG=/etc/kubernetes/admin.conf kubectl get nodes -o name')).output).toBe('node/control-plane\n');
  });
});
