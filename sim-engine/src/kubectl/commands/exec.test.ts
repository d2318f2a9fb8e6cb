import { describe, expect, it } from 'vitest';
import { hostsFile, serviceEnv } from './exec/container.ts';
import { kubectlSession, WEB_DEPLOYMENT } from './testing.ts';

describe('kubectl exec', () => {
  it('runs commands in the container with its hostname, files and environment', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    const pod = (await k.run('kubectl get pods -o name')).stdout.split('\n')[0]!.slice(4);
    expect((await k.run(`kubectl exec ${pod} -- hostname`)).stdout).toBe(`${pod}\n`);
    expect((await k.run(`kubectl exec ${pod} -- cat /etc/resolv.conf`)).stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect((await k.run(`kubectl exec ${pod} -- cat /usr/share/nginx/html/index.html`)).stdout).toContain('<h1>Welcome to nginx!</h1>');
    const env = (await k.run(`kubectl exec ${pod} -- env`)).stdout;
    expect(env.startsWith(`PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=${pod}\n`)).toBe(true);
    expect(env).toContain('\nKUBERNETES_SERVICE_HOST=10.96.0.1\n');
    expect(env.endsWith('HOME=/root\n')).toBe(true);
    expect((await k.run(`kubectl exec ${pod} -- sh -c 'echo $HOSTNAME && cd /etc && cat hostname'`)).stdout).toBe(`${pod}\n${pod}\n`);
    expect((await k.run(`kubectl exec ${pod} -- date`)).stdout).toMatch(/^Mon Jan 12 09:00:\d\d UTC 2026\n$/);
  });

  it('relays failures with the exit code', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    const pod = (await k.run('kubectl get pods -o name')).stdout.split('\n')[0]!.slice(4);
    const missing = await k.run(`kubectl exec ${pod} -- foo`);
    expect(missing.output).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n');
    expect(missing.status).toBe(126);
    const ls = await k.run(`kubectl exec ${pod} -- ls /nope`);
    expect(ls.output).toBe("ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n");
    expect(ls.status).toBe(2);
    expect((await k.run(`kubectl exec ${pod} -- sh -c 'foo; exit 3'`)).output).toBe('sh: 1: foo: not found\ncommand terminated with exit code 3\n');
  });

  it('answers the usage errors and the sandbox limits honestly', async () => {
    const k = kubectlSession();
    await k.run('kubectl run web --image=nginx');
    expect((await k.run('kubectl exec web -- ls')).stderr).toBe('error: unable to upgrade connection: container not found ("web")\n');
    await k.run('sleep 5');
    expect((await k.run('kubectl exec web')).stderr).toBe('error: you must specify at least one command for the container\n');
    expect((await k.run('kubectl exec -- ls')).stderr).toBe('error: pod, type/name or --filename must be specified\n');
    expect((await k.run('kubectl exec web ls')).stderr).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    expect((await k.run('kubectl exec web -c nope -- ls')).stderr).toBe('Error from server (BadRequest): container nope is not valid for pod web\n');
    expect((await k.run('kubectl exec nope -- ls')).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('reaches Services through the cluster network with wget, curl and nslookup', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    await k.run('kubectl run bb --image=busybox:1.36 -- sleep 3600');
    await k.run('sleep 5');
    expect((await k.run('kubectl exec bb -- wget -qO- web')).stdout).toContain('<title>Welcome to nginx!</title>');
    const ip = (await k.run('kubectl get svc web -o jsonpath={.spec.clusterIP}')).stdout;
    expect((await k.run('kubectl exec bb -- nslookup web')).stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`);
    expect((await k.run('kubectl exec bb -- wget -qO- nope')).output).toBe("wget: bad address 'nope'\ncommand terminated with exit code 1\n");
    const pod = (await k.run('kubectl get pods -l app=web -o name')).stdout.split('\n')[0]!.slice(4);
    expect((await k.run(`kubectl exec ${pod} -- curl -s localhost:81`)).output).toBe('command terminated with exit code 7\n');
    expect((await k.run(`kubectl exec ${pod} -- wget -qO- web`)).output).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "wget": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n');
  });

  it('builds Service links and the managed hosts file as the kubelet does', () => {
    expect(serviceEnv({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'my-web' }, spec: { clusterIP: '10.96.142.27', ports: [{ port: 80, name: 'http' }, { port: 443, protocol: 'TCP' }] } })).toEqual([
      ['MY_WEB_SERVICE_HOST', '10.96.142.27'],
      ['MY_WEB_SERVICE_PORT', '80'],
      ['MY_WEB_SERVICE_PORT_HTTP', '80'],
      ['MY_WEB_PORT', 'tcp://10.96.142.27:80'],
      ['MY_WEB_PORT_80_TCP', 'tcp://10.96.142.27:80'],
      ['MY_WEB_PORT_80_TCP_PROTO', 'tcp'],
      ['MY_WEB_PORT_80_TCP_PORT', '80'],
      ['MY_WEB_PORT_80_TCP_ADDR', '10.96.142.27'],
      ['MY_WEB_PORT_443_TCP', 'tcp://10.96.142.27:443'],
      ['MY_WEB_PORT_443_TCP_PROTO', 'tcp'],
      ['MY_WEB_PORT_443_TCP_PORT', '443'],
      ['MY_WEB_PORT_443_TCP_ADDR', '10.96.142.27'],
    ]);
    expect(serviceEnv({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'h' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } })).toEqual([]);
    expect(hostsFile({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [] }, status: { podIP: '10.244.1.2' } }, 'web').split('\n').slice(-2)).toEqual(['10.244.1.2\tweb', '']);
  });
});
