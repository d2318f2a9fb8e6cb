import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import type { Program } from '../types.ts';
import { shellQuote } from './vars.ts';

describe('variables', () => {
  it('assigns, exports and unsets; only exported ones reach programs', async () => {
    let env: Record<string, string> = {};
    const prog: Program = (ctx) => {
      env = ctx.env;
      return 0;
    };
    const t = testShell({ programs: { kubectl: prog } });
    await t.run('LOCAL=1; export NS=dev; kubectl');
    expect(env.NS).toBe('dev');
    expect(env.LOCAL).toBeUndefined();
    await t.run('export LOCAL; kubectl');
    expect(env.LOCAL).toBe('1');
    expect((await t.run('unset LOCAL NS; echo "[$LOCAL$NS]"')).stdout).toBe('[]\n');
  });

  it('lists exports as declare -x and rejects bad names', async () => {
    const t = testShell();
    const listing = (await t.run('export')).stdout;
    expect(listing).toContain('declare -x HOME="/home/learner"\n');
    expect(listing).toContain('declare -x KUBECONFIG="/home/learner/.kube/config"\n');
    expect(await t.run('export 1x=2')).toMatchObject({ stderr: "bash: export: `1x=2': not a valid identifier\n", status: 1 });
    expect((await t.run('unset 1x')).stderr).toBe("bash: unset: `1x': not a valid identifier\n");
  });

  it('prints the environment with env and runs commands with additions', async () => {
    const t = testShell();
    const lines = (await t.run('env')).stdout.split('\n');
    expect(lines).toContain('USER=learner');
    expect(lines).toContain('SHELL=/bin/bash');
    expect(lines).toContain('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect((await t.run('env A=1 env | grep ^A=')).stdout).toBe('A=1\n');
    expect(await t.run('env nope')).toMatchObject({ stderr: "env: 'nope': No such file or directory\n", status: 127 });
  });
});

describe('aliases', () => {
  it('start with k=kubectl and list quoted', async () => {
    const t = testShell();
    expect((await t.run('alias')).stdout).toBe("alias k='kubectl'\n");
    await t.run("alias kgp='kubectl get pods' say=\"echo it's\"");
    expect((await t.run('alias')).stdout).toBe("alias k='kubectl'\nalias kgp='kubectl get pods'\nalias say='echo it'\\''s'\n");
    expect((await t.run('alias kgp')).stdout).toBe("alias kgp='kubectl get pods'\n");
    expect(await t.run('alias nope')).toMatchObject({ stderr: 'bash: alias: nope: not found\n', status: 1 });
  });

  it('apply from the next line, as bash reads a line before running it', async () => {
    const t = testShell();
    expect((await t.run('alias hi="echo hello"; hi')).stderr).toBe('bash: hi: command not found\n');
    expect((await t.run('hi there')).stdout).toBe('hello there\n');
    expect((await t.run('alias e=echo\ne multi-line')).stdout).toBe('multi-line\n');
  });

  it('are removed by unalias', async () => {
    const t = testShell();
    await t.run('unalias k');
    expect((await t.run('k')).stderr).toBe('bash: k: command not found\n');
    expect(await t.run('unalias k')).toMatchObject({ stderr: 'bash: unalias: k: not found\n', status: 1 });
    await t.run('alias a=b c=d; unalias -a');
    expect((await t.run('alias')).stdout).toBe('');
  });
});

describe('shellQuote', () => {
  it('single-quotes and escapes single quotes', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});
