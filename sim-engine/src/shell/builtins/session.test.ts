import { describe, it, expect } from 'vitest';
import { SHELL_EXIT, exitCodeOf } from '../shell.ts';
import { testShell } from '../testing.ts';

describe('exit', () => {
  it('prints nothing, stops the input and resolves to SHELL_EXIT + code', async () => {
    const t = testShell();
    expect(await t.run('exit 3; echo never')).toMatchObject({ output: '', status: SHELL_EXIT + 3 });
    expect(t.shell.exited).toBe(true);
    expect(t.shell.exitCode).toBe(3);
    expect(exitCodeOf(SHELL_EXIT + 3)).toBe(3);
    expect(exitCodeOf(127)).toBeUndefined();
  });

  it('defaults to the last status and only leaves subshells from inside them', async () => {
    const t = testShell();
    expect((await t.run('false; exit')).status).toBe(SHELL_EXIT + 1);
    const u = testShell();
    expect(await u.run('(exit 4); echo $?; echo x | exit 5; echo $?')).toMatchObject({ stdout: '4\n5\n', status: 0 });
    expect(u.shell.exited).toBe(false);
  });

  it('complains about bad arguments like bash', async () => {
    const t = testShell();
    expect(await t.run('exit 1 2; echo still here')).toMatchObject({ output: 'bash: exit: too many arguments\nstill here\n', status: 0 });
    expect(await t.run('exit abc')).toMatchObject({ stderr: 'bash: exit: abc: numeric argument required\n', status: SHELL_EXIT + 2 });
  });
});

describe('history', () => {
  it('numbers entries as bash does and skips immediate repeats', async () => {
    const t = testShell();
    await t.run('kubectl get pods');
    await t.run('kubectl get pods');
    await t.run('cat <<EOF\nx\nEOF');
    expect((await t.run('history')).stdout).toBe('    1  kubectl get pods\n    2  cat <<EOF\nx\nEOF\n    3  history\n');
    expect((await t.run('history 1')).stdout).toBe('    4  history 1\n');
    expect((await t.run('history -c; history')).stdout).toBe('');
  });
});

describe('source', () => {
  it('runs a file’s lines in the current shell', async () => {
    const t = testShell({ files: { 'env.sh': 'export NS=dev\nalias kn="echo ns=$NS"\ncd /tmp\n' } });
    await t.run('source env.sh');
    expect((await t.run('kn; pwd')).stdout).toBe('ns=dev\n/tmp\n');
    expect((await t.run('. /home/learner/env.sh && echo ok')).stdout).toBe('ok\n');
  });

  it('reports a missing file or argument, and stops a file that sources itself', async () => {
    const t = testShell({ files: { 'loop.sh': 'source loop.sh\n' } });
    expect(await t.run('source nope.sh')).toMatchObject({ stderr: 'bash: nope.sh: No such file or directory\n', status: 1 });
    expect(await t.run('source')).toMatchObject({ stderr: 'bash: source: filename argument required\nsource: usage: source filename [arguments]\n', status: 2 });
    expect((await t.run('source loop.sh')).stderr).toBe('bash: source: maximum nesting depth exceeded\n');
  });
});

describe('help, clear, true and false', () => {
  it('help is short and mentions the essentials', async () => {
    const text = (await testShell().run('help')).stdout;
    expect(text.split('\n').length).toBeLessThan(40);
    for (const word of ['kubectl', 'heredoc', 'watch', 'timeout', 'grep', 'awk', 'background']) {
      expect(text.toLowerCase()).toContain(word === 'heredoc' ? 'here-documents' : word);
    }
  });

  it('clear clears screen and scrollback', async () => {
    expect((await testShell().run('clear')).stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
  });

  it('true and false set the status', async () => {
    const t = testShell();
    expect((await t.run('true; echo $?; false; echo $?')).stdout).toBe('0\n1\n');
  });
});
