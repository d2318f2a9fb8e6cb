import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';

describe('tee', () => {
  it('copies stdin to stdout and files, appending with -a', async () => {
    const t = testShell();
    expect((await t.run('echo hi | tee t1 t2')).stdout).toBe('hi\n');
    expect((await t.run('echo more | tee -a t1 > /dev/null; cat t1 t2')).stdout).toBe('hi\nmore\nhi\n');
  });

  it('reports files it cannot write and still copies to stdout', async () => {
    const t = testShell();
    expect(await t.run('echo hi | tee nodir/x')).toMatchObject({ stdout: 'hi\n', stderr: 'tee: nodir/x: No such file or directory\n', status: 1 });
  });
});
