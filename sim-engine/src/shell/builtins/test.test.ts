import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';

// Each condition's status, as `[ ... ]`; `test` is the same without the bracket.
async function statuses(conditions: string[]): Promise<number[]> {
  const t = testShell({ files: { 'a.yaml': 'kind: Pod\n', empty: '', 'dir/x': '' } });
  const out: number[] = [];
  for (const c of conditions) out.push((await t.run(`[ ${c} ]`)).status);
  return out;
}

describe('test and [', () => {
  it('compares strings and integers', async () => {
    expect(await statuses(['a = a', 'a == b', 'a != b', '-z ""', '-n ""', '-z x', 'abc', '""', '1 -eq 1', '2 -lt 10', '10 -le 9', '-3 -gt -4', ' 7 -ge 7', '1 -ne 1'])).toEqual([0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1]);
  });

  it('checks the virtual filesystem', async () => {
    expect(await statuses(['-f a.yaml', '-d a.yaml', '-d dir', '-e dir/x', '-e nope', '-s a.yaml', '-s empty', '-x dir', '-x a.yaml', '-f /home/learner/a.yaml'])).toEqual([0, 1, 0, 0, 1, 0, 1, 0, 1, 0]);
  });

  it('reads by argument count as POSIX says, then !, ( ), -a and -o', async () => {
    expect(await statuses(['', '-n', '!', '=', '! a', '! -z a', '"(" a ")"', 'a = a -a 1 -eq 1', 'a = b -o b = b', '! a = b -a ( 1 -lt 2 )'.replace(/[()]/g, '\\$&')])).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('words malformed conditions as bash does, with status 2', async () => {
    const t = testShell();
    const cases: [string, string][] = [
      ['[ 1 -lt a ]', 'bash: [: a: integer expression expected\n'],
      ['[ a', "bash: [: missing `]'\n"],
      ['[ a b ]', 'bash: [: a: unary operator expected\n'],
      ['[ a b c ]', 'bash: [: b: binary operator expected\n'],
      ['test 1 -eq', 'bash: test: 1: unary operator expected\n'],
      ['[ 1 -eq 1 ] ]', 'bash: [: too many arguments\n'],
      ['test a = b = c', 'bash: test: too many arguments\n'],
    ];
    for (const [input, stderr] of cases) expect(await t.run(input), input).toMatchObject({ stderr, status: 2 });
  });

  it('is a builtin and a file', async () => {
    const t = testShell();
    expect((await t.run('type test [; which test [')).stdout).toBe('test is a shell builtin\n[ is a shell builtin\n/usr/bin/test\n/usr/bin/[\n');
    expect((await t.run('type for; type -t done')).stdout).toBe('for is a shell keyword\nkeyword\n');
  });
});
