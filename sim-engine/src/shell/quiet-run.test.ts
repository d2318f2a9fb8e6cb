import { describe, expect, it } from 'vitest';
import { testShell } from './testing.ts';

const collect = () => {
  const out = { text: '' };
  return { out, io: { stdout: (t: string) => (out.text += t), stderr: (t: string) => (out.text += t) } };
};
const signal = { interrupted: false };

describe('quiet runs', () => {
  it('stay out of history and leave $? as the learner left it', async () => {
    const t = testShell();
    await t.run('echo typed');
    await t.run('false');
    const { out, io } = collect();
    expect(await t.shell.run('true', io, signal, { quiet: true })).toBe(0);
    expect(await t.shell.run('echo quiet', io, signal, { quiet: true })).toBe(0);
    expect(out.text).toBe('quiet\n');
    expect((await t.run('echo $?')).stdout).toBe('1\n');
    expect((await t.run('history')).stdout).toBe('    1  echo typed\n    2  false\n    3  echo $?\n    4  history\n');
  });

  it("see the learner's $? by default, or the status they are given", async () => {
    const t = testShell();
    await t.run('false');
    const { out, io } = collect();
    await t.shell.run('echo $?', io, signal, { quiet: true });
    await t.shell.run('echo $?', io, signal, { quiet: true, status: 0 });
    expect(out.text).toBe('1\n0\n');
  });

  it('share files, the directory and variables with the learner', async () => {
    const t = testShell();
    const { io } = collect();
    await t.shell.run('mkdir app && cd app && X=1 && echo hi > f', io, signal, { quiet: true });
    expect((await t.run('pwd; echo $X; cat f')).stdout).toBe('/home/learner/app\n1\nhi\n');
  });
});
