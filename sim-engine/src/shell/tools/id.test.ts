import { describe, expect, it } from 'vitest';
import { testShell } from '../testing.ts';

describe('id', () => {
  it('prints the learner\'s ids and names', async () => {
    const t = testShell();
    expect((await t.run('id')).stdout).toBe('uid=1000(learner) gid=1000(learner) groups=1000(learner),27(sudo)\n');
    expect((await t.run('echo $(id -u):$(id -g)')).stdout).toBe('1000:1000\n');
    expect((await t.run('id -un; id -G')).stdout).toBe('learner\n1000 27\n');
    expect(await t.run('id bob')).toMatchObject({ stderr: "id: 'bob': no such user\n", status: 1 });
  });
});

describe('chown', () => {
  it('accepts known owners on existing files, and complains as coreutils does otherwise', async () => {
    const t = testShell({ files: { 'a.txt': 'x' } });
    expect(await t.run('chown $(id -u):$(id -g) a.txt')).toMatchObject({ stderr: '', status: 0 });
    expect(await t.run('chown learner: a.txt')).toMatchObject({ status: 0 });
    expect(await t.run('chown 1000 nope')).toMatchObject({ stderr: "chown: cannot access 'nope': No such file or directory\n", status: 1 });
    expect(await t.run('chown bob a.txt')).toMatchObject({ stderr: "chown: invalid user: 'bob'\n", status: 1 });
    expect((await t.run('chown')).stderr).toBe("chown: missing operand\nTry 'chown --help' for more information.\n");
  });
});
