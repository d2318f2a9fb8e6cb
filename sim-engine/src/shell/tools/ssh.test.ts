import { describe, expect, it } from 'vitest';
import { bareSession, run } from '../../machines/testing.ts';

describe('ssh', () => {
  it('moves the prompt to the machine, and exit comes back to where the learner was', async () => {
    const s = bareSession();
    expect(s.shell.prompt()).toBe('\x1b[1;32mlearner@wheelhouse\x1b[0m:\x1b[1;34m~\x1b[0m$ ');
    expect(await run(s, 'ssh node-1')).toEqual({ output: 'Welcome to Ubuntu 24.04.1 LTS (GNU/Linux 6.8.0-51-generic x86_64)\n\n', status: 0 });
    expect(s.shell.prompt()).toContain('learner@node-1');
    expect((await run(s, 'hostname')).output).toBe('node-1\n');
    await run(s, 'ssh learner@172.18.0.4');
    expect((await run(s, 'hostname')).output).toBe('node-2\n');
    expect(await run(s, 'exit')).toEqual({ output: 'logout\nConnection to node-2 closed.\n', status: 0 });
    expect((await run(s, 'exit 3')).status).toBe(3);
    expect(s.exited).toBe(false);
    expect((await run(s, 'hostname')).output).toBe('wheelhouse\n');
    await run(s, 'exit');
    expect(s.exited).toBe(true);
  });

  it('answers as ssh does for unknown hosts, missing arguments and remote commands', async () => {
    const s = bareSession();
    expect(await run(s, 'ssh NodeX')).toEqual({ output: 'ssh: Could not resolve hostname nodex: Name or service not known\n', status: 255 });
    const usage = await run(s, 'ssh');
    expect(usage.status).toBe(255);
    expect(usage.output).toMatch(/^usage: ssh \[-46AaCfGgKkMNnqsTtVvXxYy\]/);
    expect((await run(s, 'ssh node-1 hostname')).output).toBe('ssh: running a command on another machine is not supported in this sandbox: ssh node-1, then run it there\n');
    expect((await run(s, 'hostname')).output).toBe('wheelhouse\n');
  });
});

describe('ssh completion', () => {
  it('completes machine names', () => {
    const s = bareSession();
    expect(s.shell.complete('ssh no', 6).candidates).toEqual(['node-1', 'node-2', 'node-3']);
    expect(s.shell.complete('kubead', 6).candidates).toEqual(['kubeadm']);
  });
});
