import { describe, expect, it } from 'vitest';
import { testShell } from '../testing.ts';

describe('sudo', () => {
  it('runs its command, not a builtin, and says when there is none', async () => {
    const t = testShell();
    expect(await t.run('sudo echo hi')).toMatchObject({ stdout: 'hi\n', status: 0 });
    expect(await t.run('sudo -E mkdir -p /etc/x && ls /etc')).toMatchObject({ stdout: 'x\n' });
    expect(await t.run('sudo cd /tmp')).toMatchObject({ stderr: 'sudo: cd: command not found\n', status: 1 });
    expect(await t.run('sudo false')).toMatchObject({ status: 1 });
    expect((await t.run('sudo')).stderr).toMatch(/^usage: sudo -h/);
    expect((await t.run('sudo -i')).stderr).toBe('sudo: an interactive root shell is not supported in this sandbox: put sudo before each command instead\n');
  });
});
