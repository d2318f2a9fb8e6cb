import { describe, expect, it } from 'vitest';
import { TerminalSession } from './terminal-session.ts';
import { FakeRunner, FakeTerminal, flush } from './testing/fakes.ts';

function setup() {
  const term = new FakeTerminal(60, 20);
  const runner = new FakeRunner();
  const session = new TerminalSession({ terminal: term, runner, prompt: '$ ' });
  return { term, runner, session };
}

describe('TerminalSession.runCommand', () => {
  it('types the command at the prompt, runs it visibly and resolves when it finishes', async () => {
    const { term, runner, session } = setup();
    let done = false;
    const run = session.runCommand('kubectl get pods').then(() => (done = true));
    await flush();
    expect(runner.lines).toEqual(['kubectl get pods']);
    expect(done).toBe(false);
    runner.last.out('No resources found in default namespace.\n');
    runner.last.resolve();
    await run;
    expect(term.screen.lines()).toEqual(['$ kubectl get pods', 'No resources found in default namespace.', '$']);
    expect(session.history.toArray()).toEqual(['kubectl get pods']);
  });

  it('replaces what the learner had half typed', async () => {
    const { term, runner, session } = setup();
    term.input('garb', 'age');
    const run = session.runCommand('date');
    await flush();
    expect(runner.lines).toEqual(['date']);
    runner.last.resolve();
    await run;
    expect(term.screen.lines()).toEqual(['$ date', '$']);
  });

  it('waits for a running command before typing', async () => {
    const { runner, session, term } = setup();
    term.input('sleep 5', '\r');
    const run = session.runCommand('kubectl get nodes');
    await flush();
    expect(runner.lines).toEqual(['sleep 5']);
    runner.last.resolve();
    await flush();
    await flush();
    expect(runner.lines).toEqual(['sleep 5', 'kubectl get nodes']);
    runner.last.resolve();
    await run;
    expect(session.idle).toBe(true);
  });

  it('settles when the session is disposed', async () => {
    const { session } = setup();
    const run = session.runCommand('sleep 30');
    await flush();
    session.dispose();
    await expect(run).resolves.toBeUndefined();
  });
});

describe('TerminalSession.placeCommand', () => {
  it('puts the command on the line without running it, replacing the draft', () => {
    const { term, runner, session } = setup();
    term.input('abc');
    session.placeCommand('kubectl delete pod web');
    expect(runner.calls).toHaveLength(0);
    expect(session.editor.line).toBe('kubectl delete pod web');
    expect(term.screen.lines()).toEqual(['$ kubectl delete pod web']);
  });

  it('types ahead while a command runs', async () => {
    const { term, runner, session } = setup();
    term.input('sleep 1', '\r');
    session.placeCommand('date');
    runner.last.resolve();
    await flush();
    expect(session.editor.line).toBe('date');
    expect(runner.lines).toEqual(['sleep 1']);
  });
});
