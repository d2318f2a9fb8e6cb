import { describe, expect, it } from 'vitest';
import { kubectlSession, WEB_DEPLOYMENT } from './testing.ts';

describe('kubectl delete --dry-run', () => {
  it('reports what it would delete, in kubectl 1.32 wording, and deletes nothing', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    expect((await k.run('kubectl delete deployment web --dry-run=client')).stdout).toBe('deployment.apps "web" deleted (dry run)\n');
    expect((await k.run('kubectl delete svc web --dry-run=server')).stdout).toBe('service "web" deleted (server dry run)\n');
    expect((await k.run('kubectl delete deployment web --dry-run=client -o name')).stdout).toBe('deployment.apps/web\n');
    expect((await k.run('kubectl delete deployment,svc -l app=web --dry-run=server')).stdout).toBe('deployment.apps "web" deleted (server dry run)\nservice "web" deleted (server dry run)\n');
    expect((await k.run('kubectl get deployment,svc web -o name')).stdout).toBe('deployment.apps/web\nservice/web\n');
  });

  it('still reports objects that are not there, and refuses output other than name', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    const missing = await k.run('kubectl delete pod nope --dry-run=server');
    expect(missing.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(missing.status).toBe(1);
    expect((await k.run('kubectl delete deployment web -o yaml')).stderr).toBe("error: unexpected -o output mode: yaml. We only support '-o name'\n");
    expect((await k.run('kubectl delete deployment web -o name')).stdout).toBe('deployment.apps/web\n');
  });
});
