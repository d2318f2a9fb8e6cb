import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import type { Program } from '../types.ts';
import { BUSY_LOOP_LIMIT } from './loop-guard.ts';

describe('loops', () => {
  it('runs for over words, globs and substitutions, leaving the variable set', async () => {
    const t = testShell({ files: { 'a.yaml': '', 'b.yaml': '' } });
    expect((await t.run('for i in 1 2 3; do echo -n $i; done; echo " $i"')).stdout).toBe('123 3\n');
    expect((await t.run('for f in *.yaml; do echo $f; done')).stdout).toBe('a.yaml\nb.yaml\n');
    expect((await t.run('for n in $(seq 1 3); do echo n$n; done')).stdout).toBe('n1\nn2\nn3\n');
    expect((await t.run('for i in; do echo no; done; echo $?')).stdout).toBe('0\n');
    expect((await t.run('for ((i = 0; i < 3; i++)); do echo $i; done')).stdout).toBe('0\n1\n2\n');
  });

  it('runs while and until on their condition status, with the body status as the loop status', async () => {
    const t = testShell();
    expect((await t.run('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done')).stdout).toBe('0\n1\n2\n');
    expect((await t.run('i=0; until [ $i -ge 2 ]; do echo $i; ((i++)); done')).stdout).toBe('0\n1\n');
    expect((await t.run('while false; do :; done; echo $?')).stdout).toBe('0\n');
    expect(await t.run('for i in 1 2; do false; done')).toMatchObject({ status: 1 });
  });

  it('honours break and continue, with counts', async () => {
    const t = testShell();
    expect((await t.run('for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done')).stdout).toBe('1\n3\n');
    expect((await t.run('while true; do echo once; break; done && echo ok')).stdout).toBe('once\nok\n');
    expect((await t.run('for i in 1 2; do for j in a b; do continue 2; echo no; done; echo no2; done; echo $i$j')).stdout).toBe('2a\n');
    expect((await t.run('for i in 1 2; do for j in a b; do break 2; done; done; echo $i$j')).stdout).toBe('1a\n');
    expect((await t.run('for i in 1 2; do break 5; done; echo $i')).stdout).toBe('1\n');
    expect((await t.run('for i in 1 2; do break | cat; echo $i; done')).stdout).toBe('1\n2\n');
  });

  it('words misuse of break and continue as bash does', async () => {
    const t = testShell();
    expect(await t.run('break; echo $?')).toMatchObject({ output: "bash: break: only meaningful in a `for', `while', or `until' loop\n0\n" });
    expect(await t.run('for i in 1 2; do continue 0; echo $i; done; echo after $?')).toMatchObject({ output: 'bash: continue: 0: loop count out of range\nafter 1\n' });
    expect(await t.run('for i in 1 2; do break x; echo $i; done; echo after')).toMatchObject({ output: 'bash: break: x: numeric argument required\nafter\n' });
    expect(await t.run('for 1 in a; do echo; done')).toMatchObject({ output: "bash: `1': not a valid identifier\n", status: 1 });
  });

  it('waits in cluster time when the body sleeps, and stops at Ctrl+C with status 130', async () => {
    const signal = { interrupted: false };
    let calls = 0;
    const kubectl: Program = (ctx) => {
      if (++calls === 3) signal.interrupted = true;
      ctx.stdout(`pods ${calls}\n`);
      return 0;
    };
    const t = testShell({ programs: { kubectl } });
    const ran = await t.run('while true; do kubectl get pods; sleep 2; done; echo never', signal);
    expect(ran).toMatchObject({ stdout: 'pods 1\npods 2\npods 3\n', status: 130 });
    expect(t.clock.sleeps).toEqual([1000, 1000, 1000, 1000]);
  });

  it('stops a loop that never waits, and the rest of the line, with an honest message', async () => {
    const t = testShell();
    const ran = await t.run('i=0; while true; do i=$((i+1)); done; echo never');
    expect(ran).toMatchObject({ stderr: `bash: loop stopped after ${BUSY_LOOP_LIMIT} iterations without waiting (the sandbox guards against busy loops)\n`, status: 1 });
    expect((await t.run('echo $i')).stdout).toBe(`${BUSY_LOOP_LIMIT + 1}\n`);
    // The count starts again on the next command line, and nested loops share it.
    expect((await t.run('for i in $(seq 1 3000); do :; done; for i in $(seq 1 3000); do :; done; echo fine')).stdout).toBe('fine\n');
    expect((await t.run('while true; do for j in 1 2 3; do :; done; done')).status).toBe(1);
  });

  it('does not count loops whose iterations wait', async () => {
    const t = testShell();
    expect((await t.run(`for i in $(seq 1 ${BUSY_LOOP_LIMIT + 5}); do sleep 0.001; done; echo done`)).output).toBe('done\n');
  });
});

describe('if, groups and (( ))', () => {
  it('takes the first branch whose condition succeeds', async () => {
    const t = testShell({ programs: { kubectl: (ctx) => (ctx.args.includes('web') ? 0 : 1) } });
    expect((await t.run('if kubectl get pod web; then echo yes; else echo no; fi')).stdout).toBe('yes\n');
    expect((await t.run('if kubectl get pod db; then echo yes; else echo no; fi')).stdout).toBe('no\n');
    expect((await t.run('if false; then echo 1; elif true; then echo 2; else echo 3; fi')).stdout).toBe('2\n');
    expect((await t.run('if false; then :; fi; echo $?')).stdout).toBe('0\n');
    expect((await t.run('if false; then :; else false; fi; echo $?')).stdout).toBe('1\n');
  });

  it('redirects and pipes compound commands as a whole', async () => {
    const t = testShell();
    expect((await t.run('for i in b a; do echo $i; done | sort')).stdout).toBe('a\nb\n');
    expect((await t.run('{ echo a; echo b; } > out; cat out')).stdout).toBe('a\nb\n');
    expect((await t.run('if true; then echo err >&2; fi 2>/dev/null')).output).toBe('');
  });

  it('evaluates (( )) to a status and $(( )) to text, aborting the line on an arithmetic error', async () => {
    const t = testShell();
    expect((await t.run('(( 0 )); echo $?; (( 2 > 1 )); echo $?; x=5; ((x *= 2)); echo $x')).stdout).toBe('1\n0\n10\n');
    expect(await t.run('(( 1 + )); echo next $?')).toMatchObject({ output: 'bash: ((: 1 + : syntax error: operand expected (error token is "+ ")\nnext 1\n' });
    expect(await t.run('echo $((1/0)); echo never')).toMatchObject({ output: 'bash: 1/0: division by 0 (error token is "0")\n', status: 1 });
    expect(await t.run('for i in 1 2; do echo $((i/0)); echo in; done; echo after')).toMatchObject({ output: 'bash: i/0: division by 0 (error token is "0")\n' });
    expect((await t.run('echo "$(( 1 + 2 )) items"; i=3; echo $((i+1)) $((y)) $(( $i * 2 ))')).stdout).toBe('3 items\n4 0 6\n');
  });
});

describe('multi-line entry', () => {
  it('asks for more lines while a compound command is open, like a heredoc', () => {
    const t = testShell();
    for (const open of ['for i in 1 2 3; do', 'for i in 1 2\ndo\n  echo $i', 'while true', 'if true; then', 'if a; then b; else', '{', 'echo $((1 +']) {
      expect(t.shell.needsMore(open), open).toBe(true);
    }
    for (const done of ['for i in 1 2 3; do echo $i; done', 'for i in 1\ndo\n  echo $i\ndone', 'done', 'for', 'if true; fi', 'echo $((1+2))']) {
      expect(t.shell.needsMore(done), done).toBe(false);
    }
  });

  it('runs a loop typed over several lines', async () => {
    const t = testShell();
    expect((await t.run('for n in node-1 node-2\ndo\n  echo cordon $n\ndone')).stdout).toBe('cordon node-1\ncordon node-2\n');
  });
});
