import { describe, expect, it } from 'vitest';
import { kubectlSession } from './testing.ts';

/** entry runs the commands, then reads one cluster's or user's fields back from `config view --raw -o json`. */
async function entry(commands: string[], kind: 'clusters' | 'users', name: string): Promise<Record<string, unknown> | undefined> {
  const k = kubectlSession();
  for (const c of commands) await k.run(c);
  const view = JSON.parse((await k.run('kubectl config view --raw -o json')).stdout) as Record<string, { name: string; cluster?: object; user?: object }[]>;
  const found = view[kind]?.find((e) => e.name === name);
  return (found?.cluster ?? found?.user) as Record<string, unknown> | undefined;
}

describe('kubectl config set-cluster and set-credentials', () => {
  it('change only the fields given, and a new server forgets the old TLS server name', async () => {
    expect(
      await entry(['kubectl config set-cluster demo --server=https://10.0.0.9:6443 --tls-server-name=api', 'kubectl config set-cluster demo --proxy-url=http://proxy:3128'], 'clusters', 'demo'),
    ).toEqual({ server: 'https://10.0.0.9:6443', 'tls-server-name': 'api', 'proxy-url': 'http://proxy:3128' });
    expect(await entry(['kubectl config set-cluster demo --server=https://a --tls-server-name=api', 'kubectl config set-cluster demo --server=https://b'], 'clusters', 'demo')).toEqual({ server: 'https://b' });
  });

  it('trust the server one way at a time: insecure mode clears a certificate authority, and the other way round', async () => {
    expect(await entry(['kubectl config set-cluster demo --certificate-authority=ca.crt', 'kubectl config set-cluster demo --insecure-skip-tls-verify=true'], 'clusters', 'demo')).toEqual({
      server: '',
      'insecure-skip-tls-verify': true,
    });
    expect(await entry(['kubectl config set-cluster demo --insecure-skip-tls-verify=true', 'kubectl config set-cluster demo --certificate-authority=ca.crt'], 'clusters', 'demo')).toEqual({
      server: '',
      'certificate-authority': 'ca.crt',
    });
  });

  it('embed files as base64 data with --embed-certs', async () => {
    expect(await entry(['echo ca > ca.crt', 'kubectl config set-cluster demo --certificate-authority=ca.crt --embed-certs'], 'clusters', 'demo')).toEqual({ server: '', 'certificate-authority-data': 'Y2EK' });
    expect(await entry(['echo key > bob.key', 'kubectl config set-credentials bob --client-key=bob.key --embed-certs=true'], 'users', 'bob')).toEqual({ 'client-key-data': 'a2V5Cg==' });
  });

  it('let a bearer token and basic auth replace each other, never both', async () => {
    expect(await entry(['kubectl config set-credentials bob --token=abc', 'kubectl config set-credentials bob --username=bob --password=pw'], 'users', 'bob')).toEqual({ username: 'bob', password: 'pw' });
    expect(await entry(['kubectl config set-credentials bob --username=bob', 'kubectl config set-credentials bob --token=abc'], 'users', 'bob')).toEqual({ token: 'abc' });
    const k = kubectlSession();
    expect(await k.run('kubectl config set-credentials bob --token=t --password=p')).toMatchObject({
      status: 1,
      stderr: 'error: you cannot specify more than one authentication method at the same time: --token, --username/--password\n',
    });
  });

  it('refuse credential plugins plainly', async () => {
    const k = kubectlSession();
    expect((await k.run('kubectl config set-credentials bob --exec-command=aws')).stderr).toBe('error: --exec-command is not supported in this sandbox: it has no credential plugins or auth providers to run\n');
  });
});
