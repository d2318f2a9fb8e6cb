import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import type { Program } from '../types.ts';
import { parseDuration } from './time.ts';

describe('parseDuration', () => {
  it.each([
    ['5', 5000],
    ['0.5', 500],
    ['.25', 250],
    ['2s', 2000],
    ['1m', 60_000],
    ['1.5h', 5_400_000],
    ['1d', 86_400_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('rejects other spellings', () => {
    expect(parseDuration('1x')).toBeUndefined();
    expect(parseDuration('-1')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
  });
});

describe('sleep', () => {
  it('waits cluster time in slices of at most a second, summing its arguments', async () => {
    const t = testShell();
    await t.run('sleep 2.5 1s');
    expect(t.clock.sleeps).toEqual([1000, 1000, 1000, 500]);
  });

  it('complains like coreutils', async () => {
    const t = testShell();
    expect(await t.run('sleep')).toMatchObject({ stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", status: 1 });
    expect((await t.run('sleep soon')).stderr).toBe("sleep: invalid time interval 'soon'\nTry 'sleep --help' for more information.\n");
  });
});

describe('timeout', () => {
  // A watcher that prints a line per second of cluster time until its signal says stop.
  const watcher: Program = async (ctx) => {
    let n = 0;
    while (!ctx.signal.interrupted) {
      ctx.stdout(`tick ${n++}\n`);
      await ctx.sleep(1000);
    }
    return 130;
  };

  it('stops a command at the deadline with status 124', async () => {
    const t = testShell({ programs: { kubectl: watcher } });
    const start = t.clock.now;
    expect(await t.run('timeout 3 kubectl get pods -w; echo $?')).toMatchObject({ stdout: 'tick 0\ntick 1\ntick 2\n124\n' });
    expect(t.clock.now - start).toBe(3000);
  });

  it('never sleeps past the deadline', async () => {
    const t = testShell();
    expect((await t.run('timeout 2.5 sleep 10; echo $?')).stdout).toBe('124\n');
    expect(t.clock.sleeps).toEqual([1000, 1000, 500]);
  });

  it('passes through the status of a command that finishes in time', async () => {
    const t = testShell();
    expect((await t.run('timeout 5 sleep 1; echo $?; timeout 5 false; echo $?')).stdout).toBe('0\n1\n');
    expect((await t.run('timeout 0 sleep 1; echo $?')).stdout).toBe('0\n');
  });

  it('reports with --preserve-status and -v', async () => {
    const t = testShell();
    expect(await t.run('timeout --preserve-status -v 1 sleep 5; echo $?')).toMatchObject({ stdout: '143\n', stderr: "timeout: sending signal TERM to command 'sleep'\n" });
    expect((await t.run('timeout -s KILL --preserve-status 1 sleep 5; echo $?')).stdout).toBe('137\n');
  });

  it('words usage errors like coreutils', async () => {
    const t = testShell();
    expect(await t.run('timeout 5')).toMatchObject({ stderr: "timeout: missing operand\nTry 'timeout --help' for more information.\n", status: 125 });
    expect((await t.run('timeout x sleep 1')).stderr).toBe("timeout: invalid time interval 'x'\nTry 'timeout --help' for more information.\n");
    expect(await t.run('timeout 1 nope')).toMatchObject({ stderr: "timeout: failed to run command 'nope': No such file or directory\n", status: 127 });
    expect((await t.run('timeout 1 cd /')).status).toBe(127);
  });
});
