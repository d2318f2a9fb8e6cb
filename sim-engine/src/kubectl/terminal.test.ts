import { describe, expect, it } from 'vitest';
import { Session } from '../session.ts';
import { loadCommands } from './verbs.ts';

async function typed(session: Session, line: string): Promise<string> {
  let out = '';
  const write = (t: string) => {
    out += t;
  };
  await session.run(line, { stdout: write, stderr: write });
  return out;
}

describe('ContainerTerminal', () => {
  it('takes the learner into the container shell and back on exit', async () => {
    await loadCommands();
    const session = new Session({ seed: 1 });
    await typed(session, 'kubectl run box --image=busybox -- sleep 3600');
    await typed(session, 'sleep 10');
    const before = session.shell.prompt();
    expect(await typed(session, 'kubectl exec -it box -- sh')).toBe('');
    expect(session.shell.prompt()).toBe('/ # ');
    expect(await typed(session, 'hostname')).toBe('box\n');
    await typed(session, 'cd /etc');
    expect(session.shell.prompt()).toBe('/etc # ');
    expect(session.shell.complete('hostn', 5).candidates).toEqual([]);
    expect(await typed(session, 'exit 2')).toBe('command terminated with exit code 2\n');
    expect(session.shell.prompt()).toBe(before);
    expect(await typed(session, 'echo $?')).toBe('2\n');
  });

  it('survives snapshot and restore, working directory included', async () => {
    await loadCommands();
    const session = new Session({ seed: 1 });
    await typed(session, 'kubectl run web --image=nginx');
    await typed(session, 'sleep 10');
    await typed(session, 'kubectl exec -it web -- bash');
    await typed(session, 'cd /usr/share/nginx');
    const restored = Session.restore(JSON.parse(JSON.stringify(session.snapshot())));
    expect(restored.shell.prompt()).toBe('root@web:/usr/share/nginx# ');
    expect(await typed(restored, 'ls html')).toBe('50x.html\nindex.html\n');
    expect(await typed(restored, 'exit')).toBe('exit\n');
    expect(restored.snapshot().container).toBeUndefined();
  });

  it('ends the session when the container goes away', async () => {
    await loadCommands();
    const session = new Session({ seed: 1 });
    await typed(session, 'kubectl run box --image=busybox -- sleep 3600');
    await typed(session, 'sleep 10');
    await typed(session, 'kubectl exec -it box -- sh');
    session.cluster.api.delete('Pod', 'default', 'box', 'test', { gracePeriodSeconds: 0 });
    session.cluster.drain();
    expect(await typed(session, 'hostname')).toBe('command terminated with exit code 137\n');
    expect(session.terminal.attached).toBeUndefined();
  });
});
