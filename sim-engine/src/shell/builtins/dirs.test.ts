import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';

describe('cd and pwd', () => {
  it('changes directory, updates PWD and OLDPWD, and goes home with no argument', async () => {
    const t = testShell({ files: { 'k8s/a.yaml': '' } });
    expect((await t.run('cd k8s && pwd && echo $PWD $OLDPWD')).stdout).toBe('/home/learner/k8s\n/home/learner/k8s /home/learner\n');
    expect((await t.run('cd /tmp; cd -')).stdout).toBe('/home/learner/k8s\n');
    expect((await t.run('cd; pwd')).stdout).toBe('/home/learner\n');
    expect((await t.run('cd ~/k8s/..; pwd')).stdout).toBe('/home/learner\n');
  });

  it('reports problems in bash’s words', async () => {
    const t = testShell({ files: { 'f.txt': '' } });
    expect(await t.run('cd nope')).toMatchObject({ stderr: 'bash: cd: nope: No such file or directory\n', status: 1 });
    expect((await t.run('cd f.txt')).stderr).toBe('bash: cd: f.txt: Not a directory\n');
    expect((await t.run('cd a b')).stderr).toBe('bash: cd: too many arguments\n');
    expect((await t.run('cd -')).stderr).toBe('bash: cd: OLDPWD not set\n');
    expect((await t.run('unset HOME; cd')).stderr).toBe('bash: cd: HOME not set\n');
    expect((await t.run('pwd -x')).stderr).toBe('bash: pwd: -x: invalid option\npwd: usage: pwd [-LP]\n');
  });

  it('shows the directory in the prompt', async () => {
    const t = testShell({ files: { 'k8s/a.yaml': '' } });
    expect(t.shell.prompt()).toBe('\x1b[1;32mlearner@wheelhouse\x1b[0m:\x1b[1;34m~\x1b[0m$ ');
    await t.run('cd k8s');
    expect(t.shell.prompt()).toBe('\x1b[1;32mlearner@wheelhouse\x1b[0m:\x1b[1;34m~/k8s\x1b[0m$ ');
    await t.run('cd /tmp');
    expect(t.shell.prompt()).toContain('\x1b[1;34m/tmp\x1b[0m$ ');
  });
});
