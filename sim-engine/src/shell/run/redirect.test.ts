import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';

describe('redirections into the virtual filesystem', () => {
  it('truncates with >, appends with >>, reads with <', async () => {
    const t = testShell();
    await t.run('echo one > out.txt; echo two >> out.txt');
    expect(t.shell.fs.read('out.txt')).toBe('one\ntwo\n');
    await t.run('echo three > out.txt');
    expect(t.shell.fs.read('out.txt')).toBe('three\n');
    expect((await t.run('tr a-z A-Z < out.txt')).stdout).toBe('THREE\n');
  });

  it('sends stderr with 2> and both streams with &> or >file 2>&1, in order', async () => {
    const t = testShell();
    const r = await t.run('cat nope 2> err.txt; cat nope > both.txt 2>&1; cat nope 2>&1 > only-out.txt; cat nope &> amp.txt');
    expect(t.shell.fs.read('err.txt')).toBe('cat: nope: No such file or directory\n');
    expect(t.shell.fs.read('both.txt')).toBe('cat: nope: No such file or directory\n');
    expect(t.shell.fs.read('amp.txt')).toBe('cat: nope: No such file or directory\n');
    // `2>&1 >file` points stderr at the terminal's stdout before stdout moves to the file.
    expect(t.shell.fs.read('only-out.txt')).toBe('');
    expect(r).toMatchObject({ stdout: 'cat: nope: No such file or directory\n', stderr: '' });
  });

  it('discards into /dev/null and writes to /dev/stderr', async () => {
    const t = testShell();
    const r = await t.run('cat nope 2>/dev/null; echo oops >/dev/stderr; cat /dev/null');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('oops\n');
  });

  it('creates an empty file for a bare redirection and takes here-strings', async () => {
    const t = testShell();
    await t.run('> empty.txt');
    expect(t.shell.fs.read('empty.txt')).toBe('');
    expect((await t.run('cat <<< "$USER here"')).stdout).toBe('learner here\n');
  });

  it('fails the command with bash wording when the file cannot be opened', async () => {
    const t = testShell();
    expect(await t.run('echo x > nodir/f; echo $?')).toMatchObject({ stderr: 'bash: nodir/f: No such file or directory\n', stdout: '1\n' });
    expect((await t.run('echo x > /tmp')).stderr).toBe('bash: /tmp: Is a directory\n');
    expect((await t.run('cat < missing')).stderr).toBe('bash: missing: No such file or directory\n');
    await t.run('touch a.yaml b.yaml');
    expect((await t.run('echo x > *.yaml')).stderr).toBe('bash: *.yaml: ambiguous redirect\n');
  });

  it('reads the file before writing when a command redirects into its own input', async () => {
    const t = testShell({ files: { 'f.txt': 'b\na\n' } });
    // As in bash, > truncates first: sort sees an empty file.
    await t.run('sort f.txt > f.txt');
    expect(t.shell.fs.read('f.txt')).toBe('');
  });
});
