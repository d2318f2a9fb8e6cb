import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { FILES } from './fixtures.ts';

async function grep(args: string): Promise<{ stdout: string; stderr: string; status: number }> {
  return testShell({ files: FILES }).run(`grep ${args}`);
}

describe('grep matching', () => {
  it.each([
    ['Running pods.txt', 'web-1 1/1 Running 0 5m\ndb-0 1/1 Running 3 2d\ncache-7 1/1 Running 10 1h\n'],
    ['-c Running pods.txt', '3\n'],
    ['-v Running pods.txt', 'NAME READY STATUS RESTARTS AGE\nweb-2 0/1 Pending 0 5m\n'],
    ['-i BANANA words.txt', 'banana\nBanana\n'],
    ['-n apple words.txt', '2:apple\n5:apple\n7:apple pie\n'],
    ['-w apple words.txt', 'apple\napple\napple pie\n'],
    ['-x apple words.txt', 'apple\napple\n'],
    ["-o 'a[a-z]' words.txt", 'an\nan\nap\nan\nan\nap\nap\n'],
    ["-E 'web|db' pods.txt", 'web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 5m\ndb-0 1/1 Running 3 2d\n'],
    ["'web\\|db' pods.txt", 'web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 5m\ndb-0 1/1 Running 3 2d\n'],
    ['-e web -e cache pods.txt', 'web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 5m\ncache-7 1/1 Running 10 1h\n'],
    ["'[[:digit:]]d' pods.txt", 'db-0 1/1 Running 3 2d\n'],
    ["'^web' pods.txt", 'web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 5m\n'],
    ["-F '1/1' pods.txt", 'web-1 1/1 Running 0 5m\ndb-0 1/1 Running 3 2d\ncache-7 1/1 Running 10 1h\n'],
    ["'a\\(n\\)a' words.txt", 'banana\nBanana\n'],
    ["-E '(an){2}' words.txt", 'banana\nBanana\n'],
    ["'p\\+' words.txt", 'apple\napple\napple pie\n'],
    ["'\\<apple\\>' words.txt", 'apple\napple\napple pie\n'],
    ['-m1 apple words.txt', 'apple\n'],
    ["'(' words.txt", ''],
  ])('grep %s', async (args, want) => {
    expect((await grep(args)).stdout).toBe(want);
  });
});

describe('grep output forms', () => {
  it('prints context with separators between groups', async () => {
    expect((await grep('-A1 web-2 pods.txt')).stdout).toBe('web-2 0/1 Pending 0 5m\ndb-0 1/1 Running 3 2d\n');
    expect((await grep('-B1 -n db pods.txt')).stdout).toBe('3-web-2 0/1 Pending 0 5m\n4:db-0 1/1 Running 3 2d\n');
    expect((await grep('-C1 apple words.txt')).stdout).toBe('banana\napple\nBanana\ncherry\napple\n\napple pie\n10\n');
    expect((await grep('-A0 -e NAME -e cache pods.txt')).stdout).toBe('NAME READY STATUS RESTARTS AGE\n--\ncache-7 1/1 Running 10 1h\n');
  });

  it('names files when there are several', async () => {
    expect((await grep('web pods.txt words.txt')).stdout).toBe('pods.txt:web-1 1/1 Running 0 5m\npods.txt:web-2 0/1 Pending 0 5m\n');
    expect((await grep('-h apple words.txt pods.txt')).stdout).toBe('apple\napple\napple pie\n');
    expect((await grep('-l apple words.txt pods.txt')).stdout).toBe('words.txt\n');
    expect((await grep('-c apple words.txt pods.txt')).stdout).toBe('words.txt:3\npods.txt:0\n');
    expect((await testShell().run('echo hi | grep -H hi')).stdout).toBe('(standard input):hi\n');
  });

  it('exits 0 on a match, 1 on none, 2 on trouble', async () => {
    expect((await grep('nope pods.txt')).status).toBe(1);
    expect(await grep('-q Running pods.txt')).toMatchObject({ stdout: '', status: 0 });
    expect(await grep('x nope.txt')).toMatchObject({ stderr: 'grep: nope.txt: No such file or directory\n', status: 2 });
    expect(await grep('-s x nope.txt')).toMatchObject({ stderr: '', status: 2 });
  });

  it('reports bad patterns and usage as GNU grep does', async () => {
    expect(await grep("-E '(' words.txt")).toMatchObject({ stderr: 'grep: Unmatched ( or \\(\n', status: 2 });
    expect((await grep("'[' words.txt")).stderr).toBe('grep: Invalid regular expression\n');
    expect((await grep("'[a' words.txt")).stderr).toBe('grep: Unmatched [, [^, [:, [., or [=\n');
    expect((await grep("'[[:foo:]]' words.txt")).stderr).toBe('grep: Invalid character class name\n');
    expect(await grep('')).toMatchObject({ stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", status: 2 });
  });
});
