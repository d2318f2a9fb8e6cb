import { describe, expect, it } from 'vitest';
import { Session } from '../../session.ts';
import { kubectlSession } from './testing.ts';

describe('kubectl config and the kubeconfig file', () => {
  it('keeps contexts in ~/.kube/config: cat shows what config view --raw shows', async () => {
    const k = kubectlSession();
    expect((await k.run('cat ~/.kube/config')).stdout).toBe((await k.run('kubectl config view --raw')).stdout);
    await k.run('kubectl config set-context dev --cluster=wheelhouse --user=kubernetes-admin --namespace=dev');
    await k.run('kubectl config use-context dev');
    expect((await k.run('grep current-context ~/.kube/config')).stdout).toBe('current-context: dev\n');
    // Completion and snapshots read the session's mirror of the current context.
    expect(k.session.context).toMatchObject({ name: 'dev', namespace: 'dev' });
    // Editing the file by hand is as good as kubectl config.
    await k.run("sed -i 's/current-context: dev/current-context: kubernetes-admin@wheelhouse/' ~/.kube/config");
    expect((await k.run('kubectl config current-context')).stdout).toBe('kubernetes-admin@wheelhouse\n');
  });

  it('gives a sandbox saved before the kubeconfig was a file one built from its saved context', () => {
    const snap = new Session({ seed: 1 }).snapshot();
    // A snapshot from before: the placeholder kubeconfig was empty, and the context lived only in the session.
    const old = { ...snap, shell: { ...snap.shell, files: { ...snap.shell.files, '/home/learner/.kube/config': '' } }, context: { ...snap.context, namespace: 'dev' } };
    const restored = Session.restore(old);
    expect(restored.shell.fs.read('/home/learner/.kube/config')).toContain('namespace: dev\n');
  });
});
