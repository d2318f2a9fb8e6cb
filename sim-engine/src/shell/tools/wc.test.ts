import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { FILES } from './fixtures.ts';

async function out(cmd: string): Promise<string> {
  const r = await testShell({ files: FILES }).run(cmd);
  return r.stderr + r.stdout;
}

describe('wc', () => {
  it.each([
    ['wc pods.txt', '  5  25 125 pods.txt\n'],
    ['wc -l pods.txt', '5 pods.txt\n'],
    ['wc -w pods.txt words.txt', ' 25 pods.txt\n 11 words.txt\n 36 total\n'],
    ['wc -c utf.txt', '18 utf.txt\n'],
    ['wc -m utf.txt', '14 utf.txt\n'],
    ['wc -L pods.txt', '30 pods.txt\n'],
    ['cat pods.txt | wc', '      5      25     125\n'],
    ['cat pods.txt | wc -l', '5\n'],
    ['cat pods.txt | wc -lw', '      5      25\n'],
    ['echo hi | wc -c', '3\n'],
    ['wc nonl.txt nope.txt', 'wc: nope.txt: No such file or directory\n 2  3 13 nonl.txt\n 2  3 13 total\n'],
  ])('%s', async (cmd, want) => {
    expect(await out(cmd)).toBe(want);
  });
});
