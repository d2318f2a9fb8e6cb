import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import type { Program } from '../types.ts';

describe('lists and status', () => {
  it('runs && and || by status and keeps $?', async () => {
    const t = testShell();
    expect((await t.run('false && echo no || echo yes; echo $?')).stdout).toBe('yes\n0\n');
    expect((await t.run('false; echo $?; ! false; echo $?')).stdout).toBe('1\n0\n');
    expect((await t.run('nope; echo $?')).output).toBe('bash: nope: command not found\n127\n');
    expect((await t.run('false')).status).toBe(1);
    expect((await t.run('echo $?')).stdout).toBe('1\n');
  });

  it('refuses background jobs and goes on', async () => {
    const t = testShell();
    expect(await t.run('sleep 5 & echo next')).toMatchObject({ output: 'bash: background jobs are not supported in this sandbox\nnext\n', status: 0 });
    expect(t.clock.sleeps).toEqual([]);
  });

  it('prints syntax errors with status 2 and runs the following lines', async () => {
    const t = testShell();
    expect(await t.run('echo a | | b\necho still')).toMatchObject({ output: "bash: syntax error near unexpected token `|'\nstill\n" });
    expect((await t.run('echo "open')).status).toBe(2);
  });
});

describe('pipelines', () => {
  it('passes each stage its predecessor’s whole output, with stderr going straight through', async () => {
    const t = testShell();
    expect(await t.run('printf "b\\na\\n" | sort | head -n 1')).toMatchObject({ stdout: 'a\n', status: 0 });
    expect((await t.run('cat nope | wc -l')).output).toBe('cat: nope: No such file or directory\n0\n');
    expect((await t.run('cat nope |& wc -l')).output).toBe('1\n');
  });

  it('runs stages, subshells and substitutions in copies of the shell', async () => {
    const t = testShell();
    await t.run('cd /tmp | true; X=1 | true; (cd /tmp; Y=2); Z=$(cd /tmp; echo 3)');
    expect((await t.run('pwd; echo "[$X][$Y][$Z]"')).stdout).toBe('/home/learner\n[][][3]\n');
  });

  it('runs the later stages on what an interrupted stage printed', async () => {
    const signal = { interrupted: false };
    const watcher: Program = async (ctx) => {
      ctx.stdout('web-1 Running\ndb-1 Pending\n');
      signal.interrupted = true;
      return 0;
    };
    const t = testShell({ programs: { kubectl: watcher } });
    expect(await t.run('kubectl get pods -w | grep web; echo never', signal)).toMatchObject({ stdout: 'web-1 Running\n', status: 130 });
  });
});

describe('programs', () => {
  it('gives programs their arguments, stdin, env with PWD, and prefix assignments', async () => {
    let seen: unknown;
    const prog: Program = (ctx) => {
      seen = { args: ctx.args, stdin: ctx.stdin, pwd: ctx.env.PWD, ns: ctx.env.NS, kube: ctx.env.KUBECONFIG };
      return 3;
    };
    const t = testShell({ programs: { kubectl: prog } });
    const r = await t.run('cd /tmp; echo hi | NS=dev kubectl get "pods x"');
    expect(seen).toEqual({ args: ['get', 'pods x'], stdin: 'hi\n', pwd: '/tmp', ns: 'dev', kube: '/home/learner/.kube/config' });
    expect(r.status).toBe(3);
    expect((await t.run('/usr/local/bin/kubectl; echo $?')).stdout).toBe('3\n');
  });

  it('reports a crashing program instead of throwing', async () => {
    const t = testShell({
      programs: {
        boom: () => {
          throw new Error('kaput');
        },
      },
    });
    expect(await t.run('boom')).toMatchObject({ stderr: 'bash: boom: internal error: kaput\n', status: 1 });
  });

  it('says why a path cannot run', async () => {
    const t = testShell({ files: { 'script.sh': 'echo hi\n' } });
    expect(await t.run('./script.sh')).toMatchObject({ stderr: 'bash: ./script.sh: Permission denied\n', status: 126 });
    expect(await t.run('./nope.sh')).toMatchObject({ stderr: 'bash: ./nope.sh: No such file or directory\n', status: 127 });
    expect(await t.run('/tmp')).toMatchObject({ stderr: 'bash: /tmp: Is a directory\n', status: 126 });
  });

  it('accepts `source <(kubectl completion bash)` silently', async () => {
    const t = testShell();
    expect(await t.run('source <(kubectl completion bash)')).toMatchObject({ output: '', status: 0 });
    expect(await t.run('. <(k completion bash)')).toMatchObject({ output: '', status: 0 });
    expect((await t.run('cat <(ls)')).stderr).toBe("bash: <(ls): process substitution is only supported as `source <(kubectl completion bash)' in this sandbox\n");
  });
});

describe('Ctrl+C', () => {
  it('stops the rest of the line with status 130', async () => {
    const signal = { interrupted: false };
    const t = testShell({
      sleep: async () => {
        signal.interrupted = true;
      },
    });
    expect(await t.run('sleep 10; echo after', signal)).toMatchObject({ stdout: '', status: 130 });
    expect((await t.run('echo $?')).stdout).toBe('130\n');
  });
});
