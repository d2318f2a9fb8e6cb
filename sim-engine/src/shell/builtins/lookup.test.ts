import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';

const kubectl = () => 0;

describe('type', () => {
  it('classifies aliases, builtins and files', async () => {
    const t = testShell({ programs: { kubectl } });
    expect((await t.run('type k cd echo cat kubectl')).stdout).toBe(
      "k is aliased to `kubectl'\ncd is a shell builtin\necho is a shell builtin\ncat is /usr/bin/cat\nkubectl is /usr/local/bin/kubectl\n",
    );
    expect((await t.run('type -t k cd grep')).stdout).toBe('alias\nbuiltin\nfile\n');
    expect(await t.run('type nope')).toMatchObject({ stderr: 'bash: type: nope: not found\n', status: 1 });
  });
});

describe('which', () => {
  it('finds programs on PATH only', async () => {
    const t = testShell({ programs: { kubectl } });
    expect(await t.run('which kubectl grep')).toMatchObject({ stdout: '/usr/local/bin/kubectl\n/usr/bin/grep\n', status: 0 });
    expect(await t.run('which cd k nope')).toMatchObject({ stdout: '', stderr: '', status: 1 });
  });
});
