import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../api/apps.ts';
import { kubectlSession, WEB_DEPLOYMENT } from '../testing.ts';
import { deploymentStatus } from './status.ts';

const deployment = (generation: number, spec: Partial<Deployment['spec']>, status: Deployment['status']): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', generation, annotations: { 'deployment.kubernetes.io/revision': '2' } },
  spec: { replicas: 3, selector: {}, template: { spec: { containers: [] } }, ...spec },
  status,
});

describe('rollout status evaluation', () => {
  it('follows DeploymentStatusViewer step by step', () => {
    expect(deploymentStatus(deployment(2, {}, { observedGeneration: 1 }), 0).message).toBe('Waiting for deployment spec update to be observed...\n');
    expect(deploymentStatus(deployment(2, {}, { observedGeneration: 2, updatedReplicas: 1, replicas: 4 }), 0).message).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    expect(deploymentStatus(deployment(2, {}, { observedGeneration: 2, updatedReplicas: 3, replicas: 4 }), 0).message).toBe('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n');
    expect(deploymentStatus(deployment(2, {}, { observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 }), 0).message).toBe('Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n');
    expect(deploymentStatus(deployment(2, {}, { observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }), 0)).toEqual({ message: 'deployment "web" successfully rolled out\n', done: true });
  });

  it('fails on a missed progress deadline and a revision mismatch', () => {
    const stuck = deployment(1, {}, { observedGeneration: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: '', lastUpdateTime: '', lastTransitionTime: '' }] });
    expect(() => deploymentStatus(stuck, 0)).toThrow('deployment "web" exceeded its progress deadline');
    expect(() => deploymentStatus(stuck, 5)).toThrow('desired revision (5) is different from the running revision (2)');
  });
});

describe('kubectl rollout', () => {
  it('watches a restart to the end, one line per change, and records the revisions', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    expect((await k.run('kubectl rollout restart deployment/web')).stdout).toBe('deployment.apps/web restarted\n');
    const status = await k.run('kubectl rollout status deployment/web');
    const lines = status.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Waiting for deployment "web" rollout to finish: \d out of 3 new replicas have been updated\.\.\.$/);
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
    expect(status.status).toBe(0);
    expect((await k.run('kubectl rollout history deploy/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    const rev = (await k.run('kubectl rollout history deploy/web --revision=2')).stdout;
    expect(rev).toMatch(/^deployment\.apps\/web with revision #2\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=\w+\n  Annotations:\tkubectl\.kubernetes\.io\/restartedAt: 2026-01-12T09:00:30Z\n  Containers:\n   nginx:\n    Image:\tnginx:1\.25\n/);
    expect(rev.endsWith('  Tolerations:\t<none>\n\n')).toBe(true);
    expect((await k.run('kubectl rollout history deploy/web --revision=7')).stderr).toBe('error: unable to find the specified revision\n');
  });

  it('rolls back to the previous revision, skips a rollback to the current template, and refuses unknown revisions', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    expect((await k.run('kubectl rollout undo deploy/web')).stderr).toBe('error: no rollout history found for deployment "web"\n');
    await k.run('kubectl rollout restart deploy/web');
    await k.run('kubectl rollout status deploy/web');
    expect((await k.run('kubectl rollout undo deploy/web --to-revision=2')).stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 2)\n');
    expect((await k.run('kubectl rollout undo deploy/web --to-revision=5')).stderr).toBe('error: unable to find specified revision 5 in history\n');
    expect((await k.run('kubectl rollout undo deploy/web')).stdout).toBe('deployment.apps/web rolled back\n');
    const d = k.session.cluster.api.get<Deployment>('Deployment', 'default', 'web');
    expect(d.spec.template.metadata?.annotations).toBeUndefined();
    expect(d.spec.template.metadata?.labels).toEqual({ app: 'web' });
    expect((await k.run('kubectl rollout undo deploy/web --dry-run=client')).stdout).toMatch(/^deployment\.apps\/web Pod Template:\n[\s\S]*  Tolerations:\t<none>\n \(dry run\)\n$/);
  });

  it('pauses and resumes, with the errors for doing either twice', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    expect((await k.run('kubectl rollout pause deploy/web')).stdout).toBe('deployment.apps/web paused\n');
    expect((await k.run('kubectl rollout pause deploy/web')).stderr).toBe('error: deployments.apps "web" is already paused\n');
    expect((await k.run('kubectl rollout restart deploy/web')).stderr).toBe('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n');
    expect((await k.run('kubectl rollout undo deploy/web')).stderr).toBe('error: no rollout history found for deployment "web"\n');
    expect((await k.run('kubectl rollout resume deploy/web')).stdout).toBe('deployment.apps/web resumed\n');
    expect((await k.run('kubectl rollout resume deploy/web')).stderr).toBe('error: deployments.apps "web" is not paused\n');
  });

  it('answers for kinds without a rollout and for bad usage', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    expect((await k.run('kubectl rollout status svc/web')).stderr).toBe('error: no status viewer has been implemented for Service\n');
    expect((await k.run('kubectl rollout pause svc/web')).stderr).toBe('error: services "web" pausing is not supported\n');
    expect((await k.run('kubectl rollout history svc/web')).stderr).toBe('error: error retrieving history for "Service", no visitor method exists for { Service}\n');
    expect((await k.run('kubectl rollout status')).stderr).toBe('error: required resource not specified\n');
    expect((await k.run('kubectl rollout frob deploy/web')).stderr).toBe('error: unknown command "frob deploy/web"\nSee \'kubectl rollout -h\' for help and examples\n');
    expect((await k.run('kubectl rollout status deploy/web --timeout=abc')).stderr).toBe('error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\nSee \'kubectl rollout status --help\' for usage.\n');
    expect((await k.run('kubectl rollout history deploy/web --revision=-1')).stderr).toBe('error: revision must be a positive integer: -1\n');
    expect((await k.run('kubectl rollout')).stdout.startsWith('Manage the rollout of a resource.\n')).toBe(true);
  });

  it('times out and reports a deleted deployment', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    await k.run('kubectl rollout pause deploy/web');
    await k.run('kubectl rollout resume deploy/web');
    const d = k.session.cluster.api.get<Deployment>('Deployment', 'default', 'web');
    k.session.cluster.api.update<Deployment>({ ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { containers: [{ name: 'nginx', image: 'nginx:doesnotexist' }] } } } }, 'test');
    const timedOut = await k.run('kubectl rollout status deploy/web --timeout=20s');
    expect(timedOut.stderr).toBe('error: timed out waiting for the condition\n');
    expect(timedOut.status).toBe(1);
  });
});
