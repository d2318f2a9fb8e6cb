import { describe, it, expect } from 'vitest';
import { SHELL_EXIT, Shell } from './shell.ts';
import { testShell } from './testing.ts';
import type { Program } from './types.ts';

// A stand-in for `kubectl apply -f -` that records what it was given.
function recorder(): { program: Program; calls: { args: string[]; stdin: string }[] } {
  const calls: { args: string[]; stdin: string }[] = [];
  return {
    calls,
    program: (ctx) => {
      calls.push({ args: ctx.args, stdin: ctx.stdin });
      ctx.stdout('pod/web created\n');
      return 0;
    },
  };
}

describe('heredocs', () => {
  it('pipe an expanded body into a program', async () => {
    const k = recorder();
    const t = testShell({ programs: { kubectl: k.program } });
    const r = await t.run('cat <<EOF | kubectl apply -f -\nkind: Pod\nmetadata:\n  name: $USER-web\nEOF');
    expect(r).toMatchObject({ stdout: 'pod/web created\n', status: 0 });
    expect(k.calls).toEqual([{ args: ['apply', '-f', '-'], stdin: 'kind: Pod\nmetadata:\n  name: learner-web\n' }]);
  });

  it("keep the body literal with <<'EOF' and strip tabs with <<-EOF", async () => {
    const k = recorder();
    const t = testShell({ programs: { kubectl: k.program } });
    await t.run("kubectl apply -f - <<'EOF'\nname: $USER `date` \\$\nEOF");
    await t.run('kubectl apply -f - <<-EOF\n\tname: $USER\n\t\tindented\n\tEOF');
    expect(k.calls.map((c) => c.stdin)).toEqual(['name: $USER `date` \\$\n', 'name: learner\nindented\n']);
  });

  it('write files with cat > file <<EOF and run what follows the terminator', async () => {
    const t = testShell();
    const r = await t.run("cat > web.yaml <<'EOF'\napiVersion: v1\nkind: Pod\nEOF\nwc -l web.yaml");
    expect(r.stdout).toBe('2 web.yaml\n');
    expect(t.shell.fs.read('web.yaml')).toBe('apiVersion: v1\nkind: Pod\n');
  });

  it('expand command substitutions and escapes in unquoted bodies', async () => {
    const t = testShell();
    expect((await t.run('cat <<EOF\nnow=$(date +%H) \\$HOME ${HOME}\nEOF')).stdout).toBe('now=09 $HOME /home/learner\n');
  });

  it('run with a warning when the terminator never comes', async () => {
    const t = testShell();
    expect(await t.run('cat <<EOF\nline')).toMatchObject({ stdout: 'line\n', stderr: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n" });
  });
});

describe('needsMore', () => {
  const shell = testShell().shell;
  it.each([
    ['echo "open', true],
    ["echo 'open", true],
    ['cat <<EOF', true],
    ['cat <<EOF\nbody', true],
    ['cat <<EOF\nbody\nEOF', false],
    ["cat <<'EOF' | kubectl apply -f -\nkind: Pod", true],
    ['kubectl get pods |', true],
    ['true &&', true],
    ['false ||', true],
    ['echo a \\', true],
    ['echo $(date', true],
    ['(cd /tmp', true],
    ['echo done', false],
    ['echo a |\ngrep a', false],
    ['echo )', false],
    ['', false],
  ])('%j → %s', (input, want) => {
    expect(shell.needsMore(input)).toBe(want);
  });
});

describe('snapshot', () => {
  it('round-trips files, directory, variables, aliases, history and $? through JSON', async () => {
    const t = testShell();
    await t.run('mkdir -p k8s && cd k8s && echo "kind: Pod" > pod.yaml; export NS=dev; LOCAL=x; alias kgp="kubectl get pods"');
    await t.run('false');
    const saved = JSON.parse(JSON.stringify(t.shell.snapshot()));
    expect(saved).toMatchObject({ cwd: '/home/learner/k8s', aliases: { k: 'kubectl', kgp: 'kubectl get pods' }, status: 1 });
    expect(saved.files['/home/learner/k8s/pod.yaml']).toBe('kind: Pod\n');

    const restored = testShell({ state: saved });
    expect(restored.shell.snapshot()).toEqual(saved);
    expect((await restored.run('echo $? $NS $LOCAL; pwd; cat pod.yaml; alias kgp')).stdout).toBe(
      "1 dev x\n/home/learner/k8s\nkind: Pod\nalias kgp='kubectl get pods'\n",
    );
    expect(restored.shell.prompt()).toContain('~/k8s');
  });

  it('ignores seed files when restoring a snapshot', async () => {
    const saved = testShell().shell.snapshot();
    const restored = testShell({ state: saved, files: { 'x.yaml': '' } });
    expect(restored.shell.fs.exists('x.yaml')).toBe(false);
  });
});

describe('Shell', () => {
  it('starts with the documented environment and files', async () => {
    const t = testShell();
    expect((await t.run('echo $HOME $USER $PWD $SHELL $KUBECONFIG')).stdout).toBe('/home/learner learner /home/learner /bin/bash /home/learner/.kube/config\n');
    expect(t.shell.fs.read('/home/learner/.kube/config')).toBe('');
    expect(t.shell.fs.kind('/tmp')).toBe('dir');
  });

  it('accepts CRLF line ends', async () => {
    const t = testShell();
    expect((await t.run('echo a\r\necho b\r\n')).stdout).toBe('a\nb\n');
  });

  it('can be built directly with the documented options', async () => {
    let now = 0;
    const shell = new Shell({ programs: {}, sleep: async (ms) => void (now += ms), now: () => now, hostname: 'lab' });
    let out = '';
    await shell.run('sleep 2; hostname', { stdout: (s) => (out += s), stderr: (s) => (out += s) }, { interrupted: false });
    expect([out, now]).toEqual(['lab\n', 2000]);
  });

  it('asks a hostname function each time, and lets a logout hook keep the shell after exit', async () => {
    let host = 'a';
    let nested = 1;
    const shell = new Shell({
      programs: {},
      sleep: async () => {},
      now: () => 0,
      hostname: () => host,
      logout: (io) => {
        if (nested === 0) return false;
        nested--;
        io.stderr('logout\n');
        return true;
      },
    });
    let out = '';
    const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s) };
    host = 'b';
    await shell.run('hostname', io, { interrupted: false });
    expect(shell.prompt()).toContain('learner@b');
    expect(await shell.run('exit 4', io, { interrupted: false })).toBe(4);
    expect([out, shell.exited]).toEqual(['b\nlogout\n', false]);
    expect(await shell.run('exit', io, { interrupted: false })).toBe(SHELL_EXIT + 4);
    expect(shell.exited).toBe(true);
  });
});
