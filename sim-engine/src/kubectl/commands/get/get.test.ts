import { describe, expect, it } from 'vitest';
import { kubectlSession, WEB_DEPLOYMENT } from '../testing.ts';
import { parseFieldSelector } from './field-selector.ts';
import { isLess, naturalLess, parseQuantity } from './sort.ts';

describe('field selectors', () => {
  it('parses terms with =, == and !=, sorted, with escapes', () => {
    expect(parseFieldSelector('status.phase!=Running,metadata.name==web')).toEqual([
      { field: 'metadata.name', value: 'web', negate: false },
      { field: 'status.phase', value: 'Running', negate: true },
    ]);
    expect(parseFieldSelector('metadata.name=a\\,b')).toEqual([{ field: 'metadata.name', value: 'a,b', negate: false }]);
    expect(() => parseFieldSelector('foo')).toThrow("invalid selector: 'foo'; can't understand 'foo'");
  });

  it('filters lists and reports unsupported labels as the server does', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    const nodes = await k.run('kubectl get pods -A --field-selector spec.nodeName=control-plane --no-headers -o custom-columns=NODE:.spec.nodeName');
    expect(new Set(nodes.stdout.trim().split('\n'))).toEqual(new Set(['control-plane']));
    expect((await k.run('kubectl get pods --field-selector status.phase!=Running')).stderr).toBe('No resources found in default namespace.\n');
    expect((await k.run('kubectl get deploy --field-selector spec.replicas=3')).stderr).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.replicas=3": field label not supported: spec.replicas\n',
    );
    expect((await k.run('kubectl get events --field-selector involvedObject.kind=Deployment,reason=ScalingReplicaSet -o name')).stdout).toMatch(/^event\/web\.[0-9a-f]{16}\n$/);
  });
});

describe('--sort-by', () => {
  it('compares as kubectl does: natural order, quantities, numbers', () => {
    expect(naturalLess('web-2', 'web-10')).toBe(true);
    expect(naturalLess('a', 'B')).toBe(false);
    expect(naturalLess('2026-01-12T09:00:00Z', '2026-01-12T09:00:05Z')).toBe(true);
    expect(parseQuantity('100m')).toBe(0.1);
    expect(parseQuantity('1Gi')).toBe(2 ** 30);
    expect(parseQuantity('web')).toBeUndefined();
    expect(isLess('500m', '1')).toBe(true);
    expect(isLess(10, 9)).toBe(false);
  });

  it('sorts each table and errors when no object has the field', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    const sorted = await k.run('kubectl get pods -A --sort-by=.metadata.name --no-headers -o custom-columns=N:.metadata.name');
    const names = sorted.stdout.trim().split('\n');
    expect(names).toEqual([...names].sort());
    expect((await k.run('kubectl get pods --sort-by=.spec.nope')).output).toBe('error: couldn\'t find any field with path "{.spec.nope}" in the list of objects\n');
  });
});

describe('kubectl get', () => {
  it('prints `get all` as one table per kind with kind prefixes and blank lines between', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    const out = (await k.run('kubectl get all')).stdout;
    const blocks = out.split('\n\n');
    expect(blocks.map((b) => b.split('\n')[1]!.split('/')[0])).toEqual(['pod', 'service', 'deployment.apps', 'replicaset.apps']);
    expect(blocks[2]).toMatch(/^NAME {18}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE\ndeployment\.apps\/web {3}3\/3 {5}3 {12}3 {11}30s$/);
  });

  it('omits the blank line between kinds with --no-headers and prefixes names with --show-kind', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    expect((await k.run('kubectl get deploy,svc --no-headers')).stdout).not.toContain('\n\n');
    expect((await k.run('kubectl get deploy --show-kind')).stdout).toContain('deployment.apps/web');
  });

  it('rejects selectors with names, names with -A, and watching several types', async () => {
    const k = kubectlSession();
    expect((await k.run('kubectl get pod web -l app=web')).stderr).toBe('error: name cannot be provided when a selector is specified\n');
    expect((await k.run('kubectl get pod/web -l app=web')).stderr).toBe('error: selectors and the all flag cannot be used when passing resource/name arguments\n');
    expect((await k.run('kubectl get pods web -A')).stderr).toBe('error: a resource cannot be retrieved by name across all namespaces\n');
    expect((await k.run('kubectl get pods,svc -w')).stderr).toBe('error: you may only specify a single resource type\n');
    expect((await k.run('kubectl get pod/a svc/b -w')).stderr).toBe('error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n');
    expect((await k.run('kubectl get pods -l "app in (a"')).stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in (a", field selector "": found \'\', expected: \',\', \')\' or identifier\n',
    );
    expect((await k.run('kubectl get pods --ignore-not-found')).output).toBe('');
  });
});

describe('kubectl get --watch', () => {
  it('prints the list, then a row per change until interrupted, widths only growing', async () => {
    const k = kubectlSession();
    await k.run('kubectl run web --image=nginx');
    const out = (await k.run('timeout 10 kubectl get pods -w')).stdout.split('\n');
    expect(out[0]).toBe('NAME   READY   STATUS              RESTARTS   AGE');
    expect(out[1]).toMatch(/^web {4}0\/1 {5}ContainerCreating {3}0 {10}0s$/);
    expect(out.at(-2)).toMatch(/^web {4}1\/1 {5}Running {13}0 {10}\ds$/);
  });

  it('suppresses the duplicate first line of a single named object and shows event types on request', async () => {
    const k = kubectlSession();
    await k.run('kubectl run web --image=nginx');
    await k.run('sleep 10');
    const single = await k.run('timeout 5 kubectl get pod web -w');
    expect(single.stdout.trim().split('\n')).toHaveLength(2);
    await k.run('kubectl run b --image=nginx');
    const events = (await k.run('timeout 5 kubectl get pods -w --output-watch-events')).stdout;
    expect(events.split('\n')[0]).toBe('EVENT   NAME   READY   STATUS              RESTARTS   AGE');
    expect(events).toContain('\nMODIFIED   b      1/1     Running');
  });

  it('streams objects with -o name and separates YAML documents', async () => {
    const k = kubectlSession();
    await k.run('kubectl run web --image=nginx');
    expect((await k.run('timeout 10 kubectl get pod web -w -o name')).stdout).toMatch(/^(pod\/web\n)+$/);
    expect((await k.run('timeout 1 kubectl get ns default -w -o yaml')).stdout.startsWith('apiVersion: v1\nkind: Namespace\n')).toBe(true);
  });
});
