import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import type { Program } from '../types.ts';
import { splitXargs } from './xargs.ts';

async function out(cmd: string, programs: Record<string, Program> = {}): Promise<string> {
  const r = await testShell({ programs, files: { f: 'file text\n' } }).run(cmd);
  return r.stderr + r.stdout;
}

describe('xargs', () => {
  it.each([
    ['echo a b c | xargs echo x', 'x a b c\n'],
    ['echo a b c | xargs -n 1 echo x', 'x a\nx b\nx c\n'],
    ['echo a b c | xargs -n 2', 'a b\nc\n'],
    ['printf "a\\nb\\n" | xargs -I {} echo "<{}>"', '<a>\n<b>\n'],
    ['printf "a\\nb\\n" | xargs -I% echo % %', 'a a\nb b\n'],
    ["echo \"'a b' c\" | xargs -n1", 'a b\nc\n'],
    ['echo | xargs echo x', 'x\n'],
    ['echo | xargs -r echo x', ''],
    ['echo a b | xargs -t echo', 'echo a b\na b\n'],
    ['echo f | xargs cat', 'file text\n'],
  ])('%s', async (cmd, want) => {
    expect(await out(cmd)).toBe(want);
  });

  it('runs registered programs with the items as arguments', async () => {
    const seen: string[][] = [];
    const kubectl: Program = (ctx) => {
      seen.push(ctx.args);
      return 0;
    };
    await out('printf "web-1\\nweb-2\\n" | xargs -n1 kubectl delete pod', { kubectl });
    expect(seen).toEqual([
      ['delete', 'pod', 'web-1'],
      ['delete', 'pod', 'web-2'],
    ]);
  });

  it('reports failures with GNU statuses', async () => {
    const t = testShell();
    expect(await t.run('echo a | xargs nope')).toMatchObject({ stderr: 'xargs: nope: No such file or directory\n', status: 127 });
    expect((await t.run('echo a | xargs false')).status).toBe(123);
    expect((await t.run('echo a | xargs cd')).status).toBe(127);
    expect(await t.run("echo \"'a b c\" | xargs -n1")).toMatchObject({
      stderr: 'xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n',
      status: 1,
    });
    expect((await t.run('echo 1 | xargs -n 0')).stderr).toBe("xargs: value 0 for -n option should be >= 1\nTry 'xargs --help' for more information.\n");
  });
});

describe('splitXargs', () => {
  it('groups quotes and backslashes', () => {
    expect(splitXargs('a "b c" d\\ e\n')).toEqual(['a', 'b c', 'd e']);
    expect(splitXargs('"open')).toEqual({ error: 'unmatched double quote; by default quotes are special to xargs unless you use the -0 option' });
  });
});
