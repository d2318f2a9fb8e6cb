import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';

// `args` prints each argument in brackets, so splitting and quoting are visible.
async function args(src: string, setup = ''): Promise<string> {
  const t = testShell({ files: { 'a.yaml': '', 'b.yaml': '', 'c.txt': '' } });
  if (setup) await t.run(setup);
  const ran = await t.run(`printf '[%s]' ${src}; echo`);
  return ran.stderr + ran.stdout.trimEnd();
}

describe('expansion', () => {
  it('expands variables, defaults and lengths', async () => {
    expect(await args('$HOME "$USER" ${USER}x')).toBe('[/home/learner][learner][learnerx]');
    expect(await args('${NOPE:-fallback} ${EMPTY-set} ${EMPTY:-was empty} ${#USER}', 'EMPTY=')).toBe('[fallback][was][empty][7]');
    expect(await args('"${NOPE:-a b}"')).toBe('[a b]');
    expect(await args('${X:=assigned} $X')).toBe('[assigned][assigned]');
    expect(await args('${USER:+yes} ${NOPE:+no}')).toBe('[yes]');
  });

  it('splits unquoted expansions on blanks and keeps quoted ones whole', async () => {
    expect(await args('$V "$V" x$V', 'V="  one   two "')).toBe('[one][two][  one   two ][x][one][two]');
    expect(await args('$EMPTY "" "$EMPTY"', 'EMPTY=')).toBe('[][]');
  });

  it('expands tildes at word starts and after = and : in assignments', async () => {
    expect(await args('~ ~/x "~" x~ ~learner ~nobody')).toBe('[/home/learner][/home/learner/x][~][x~][/home/learner][~nobody]');
    expect(await args('$P', 'P=~/bin:~/sbin')).toBe('[/home/learner/bin:/home/learner/sbin]');
  });

  it('substitutes command output without trailing newlines', async () => {
    expect(await args('"$(echo hi; echo)" $(printf "a\\nb\\n")')).toBe('[hi][a][b]');
    expect(await args('"$(echo $(echo nested))"')).toBe('[nested]');
  });

  it('globs unquoted patterns and leaves unmatched ones alone', async () => {
    expect(await args('*.yaml "*.yaml" \\*.yaml *.json')).toBe('[a.yaml][b.yaml][*.yaml][*.yaml][*.json]');
    expect(await args('$G', "G='*.txt'")).toBe('[c.txt]');
  });

  it('keeps backslashes that come from variables', async () => {
    expect(await args('$B', "B='a\\b'")).toBe('[a\\b]');
  });

  it('reports bad substitutions and skips the command', async () => {
    const t = testShell();
    expect(await t.run('echo ${a b}; echo next')).toMatchObject({ output: 'bash: ${a b}: bad substitution\nnext\n' });
  });
});
