import { beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '../api/pod.ts';
import { Session } from '../session.ts';
import { START } from '../shell/testing.ts';
import type { Command } from './command.ts';
import { kubectlCompleter, OUTPUT_FORMATS } from './completion.ts';
import { loadCommands } from './verbs.ts';

function pod(name: string, namespace = 'default', containers = ['app']): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: containers.map((c) => ({ name: c, image: 'nginx' })) },
  } as Pod;
}

let session: Session;
beforeAll(async () => {
  await loadCommands();
  session = new Session({ startTime: START, files: { 'web.yaml': 'kind: Pod\n', 'notes.txt': '' } });
  const api = session.cluster.api;
  api.create(pod('web'), 'test');
  api.create(pod('worker', 'default', ['main', 'sidecar']), 'test');
  api.create(pod('db'), 'test');
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }, 'test');
  api.create(pod('cart', 'shop'), 'test');
  session.cluster.drain();
});

/** at completes the end of `line` through the session's shell, as Tab would. */
function at(line: string): string[] {
  return session.shell.complete(line, line.length).candidates;
}

describe('kubectl completion: subcommands and flags', () => {
  it('offers the implemented verbs after kubectl and its alias k', () => {
    expect(at('kubectl ge')).toEqual(['get']);
    expect(at('kubectl de')).toEqual(['delete', 'describe']);
    expect(at('k desc')).toEqual(['describe']);
    expect(at('kubectl -n kube-system g')).toEqual(['get']);
  });

  it('offers the verb given by the host', () => {
    const fake: Command = { name: 'scale', summary: '', flags: [{ name: 'replicas', type: 'int' }], run: () => 0 };
    const complete = kubectlCompleter({ cluster: session.cluster, context: session.context, commands: [fake] });
    expect(complete(['kubectl'], '')).toEqual(['scale', 'help']);
    expect(complete(['kubectl', 'scale'], '--r')).toContain('--replicas');
  });

  it('completes the flags of the current verb and the global ones', () => {
    expect(at('kubectl get pods --sh')).toEqual(['--show-kind', '--show-labels']);
    expect(at('kubectl get --all')).toEqual(['--all-namespaces']);
    expect(at('kubectl delete pod web --gr')).toEqual(['--grace-period']);
    expect(at('kubectl run web --ima')).toEqual(['--image', '--image-pull-policy']);
    expect(at('kubectl get --names')).toEqual(['--namespace']);
    expect(at('kubectl get -')).toContain('-o');
    expect(at('kubectl get -')).toContain('--output');
  });

  it('completes flag values: namespaces, output formats, --flag=value', () => {
    expect(at('kubectl get pods -n ')).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'shop']);
    expect(at('kubectl get pods -n kube-s')).toEqual(['kube-system']);
    expect(at('kubectl get pods --namespace=sh')).toEqual(['--namespace=shop']);
    expect(at('kubectl get pods -o y')).toEqual(['yaml']);
    expect(at('kubectl get pods -o ')).toEqual([...OUTPUT_FORMATS]);
    expect(at('kubectl delete pod web --cascade=f')).toEqual(['--cascade=foreground']);
    expect(at('kubectl patch deploy web --type ')).toEqual(['json', 'merge', 'strategic']);
    expect(at('kubectl pat')).toEqual(['patch']);
  });

  it('falls back to file names after -f', () => {
    expect(at('kubectl delete -f we')).toEqual(['web.yaml']);
    expect(at('kubectl delete --filename ')).toEqual(['notes.txt', 'web.yaml']);
  });
});

describe('kubectl completion: resources and names', () => {
  it('completes resource types to their plural names', () => {
    expect(at('kubectl get po')).toEqual(['pods']);
    expect(at('kubectl get deploy')).toEqual(['deployments']);
    expect(at('kubectl describe no')).toEqual(['nodes']);
    expect(at('kubectl get e')).toEqual(['endpoints', 'endpointslices', 'events']);
  });

  it('offers short names and singulars when no plural fits', () => {
    expect(at('kubectl get sv')).toEqual(['svc']);
    expect(at('kubectl get rs')).toEqual(['rs']);
  });

  it('completes object names of the typed type, short names included', () => {
    expect(at('kubectl describe pod w')).toEqual(['web', 'worker']);
    expect(at('kubectl describe po we')).toEqual(['web']);
    expect(at('kubectl get pods ')).toEqual(['db', 'web', 'worker']);
    expect(at('kubectl delete pods web w')).toEqual(['web', 'worker']);
    expect(at('kubectl get nodes node-')).toEqual(['node-1', 'node-2', 'node-3']);
    expect(at('kubectl get svc ')).toEqual(['kubernetes']);
  });

  it('lists names in the namespace given by -n, or in all with -A', () => {
    expect(at('kubectl get pods -n shop ')).toEqual(['cart']);
    expect(at('kubectl -nshop get pods c')).toEqual(['cart']);
    expect(at('kubectl get pods -A c')).toContain('cart');
    expect(at('kubectl get pods -n kube-system etcd')).toEqual(['etcd-control-plane']);
  });

  it('completes TYPE/NAME', () => {
    expect(at('kubectl get pod/w')).toEqual(['pod/web', 'pod/worker']);
    expect(at('kubectl describe no/node-1')).toEqual(['no/node-1']);
    expect(at('kubectl get nope/')).toEqual([]);
  });

  it('completes nodes for the node verbs', () => {
    expect(at('kubectl cordon node-')).toEqual(['node-1', 'node-2', 'node-3']);
    expect(at('kubectl drain c')).toEqual(['control-plane']);
    expect(at('kubectl taint no')).toEqual(['node', 'nodes']);
    expect(at('kubectl taint nodes node-2')).toEqual(['node-2']);
  });

  it('completes pods for logs and exec, and containers after -c', () => {
    expect(at('kubectl logs w')).toEqual(['web', 'worker']);
    expect(at('kubectl exec -it we')).toEqual(['web']);
    const logs: Command = { name: 'logs', summary: '', flags: [{ name: 'container', short: 'c', type: 'string' }], run: () => 0 };
    const complete = kubectlCompleter({ cluster: session.cluster, context: session.context, commands: [logs] });
    expect(complete(['kubectl', 'logs', 'worker', '-c'], '')).toEqual(['main', 'sidecar']);
    expect(complete(['kubectl', 'logs', 'pod/worker', '--container'], '')).toEqual(['main', 'sidecar']);
  });

  it('completes a verb\'s subcommands and their flags', () => {
    const sub: Command = { name: 'deployment', aliases: ['deploy'], summary: '', flags: [{ name: 'image', type: 'stringArray' }, { name: 'replicas', short: 'r', type: 'int' }], run: () => 0 };
    const create: Command = { name: 'create', summary: '', flags: [{ name: 'filename', short: 'f', type: 'stringArray' }], subcommands: [sub], run: () => 0 };
    const complete = kubectlCompleter({ cluster: session.cluster, context: session.context, commands: [create] });
    expect(complete(['kubectl', 'create'], '')).toEqual(['deployment']);
    expect(complete(['kubectl', 'create', 'deploy', 'web'], '--rep')).toContain('--replicas');
    expect(complete(['kubectl', 'create', 'deployment', 'web'], '--i')).toContain('--image');
    expect(complete(['kubectl', 'create', 'deployment'], '')).toEqual([]);
  });

  it('completes resource types for explain, and TYPE/ for events --for', () => {
    expect(at('kubectl explain po')).toEqual(['pods']);
    expect(at('kubectl events --for po')).toEqual(['pod/']);
    expect(at('kubectl events --for pod/w')).toEqual(['pod/web', 'pod/worker']);
  });

  it('completes sub-verbs, then their resources', () => {
    expect(at('kubectl rollout st')).toEqual(['status']);
    expect(at('kubectl top ')).toEqual(['node', 'pod']);
    expect(at('kubectl top node node-3')).toEqual(['node-3']);
  });

  it('offers nothing of its own for free-form arguments, so files are offered', () => {
    expect(at('kubectl run we')).toEqual(['web.yaml']);
  });

  it('sees objects created after the session started', () => {
    session.cluster.api.create(pod('webhook'), 'test');
    expect(at('kubectl get pods web')).toEqual(['web', 'webhook']);
    session.cluster.api.delete('Pod', 'default', 'webhook', 'test');
  });
});
