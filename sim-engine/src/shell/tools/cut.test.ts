import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { parseList } from './cut.ts';
import { FILES } from './fixtures.ts';

async function out(cmd: string): Promise<string> {
  const r = await testShell({ files: FILES }).run(cmd);
  return r.stderr + r.stdout;
}

describe('cut', () => {
  it.each([
    ['cut -d, -f2 csv.txt', 'b\n2\n\nnodelim\n'],
    ['cut -d, -f1,3 csv.txt', 'a,c\n1,3\nx,z\nnodelim\n'],
    ['cut -d, -f2- csv.txt', 'b,c\n2,3\n,z\nnodelim\n'],
    ['cut -d, -s -f1 csv.txt', 'a\n1\nx\n'],
    ['cut -c1-3 pods.txt', 'NAM\nweb\nweb\ndb-\ncac\n'],
    ['cut -f2 tabs.txt', 'v\nv2\n'],
    ["cut -d' ' -f1,3 pods.txt", 'NAME STATUS\nweb-1 Running\nweb-2 Pending\ndb-0 Running\ncache-7 Running\n'],
    ['cut --output-delimiter=: -d, -f1,2 csv.txt', 'a:b\n1:2\nx:\nnodelim\n'],
  ])('%s', async (cmd, want) => {
    expect(await out(cmd)).toBe(want);
  });

  it('words errors like coreutils', async () => {
    expect(await out('cut pods.txt')).toBe("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    expect(await out('cut -f0 pods.txt')).toBe("cut: fields are numbered from 1\nTry 'cut --help' for more information.\n");
    expect(await out('cut -d ab -f1 pods.txt')).toBe("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    expect(await out('cut -c 3-1 pods.txt')).toBe("cut: invalid decreasing range\nTry 'cut --help' for more information.\n");
  });
});

describe('parseList', () => {
  it('reads ranges', () => {
    const sel = parseList('1,3-4,6-')!;
    expect([1, 2, 3, 4, 5, 6, 9].map(sel)).toEqual([true, false, true, true, false, true, true]);
    expect(parseList('-2')!(2)).toBe(true);
    expect(parseList('a')).toBeUndefined();
  });
});
