import { describe, expect, it } from 'vitest';
import { newScriptState, runScript, type ScriptHost, type StepResult } from './run.ts';

/** host is a container with echo and hostname, logging into `lines`. */
function host(lines: string[]): ScriptHost {
  return {
    debian: false,
    log: (l) => lines.push(l),
    exec(argv, write) {
      if (argv[0] === 'echo') {
        write(1, `${argv.slice(1).join(' ')}\n`);
        return { status: 0, waitedMs: 0, notFound: false };
      }
      if (argv[0] === 'hostname') {
        write(1, 'client\n');
        return { status: 0, waitedMs: 0, notFound: false };
      }
      return { status: 0, waitedMs: 0, notFound: true };
    },
  };
}

/** run runs a script to its end, collecting its log and the sleeps it asked for. */
function run(src: string, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const sleeps: number[] = [];
  const state = newScriptState(env);
  let r: StepResult;
  for (let i = 0; ; i++) {
    r = runScript(src, state, host(lines));
    if (r.kind === 'exit' || i > 50) break;
    if (r.kind === 'sleep') sleeps.push(r.ms);
  }
  return { lines, sleeps, result: r };
}

describe('container scripts', () => {
  it('runs lists with ; && || and reports the exit status', () => {
    expect(run('echo a; false && echo b || echo c; exit 3')).toEqual({ lines: ['a', 'c'], sleeps: [], result: { kind: 'exit', code: 3 } });
  });

  it('loops with for and while, sleeping between iterations', () => {
    expect(run('for i in 1 2 3; do echo "n=$i"; sleep 1; done').lines).toEqual(['n=1', 'n=2', 'n=3']);
    const r = run('i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; sleep 2; done; echo done');
    expect(r.lines).toEqual(['1', '2', '3', 'done']);
    expect(r.sleeps).toEqual([2000, 2000, 2000]);
  });

  it('substitutes commands and variables, splitting unquoted ones', () => {
    expect(run('echo "$(hostname): $GREETING"; for w in $WORDS; do echo $w; done', { GREETING: 'hi', WORDS: 'a b' }).lines).toEqual(['client: hi', 'a', 'b']);
  });

  it('sends redirected output nowhere or back to the log', () => {
    expect(run('echo quiet > /dev/null; echo err >&2; echo out 2>&1 >/dev/stdout').lines).toEqual(['err', 'out']);
  });

  it('says when a command is missing, as BusyBox sh does', () => {
    expect(run('curl http://web').lines).toEqual(['sh: curl: not found']);
    expect(run('curl http://web').result).toEqual({ kind: 'exit', code: 127 });
  });

  it('treats a loop without sleep as a busy container, not a hang', () => {
    const state = newScriptState({});
    const lines: string[] = [];
    expect(runScript('while true; do :; done', state, host(lines))).toEqual({ kind: 'busy' });
  });

  it('refuses what it does not model, honestly', () => {
    expect(run('echo a | grep a').lines).toEqual(['sh: pipes in container scripts are not supported in this sandbox']);
    expect(run('if true; then echo yes; else echo no; fi; if false; then echo x; elif true; then echo y; fi').lines).toEqual(['yes', 'y']);
  });

  it('resumes from a copy of its state exactly (snapshot and restore)', () => {
    const src = 'for i in 1 2 3 4; do echo $i; sleep 1; done';
    const a = newScriptState({});
    const la: string[] = [];
    runScript(src, a, host(la));
    const b = JSON.parse(JSON.stringify(a));
    const lb: string[] = [];
    while (runScript(src, a, host(la)).kind !== 'exit');
    while (runScript(src, b, host(lb)).kind !== 'exit');
    expect(lb).toEqual(la.slice(1));
  });
});
