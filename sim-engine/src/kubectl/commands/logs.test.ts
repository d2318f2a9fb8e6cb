import { describe, expect, it } from 'vitest';
import { kubectlSession, WEB_DEPLOYMENT } from './testing.ts';

const NGINX_START = '/docker-entrypoint.sh: Configuration complete; ready for start up\n';

describe('kubectl logs', () => {
  it('prints a container log, --tail lines of it, with --prefix', async () => {
    const k = kubectlSession();
    await k.run('kubectl run web --image=nginx');
    expect((await k.run('kubectl logs web')).stderr).toBe('Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n');
    await k.run('sleep 5');
    expect((await k.run('kubectl logs web')).stdout.endsWith(NGINX_START)).toBe(true);
    expect((await k.run('kubectl logs web --tail=1 --prefix')).stdout).toBe(`[pod/web/web] ${NGINX_START}`);
    expect((await k.run('kubectl logs web --tail=0')).stdout).toBe('');
  });

  it('picks a pod of a deployment and says which', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    const ran = await k.run('kubectl logs deployment/web --tail=1');
    expect(ran.stderr).toMatch(/^Found 3 pods, using pod\/web-\w+-\w{5}\n$/);
    expect(ran.stdout).toBe(NGINX_START);
    const selected = (await k.run('kubectl logs -l app=web')).stdout.split('\n');
    // A selector shows the last 10 lines of each pod: 6 lines of nginx start-up, three times.
    expect(selected).toHaveLength(19);
  });

  it('reports missing pods, containers and previous instances like kubectl and the server', async () => {
    const k = kubectlSession();
    await k.run('kubectl run web --image=nginx');
    await k.run('sleep 5');
    expect((await k.run('kubectl logs nope')).stderr).toBe('error: error from server (NotFound): pods "nope" not found\n');
    expect((await k.run('kubectl logs web -c nope')).stderr).toBe('Error from server (BadRequest): container nope is not valid for pod web\n');
    expect((await k.run('kubectl logs web -p')).stderr).toBe('Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n');
    expect((await k.run('kubectl logs')).stderr).toBe("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
    expect((await k.run('kubectl logs web -l run=web')).stderr).toBe("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
    expect((await k.run('kubectl logs node/node-1')).stderr).toBe('error: cannot get the logs from *v1.Node: selector for *v1.Node not implemented\n');
  });

  it('explains an image that cannot be pulled', async () => {
    const k = kubectlSession();
    await k.run('kubectl run bad --image=nginx:doesnotexist');
    await k.run('sleep 30');
    expect((await k.run('kubectl logs bad')).stderr).toMatch(/^Error from server \(BadRequest\): container "bad" in pod "bad" is waiting to start: (trying and failing to pull image|image can't be pulled)\n$/);
  });

  it('shows the previous instance of a crashed container and follows until the container stops', async () => {
    const k = kubectlSession();
    await k.run('kubectl run c --image=busybox:1.36 -- sh -c "echo one; sleep 2; exit 1"');
    await k.run('sleep 15');
    expect((await k.run('kubectl logs c -p')).stdout).toBe('one\n');
    const follow = await k.run('timeout 60 kubectl logs -f c');
    expect(follow.stdout).toBe('one\n');
    expect(follow.status).toBe(0);
  });

  it('defaults to the first of several containers, saying so', async () => {
    const k = kubectlSession();
    const api = k.session.cluster.api;
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'two', namespace: 'default' }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox', command: ['sleep', '3600'] }] } }, 'test');
    await k.run('sleep 10');
    const ran = await k.run('kubectl logs two --tail=1');
    expect(ran.stderr).toBe('Defaulted container "a" out of: a, b\n');
    expect(ran.stdout).toBe(NGINX_START);
  });
});
