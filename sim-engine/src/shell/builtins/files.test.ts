import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';

describe('cat', () => {
  it('concatenates files and stdin, numbering with -n across files', async () => {
    const t = testShell({ files: { 'a.txt': 'a1\na2\n', 'b.txt': 'b1' } });
    expect((await t.run('cat a.txt b.txt')).stdout).toBe('a1\na2\nb1');
    expect((await t.run('echo in | cat a.txt - b.txt')).stdout).toBe('a1\na2\nin\nb1');
    expect((await t.run('cat -n a.txt b.txt')).stdout).toBe('     1\ta1\n     2\ta2\n     3\tb1');
  });

  it('reports missing files and directories but prints the rest', async () => {
    const t = testShell({ files: { 'a.txt': 'a\n' } });
    expect(await t.run('cat nope.yaml a.txt /tmp')).toMatchObject({
      stdout: 'a\n',
      stderr: 'cat: nope.yaml: No such file or directory\ncat: /tmp: Is a directory\n',
      status: 1,
    });
  });
});

describe('touch and mkdir', () => {
  it('create files and directories with coreutils errors', async () => {
    const t = testShell();
    expect((await t.run('touch a b; mkdir d; mkdir -p x/y/z; mkdir -p d')).output).toBe('');
    expect(t.shell.fs.list('/home/learner')).toEqual(['.kube', 'a', 'b', 'd', 'x']);
    expect(await t.run('mkdir d')).toMatchObject({ stderr: "mkdir: cannot create directory 'd': File exists\n", status: 1 });
    expect((await t.run('mkdir q/r')).stderr).toBe("mkdir: cannot create directory 'q/r': No such file or directory\n");
    expect((await t.run('touch q/r')).stderr).toBe("touch: cannot touch 'q/r': No such file or directory\n");
    expect((await t.run('mkdir')).stderr).toBe("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    expect((await t.run('mkdir -v n')).stdout).toBe("mkdir: created directory 'n'\n");
  });
});

describe('rm', () => {
  it('removes files, and directories only with -r', async () => {
    const t = testShell({ files: { 'f': '', 'd/x': '' } });
    expect(await t.run('rm d')).toMatchObject({ stderr: "rm: cannot remove 'd': Is a directory\n", status: 1 });
    expect(await t.run('rm nope')).toMatchObject({ stderr: "rm: cannot remove 'nope': No such file or directory\n", status: 1 });
    expect(await t.run('rm -f nope f; rm -rf d')).toMatchObject({ output: '', status: 0 });
    expect(t.shell.fs.exists('d')).toBe(false);
    expect(t.shell.fs.exists('f')).toBe(false);
    expect((await t.run('rm')).stderr).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
    expect((await t.run('rm -rf /')).stderr).toBe("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
    expect((await t.run('rm -i f')).stderr).toBe("rm: invalid option -- 'i'\nTry 'rm --help' for more information.\n");
  });
});

describe('cp and mv', () => {
  it('cp -i asks before overwriting and keeps the file unless stdin says yes', async () => {
    const t = testShell({ files: { a: 'new\n', b: 'old\n' } });
    expect(await t.run('cp -i a c && cat c')).toMatchObject({ stdout: 'new\n', stderr: '' });
    expect(await t.run('cp -i a b; cat b')).toMatchObject({ stdout: 'old\n', stderr: "cp: overwrite 'b'? \n" });
    expect(await t.run('echo y | cp -i a b; cat b')).toMatchObject({ stdout: 'new\n' });
    expect(await t.run('cp -ir a d && cat d')).toMatchObject({ stdout: 'new\n' });
  });

  it('copy and move files, into directories too', async () => {
    const t = testShell({ files: { 'a.yaml': 'A', 'dir/keep': 'K' } });
    expect((await t.run('cp a.yaml b.yaml; cp a.yaml dir; mv b.yaml c.yaml; cp -r dir dir2; mv dir2 /tmp/')).output).toBe('');
    expect(t.shell.fs.read('c.yaml')).toBe('A');
    expect(t.shell.fs.exists('b.yaml')).toBe(false);
    expect(t.shell.fs.read('dir/a.yaml')).toBe('A');
    expect(t.shell.fs.read('/tmp/dir2/keep')).toBe('K');
  });

  it('words their errors like coreutils', async () => {
    const t = testShell({ files: { 'a': '', 'b': '', 'd/x': '' } });
    expect((await t.run('cp')).stderr).toBe("cp: missing file operand\nTry 'cp --help' for more information.\n");
    expect((await t.run('cp a')).stderr).toBe("cp: missing destination file operand after 'a'\nTry 'cp --help' for more information.\n");
    expect((await t.run('cp nope x')).stderr).toBe("cp: cannot stat 'nope': No such file or directory\n");
    expect((await t.run('cp d e')).stderr).toBe("cp: -r not specified; omitting directory 'd'\n");
    expect((await t.run('cp a b c')).stderr).toBe("cp: target 'c' is not a directory\n");
    expect((await t.run('cp a a')).stderr).toBe("cp: 'a' and 'a' are the same file\n");
    expect((await t.run('mv nope x')).stderr).toBe("mv: cannot stat 'nope': No such file or directory\n");
    expect((await t.run('mv d d/sub')).stderr).toBe("mv: cannot move 'd' to a subdirectory of itself, 'd/sub'\n");
    expect((await t.run('mv a nodir/a')).stderr).toBe("mv: cannot move 'a' to 'nodir/a': No such file or directory\n");
  });
});
