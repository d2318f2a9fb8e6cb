import type { Terminal } from '@xterm/xterm';
import { describe, expect, it } from 'vitest';
import { History } from './history.ts';
import {
  DEFAULT_PROMPT, TerminalSession, type Completer, type CompletionRequest, type TerminalLike,
} from './terminal-session.ts';
import { FakeRunner, FakeTerminal, flush } from './testing/fakes.ts';

// Compile-time check that a real xterm.js Terminal can be passed as-is.
const acceptsXterm = (terminal: Terminal): TerminalLike => terminal;
void acceptsXterm;

function setup(options: { cols?: number; prompt?: string | (() => string); history?: History } = {}) {
  const term = new FakeTerminal(options.cols ?? 40, 20);
  const runner = new FakeRunner();
  const session = new TerminalSession({
    terminal: term,
    runner,
    prompt: options.prompt ?? '$ ',
    ...(options.history ? { history: options.history } : {}),
  });
  return { term, runner, session };
}

describe('TerminalSession', () => {
  it('writes the prompt on construction (default prompt is coloured)', () => {
    const term = new FakeTerminal();
    new TerminalSession({ terminal: term, runner: new FakeRunner() });
    expect(term.output).toBe(DEFAULT_PROMPT);
    expect(term.screen.lines()).toEqual(['learner@wheelhouse:~$']);
  });

  it('runs a submitted line, converts newlines in its output, and prompts again', async () => {
    const { term, runner, session } = setup();
    term.input('k', 'get pods', '\r');
    expect(runner.lines).toEqual(['kget pods']);
    expect(session.busy).toBe(true);
    runner.last.out('NAME   READY\nweb    1/1\n');
    expect(term.output).toContain('NAME   READY\r\nweb    1/1\r\n');
    runner.last.resolve();
    await flush();
    expect(session.busy).toBe(false);
    expect(term.screen.lines()).toEqual(['$ kget pods', 'NAME   READY', 'web    1/1', '$']);
  });

  it('starts the prompt on a new row when output did not end with a newline', async () => {
    const { term, runner } = setup();
    term.input('echo -n hi', '\r');
    runner.last.out('hi');
    runner.last.resolve();
    await flush();
    expect(term.screen.lines()).toEqual(['$ echo -n hi', 'hi', '$']);
  });

  it('does not run blank lines', async () => {
    const { term, runner } = setup();
    term.input('\r', '  \r');
    await flush();
    expect(runner.calls).toHaveLength(0);
    expect(term.screen.lines()).toEqual(['$', '$', '$']);
  });

  it('buffers typeahead while a command runs, without echo, and edits it at the next prompt', async () => {
    const { term, runner } = setup();
    term.input('sleep 1', '\r', 'get', '\x7f', 'x');
    expect(term.screen.lines()).toEqual(['$ sleep 1']);
    runner.last.resolve();
    await flush();
    expect(term.screen.lines()).toEqual(['$ sleep 1', '$ gex']);
  });

  it('runs typeahead lines after the current command, one at a time', async () => {
    const { term, runner } = setup();
    term.input('one', '\r', 'two\r', 'three\r');
    expect(runner.lines).toEqual(['one']);
    runner.last.resolve();
    await flush();
    expect(runner.lines).toEqual(['one', 'two']);
    runner.last.resolve();
    await flush();
    expect(runner.lines).toEqual(['one', 'two', 'three']);
  });

  it('runs pasted lines in order, each after the previous finishes, leaving the rest in the line', async () => {
    const { term, runner } = setup();
    term.input('get pods\rget nodes\rget s');
    expect(runner.lines).toEqual(['get pods']);
    runner.last.out('pods\n');
    runner.last.resolve();
    await flush();
    expect(runner.lines).toEqual(['get pods', 'get nodes']);
    runner.last.resolve();
    await flush();
    expect(term.screen.lines()).toEqual(['$ get pods', 'pods', '$ get nodes', '$ get s']);
  });

  it('Ctrl+C while running interrupts the command, echoes ^C and flushes typeahead before it', async () => {
    const { term, runner, session } = setup();
    term.input('get pods -w', '\r', 'lost\r', '\x03', 'kept');
    expect(runner.interrupts).toBe(1);
    runner.last.resolve();
    await flush();
    expect(runner.lines).toEqual(['get pods -w']);
    expect(term.screen.lines()).toEqual(['$ get pods -w', '^C', '$ kept']);
    expect(session.editor.line).toBe('kept');
  });

  it('Ctrl+C at the prompt abandons the line without touching the runner', () => {
    const { term, runner } = setup();
    term.input('oops', '\x03');
    expect(runner.interrupts).toBe(0);
    expect(term.screen.lines()).toEqual(['$ oops^C', '$']);
  });

  it('prints a failing command as an error and prompts again', async () => {
    const { term, runner } = setup();
    term.input('bad', '\r');
    runner.last.out('partial');
    runner.last.reject(new Error('boom'));
    await flush();
    expect(term.output).toContain('\x1b[31mboom\x1b[0m\r\n');
    expect(term.screen.lines()).toEqual(['$ bad', 'partial', 'boom', '$']);
  });

  it('drops output a command writes after it finished', async () => {
    const { term, runner } = setup();
    term.input('x', '\r');
    const { out } = runner.last;
    runner.last.resolve();
    await flush();
    out('stray\n');
    expect(term.screen.lines()).toEqual(['$ x', '$']);
  });

  it('re-evaluates a prompt function before each prompt', async () => {
    let n = 0;
    const { term, runner } = setup({ prompt: () => `${++n}> ` });
    term.input('a', '\r');
    runner.last.resolve();
    await flush();
    expect(term.screen.lines()).toEqual(['1> a', '2>']);
  });

  it('records history in the History it was given', async () => {
    const saved: string[][] = [];
    const history = new History(['old'], { onChange: (entries) => saved.push(entries) });
    const { term, runner, session } = setup({ history });
    expect(session.history).toBe(history);
    term.input('new', '\r');
    runner.last.resolve();
    await flush();
    expect(saved).toEqual([['old', 'new']]);
    term.input('\x1b[A', '\x1b[A');
    expect(session.editor.line).toBe('old');
  });

  it('follows terminal resizes', () => {
    const { term, session } = setup({ cols: 20 });
    term.input('kubectl get pods --all-namespaces');
    term.resize(12);
    expect(session.editor.cols).toBe(12);
    expect(term.screen.lines()).toEqual(['$ kubectl ge', 't pods --all', '-namespaces']);
  });

  it('calls onEof for Ctrl+D on an empty line', () => {
    const term = new FakeTerminal();
    let eofs = 0;
    new TerminalSession({ terminal: term, runner: new FakeRunner(), onEof: () => eofs++ });
    term.input('\x04', 'a', '\x01', '\x04');
    expect(eofs).toBe(1);
  });
});

describe('TerminalSession completion', () => {
  function withCompleter(complete: Completer) {
    const term = new FakeTerminal(40, 20);
    const requests: CompletionRequest[] = [];
    const session = new TerminalSession({
      terminal: term,
      runner: new FakeRunner(),
      prompt: '$ ',
      complete: (request) => {
        requests.push(request);
        return complete(request);
      },
    });
    return { term, session, requests };
  }

  it('inserts what the completer returns, then processes keys typed meanwhile', async () => {
    const { term, session, requests } = withCompleter(async () => ({ insert: 'ds ' }));
    term.input('get po', '\t', '-A');
    expect(session.editor.line).toBe('get po');
    await flush();
    expect(requests).toEqual([{ line: 'get po', cursor: 6, repeated: false }]);
    expect(session.editor.line).toBe('get pods -A');
    expect(term.screen.lines()).toEqual(['$ get pods -A']);
  });

  it('replaces the word before the cursor', async () => {
    const { term, session } = withCompleter(() => ({ insert: 'pods', replace: 2 }));
    term.input('get PO', '\t');
    await flush();
    expect(session.editor.line).toBe('get pods');
  });

  it('lists candidates on a repeated Tab', async () => {
    const { term, requests } = withCompleter((r) => (r.repeated ? { candidates: ['pods', 'nodes'] } : null));
    term.input('get ', '\t');
    await flush();
    expect(term.screen.bells).toBe(1);
    term.input('\t');
    await flush();
    expect(requests.map((r) => r.repeated)).toEqual([false, true]);
    expect(term.screen.lines()).toEqual(['$ get', 'pods   nodes', '$ get']);
  });

  it('rings the bell and carries on when the completer fails or is missing', async () => {
    const { term, session } = withCompleter(() => {
      throw new Error('no');
    });
    term.input('a', '\t', 'b');
    await flush();
    expect(term.screen.bells).toBe(1);
    expect(session.editor.line).toBe('ab');

    const plain = new FakeTerminal();
    const s2 = new TerminalSession({ terminal: plain, runner: new FakeRunner() });
    plain.input('x', '\t', 'y');
    await flush();
    expect(s2.editor.line).toBe('xy');
  });
});

describe('TerminalSession.typeCommand and dispose', () => {
  it('types text into the line at the cursor without running it', () => {
    const { term, runner, session } = setup();
    term.input('-n kube-system', '\x01');
    session.typeCommand('kubectl get pods\n');
    expect(runner.calls).toHaveLength(0);
    expect(session.editor.line).toBe('kubectl get pods-n kube-system');
  });

  it('flattens line breaks and drops control characters so nothing is submitted', () => {
    const { runner, session } = setup();
    session.typeCommand('kubectl get\r\npods\t-A\x03\x1b[D\n\n');
    expect(runner.calls).toHaveLength(0);
    expect(session.editor.line).toBe('kubectl get pods -A[D');
  });

  it('queues typed commands while a command runs', async () => {
    const { term, runner, session } = setup();
    term.input('a', '\r');
    session.typeCommand('next');
    expect(session.editor.line).toBe('');
    runner.last.resolve();
    await flush();
    expect(session.editor.line).toBe('next');
  });

  it('dispose unsubscribes, interrupts a running command and never prompts again', async () => {
    const { term, runner, session } = setup();
    term.input('watch', '\r');
    session.dispose();
    expect(term.listenerCount).toBe(0);
    expect(runner.interrupts).toBe(1);
    const before = term.output;
    runner.last.resolve();
    await flush();
    term.input('ignored');
    session.typeCommand('ignored');
    expect(term.output).toBe(before);
    session.dispose();
  });
});
