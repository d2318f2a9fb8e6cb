import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { FILES } from './fixtures.ts';

async function out(cmd: string): Promise<string> {
  const r = await testShell({ files: FILES }).run(cmd);
  return r.stderr + r.stdout;
}

const lines = (...l: string[]): string => l.map((x) => `${x}\n`).join('');

describe('sort', () => {
  it.each([
    ['sort words.txt', lines('', '-3', '10', '2.5', '9', 'Banana', 'apple', 'apple', 'apple pie', 'banana', 'cherry')],
    ['sort -r words.txt', lines('cherry', 'banana', 'apple pie', 'apple', 'apple', 'Banana', '9', '2.5', '10', '-3', '')],
    ['sort -n words.txt', lines('-3', '', 'Banana', 'apple', 'apple', 'apple pie', 'banana', 'cherry', '2.5', '9', '10')],
    ['sort -nr words.txt', lines('10', '9', '2.5', 'cherry', 'banana', 'apple pie', 'apple', 'apple', 'Banana', '', '-3')],
    ['sort -u words.txt', lines('', '-3', '10', '2.5', '9', 'Banana', 'apple', 'apple pie', 'banana', 'cherry')],
    ['sort -f words.txt', lines('', '-3', '10', '2.5', '9', 'apple', 'apple', 'apple pie', 'Banana', 'banana', 'cherry')],
    [
      'sort -k3 pods.txt',
      lines('web-2 0/1 Pending 0 5m', 'web-1 1/1 Running 0 5m', 'cache-7 1/1 Running 10 1h', 'db-0 1/1 Running 3 2d', 'NAME READY STATUS RESTARTS AGE'),
    ],
    [
      'sort -k4,4nr pods.txt',
      lines('cache-7 1/1 Running 10 1h', 'db-0 1/1 Running 3 2d', 'NAME READY STATUS RESTARTS AGE', 'web-1 1/1 Running 0 5m', 'web-2 0/1 Pending 0 5m'),
    ],
    ['sort -t, -k2 csv.txt', lines('nodelim', 'x,,z', '1,2,3', 'a,b,c')],
  ])('%s', async (cmd, want) => {
    expect(await out(cmd)).toBe(want);
  });

  it('rejects bad keys and separators', async () => {
    expect(await out('sort -t ab words.txt')).toBe("sort: multi-character tab 'ab'\n");
    expect((await testShell().run('sort -k x')).status).toBe(2);
  });
});

describe('uniq', () => {
  it.each([
    ['sort words.txt | uniq -c', '      1 \n      1 -3\n      1 10\n      1 2.5\n      1 9\n      1 Banana\n      2 apple\n      1 apple pie\n      1 banana\n      1 cherry\n'],
    ['sort words.txt | uniq -d', 'apple\n'],
    ['uniq -c words.txt', '      1 banana\n      1 apple\n      1 Banana\n      1 cherry\n      1 apple\n      1 \n      1 apple pie\n      1 10\n      1 9\n      1 -3\n      1 2.5\n'],
    ['printf "a\\nA\\na\\n" | uniq -ic', '      3 a\n'],
  ])('%s', async (cmd, want) => {
    expect(await out(cmd)).toBe(want);
  });
});
