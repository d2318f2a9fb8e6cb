import { describe, expect, it } from 'vitest';
import type { Node } from '../../api/node.ts';
import { parseTaint, qualifiedNameErrors } from './taint.ts';
import { kubectlSession, WEB_DEPLOYMENT } from './testing.ts';

describe('cordon and uncordon', () => {
  it('mark nodes and say when nothing changed', async () => {
    const k = kubectlSession();
    expect((await k.run('kubectl cordon node-1')).stdout).toBe('node/node-1 cordoned\n');
    expect((await k.run('kubectl cordon node-1')).stdout).toBe('node/node-1 already cordoned\n');
    expect(k.session.cluster.api.get<Node>('Node', '', 'node-1').spec.unschedulable).toBe(true);
    expect((await k.run('kubectl uncordon node/node-1')).stdout).toBe('node/node-1 uncordoned\n');
    expect((await k.run('kubectl uncordon node-1 --dry-run=client')).stdout).toBe('node/node-1 already uncordoned (dry run)\n');
    expect((await k.run('kubectl cordon')).stderr).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
    expect((await k.run('kubectl cordon nope')).stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect((await k.run('kubectl cordon -l kubernetes.io/hostname=node-3')).stdout).toBe('node/node-3 cordoned\n');
  });
});

describe('drain', () => {
  it('refuses DaemonSet pods without --ignore-daemonsets and leaves the node cordoned', async () => {
    const k = kubectlSession();
    const ran = await k.run('kubectl drain node-1');
    expect(ran.stdout).toBe('node/node-1 cordoned\n');
    expect(ran.stderr).toMatch(/^error: unable to drain node "node-1" due to error: cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kube-proxy-\w{5}, continuing command\.\.\.\nThere are pending nodes to be drained:\n node-1\ncannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kube-proxy-\w{5}\n$/);
    expect(ran.status).toBe(1);
  });

  it('evicts managed pods, waits for them, and refuses bare pods without --force', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    const node = (await k.run('kubectl get pods -l app=web -o jsonpath={.items[0].spec.nodeName}')).stdout;
    const pods = (await k.run(`kubectl get pods -l app=web --field-selector spec.nodeName=${node} -o name`)).stdout.trim().split('\n');
    const ran = await k.run(`kubectl drain ${node} --ignore-daemonsets`);
    expect(ran.stderr).toMatch(/^Warning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-\w{5}\n$/);
    const lines = ran.stdout.trim().split('\n');
    expect(lines[0]).toBe(`node/${node} cordoned`);
    expect(lines.slice(1, 1 + pods.length)).toEqual(pods.map((p) => `evicting pod default/${p.slice(4)}`));
    expect(lines.slice(1 + pods.length, -1).sort()).toEqual(pods.map((p) => `${p} evicted`).sort());
    expect(lines.at(-1)).toBe(`node/${node} drained`);
    expect((await k.run(`kubectl get pods -o wide --field-selector spec.nodeName=${node}`)).stderr).toBe('No resources found in default namespace.\n');

    await k.run('kubectl uncordon node-1 node-2 node-3');
    k.session.cluster.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: 'default' }, spec: { nodeName: 'node-3', containers: [{ name: 'c', image: 'nginx' }] } }, 'test');
    await k.run('sleep 3');
    expect((await k.run('kubectl drain node-3 --ignore-daemonsets')).stderr).toContain('cannot delete Pods that declare no controller (use --force to override): default/bare');
    const forced = await k.run('kubectl drain node-3 --ignore-daemonsets --force');
    expect(forced.stderr).toMatch(/^Warning: deleting Pods that declare no controller: default\/bare; ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-\w{5}\n$/);
    expect(forced.stdout).toContain('evicting pod default/bare\n');
    expect(forced.stdout).toContain('pod/bare evicted\n');
  });

  it('gives up after --timeout', async () => {
    const k = kubectlSession();
    k.session.cluster.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'slow', namespace: 'default' }, spec: { nodeName: 'node-2', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] } }, 'test');
    await k.run('sleep 5');
    const ran = await k.run('kubectl drain node-2 --ignore-daemonsets --force --timeout=5s');
    expect(ran.stderr).toContain('There are pending pods in node "node-2" when an error occurred: error when waiting for pod "slow" in namespace "default" to terminate: global timeout reached: 5s\npod/slow\n');
    expect(ran.status).toBe(1);
  });
});

describe('taint', () => {
  it('parses and validates taint specs with kubectl\'s messages', () => {
    expect(parseTaint('k=v:NoSchedule')).toEqual({ key: 'k', value: 'v', effect: 'NoSchedule' });
    expect(parseTaint('example.com/k:NoExecute')).toEqual({ key: 'example.com/k', effect: 'NoExecute' });
    expect(() => parseTaint('k=v:Bad')).toThrow('invalid taint effect: Bad, unsupported taint effect');
    expect(qualifiedNameErrors('')).toEqual(['name part must be non-empty', expect.stringMatching(/^name part must consist of/)]);
    expect(qualifiedNameErrors('a/b/c')[0]).toMatch(/^a qualified name must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/);
  });

  it('adds, overwrites and removes taints', async () => {
    const k = kubectlSession();
    expect((await k.run('kubectl taint nodes node-1 dedicated=gpu:NoSchedule')).stdout).toBe('node/node-1 tainted\n');
    expect((await k.run('kubectl taint nodes node-1 dedicated=cpu:NoSchedule')).stderr).toBe('error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n');
    expect((await k.run('kubectl taint nodes node-1 dedicated=cpu:NoSchedule --overwrite')).stdout).toBe('node/node-1 modified\n');
    expect(k.session.cluster.api.get<Node>('Node', '', 'node-1').spec.taints).toEqual([{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }]);
    expect((await k.run('kubectl taint nodes node-1 dedicated-')).stdout).toBe('node/node-1 untainted\n');
    expect((await k.run('kubectl taint nodes node-1 dedicated-')).stderr).toBe('error: taint "dedicated" not found\n');
    expect((await k.run('kubectl taint nodes node-1 a=b:NoSchedule a-')).stderr).toBe('error: can not both modify and remove the following taint(s) in the same command: {"a":""}\n');
    expect((await k.run('kubectl taint nodes node-1 foo=bar')).stderr).toMatch(/^error: invalid taint spec: foo=bar, name part must consist of .*\nSee 'kubectl taint -h' for help and examples\n$/);
    expect((await k.run('kubectl taint pods web a=b:NoSchedule')).stderr).toBe('error: invalid resource type pods, only node types are supported\n');
    expect((await k.run('kubectl taint nodes a=b:NoSchedule')).stderr).toBe("error: at least one resource name must be specified since 'all' parameter is not set\n");
    expect((await k.run('kubectl taint nodes --all a=b:NoSchedule')).stdout).toBe('node/control-plane tainted\nnode/node-1 tainted\nnode/node-2 tainted\nnode/node-3 tainted\n');
  });
});
