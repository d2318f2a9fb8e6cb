import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { SEQ_LIMIT } from './seq.ts';

describe('seq', () => {
  it('counts as GNU seq does', async () => {
    const t = testShell();
    const cases: [string, string][] = [
      ['seq 3', '1\n2\n3\n'],
      ['seq 2 4', '2\n3\n4\n'],
      ['seq 1 2 7', '1\n3\n5\n7\n'],
      ['seq 5 1', ''],
      ['seq 3 -1 1', '3\n2\n1\n'],
      ['seq 0 0.5 2', '0.0\n0.5\n1.0\n1.5\n2.0\n'],
      ['seq 1.5 3', '1.5\n2.5\n'],
      ['seq -s, 3', '1,2,3\n'],
      ['seq -s " " 3', '1 2 3\n'],
      ['seq -w 8 10', '08\n09\n10\n'],
      ['seq -w -1 1', '-1\n00\n01\n'],
      ['seq -f %03g 3', '001\n002\n003\n'],
    ];
    for (const [input, stdout] of cases) expect(await t.run(input), input).toMatchObject({ stdout, stderr: '', status: 0 });
  });

  it('words mistakes as GNU seq does', async () => {
    const t = testShell();
    const hint = "Try 'seq --help' for more information.\n";
    expect(await t.run('seq')).toMatchObject({ stderr: `seq: missing operand\n${hint}`, status: 1 });
    expect(await t.run('seq a')).toMatchObject({ stderr: `seq: invalid floating point argument: 'a'\n${hint}`, status: 1 });
    expect(await t.run('seq 1 0 3')).toMatchObject({ stderr: `seq: invalid Zero increment value: '0'\n${hint}`, status: 1 });
    expect(await t.run('seq 1 2 3 4')).toMatchObject({ stderr: `seq: extra operand '4'\n${hint}`, status: 1 });
    expect(await t.run('seq -x')).toMatchObject({ stderr: `seq: invalid option -- 'x'\n${hint}`, status: 1 });
    expect(await t.run(`seq ${SEQ_LIMIT + 1}`)).toMatchObject({ stderr: `seq: the sandbox prints at most ${SEQ_LIMIT} numbers\n`, status: 1 });
  });
});
