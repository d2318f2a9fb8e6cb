import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { FILES } from './fixtures.ts';
import { lineChunks } from './head-tail.ts';

async function out(cmd: string): Promise<string> {
  const r = await testShell({ files: FILES }).run(cmd);
  return r.stderr + r.stdout;
}

describe('head', () => {
  it.each([
    ['head -n 2 pods.txt', 'NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\n'],
    ['head -2 pods.txt', 'NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\n'],
    ['head -n -2 pods.txt', 'NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 5m\n'],
    ['head -c 5 pods.txt', 'NAME '],
    ['head nonl.txt', 'one\ntwo\nthree'],
    ['head -n 1 pods.txt nonl.txt', '==> pods.txt <==\nNAME READY STATUS RESTARTS AGE\n\n==> nonl.txt <==\none\n'],
    ['cat pods.txt | head -n 1', 'NAME READY STATUS RESTARTS AGE\n'],
    ['printf "a\\nb\\n" | head -n 0', ''],
    ['head -n x pods.txt', "head: invalid number of lines: 'x'\n"],
  ])('%s', async (cmd, want) => {
    expect(await out(cmd)).toBe(want);
  });
});

describe('tail', () => {
  it.each([
    ['tail -n 2 pods.txt', 'db-0 1/1 Running 3 2d\ncache-7 1/1 Running 10 1h\n'],
    ['tail -1 nonl.txt', 'three'],
    ['tail -n +4 pods.txt', 'db-0 1/1 Running 3 2d\ncache-7 1/1 Running 10 1h\n'],
    ['tail -c 4 pods.txt', ' 1h\n'],
    ['tail -n 1 pods.txt nonl.txt', '==> pods.txt <==\ncache-7 1/1 Running 10 1h\n\n==> nonl.txt <==\nthree'],
    ['tail -f pods.txt', "tail: invalid option -- 'f'\nTry 'tail --help' for more information.\n"],
  ])('%s', async (cmd, want) => {
    expect(await out(cmd)).toBe(want);
  });
});

describe('lineChunks', () => {
  it('keeps newlines and a final unterminated line', () => {
    expect(lineChunks('a\n\nb')).toEqual(['a\n', '\n', 'b']);
    expect(lineChunks('')).toEqual([]);
  });
});
