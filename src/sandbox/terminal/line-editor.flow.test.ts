import { describe, expect, it } from 'vitest';
import { History } from './history.ts';
import { CLEAR_SCREEN, LineEditor } from './line-editor.ts';
import { expectInSync, harness } from './testing/editor-harness.ts';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const HOME = '\x1b[H';

describe('LineEditor: submitting, interrupting, clearing', () => {
  it('Enter submits, records history, and waits for prompt()', () => {
    const h = harness();
    h.type('kubectl get pods', LEFT, '\r');
    expect(h.actions).toEqual([{ type: 'submit', line: 'kubectl get pods' }]);
    expect(h.editor.history.toArray()).toEqual(['kubectl get pods']);
    expect(h.editor.waitingFor).toBe('prompt');
    expect(h.screen.lines()).toEqual(['$ kubectl get pods']);
    expect(h.screen.cursor).toEqual({ row: 1, col: 0, pendingWrap: false });
  });

  it('queues input that arrives before prompt() like typeahead', () => {
    const h = harness();
    h.type('ls\r', 'pw', 'd');
    expect(h.editor.hasPendingInput).toBe(true);
    expect(h.screen.lines()).toEqual(['$ ls']);
    h.apply(h.editor.prompt());
    expect(h.editor.line).toBe('pwd');
    expect(h.editor.hasPendingInput).toBe(false);
    expectInSync(h);
  });

  it('queues input fed before the very first prompt', () => {
    const editor = new LineEditor();
    expect(editor.feed('ab')).toEqual({ output: '', actions: [] });
    expect(editor.prompt('> ').output).toBe('> ab');
  });

  it('submits pasted lines one at a time, each after the host prompts again', () => {
    const h = harness();
    h.type('get pods\rget nodes\r\nget svc\nget de');
    expect(h.actions).toEqual([{ type: 'submit', line: 'get pods' }]);
    h.apply(h.editor.prompt());
    expect(h.actions.at(-1)).toEqual({ type: 'submit', line: 'get nodes' });
    h.apply(h.editor.prompt());
    expect(h.actions.at(-1)).toEqual({ type: 'submit', line: 'get svc' });
    h.apply(h.editor.prompt());
    expect(h.actions).toHaveLength(3);
    expect(h.editor.line).toBe('get de');
    expect(h.screen.lines()).toEqual(['$ get pods', '$ get nodes', '$ get svc', '$ get de']);
    expect(h.editor.history.toArray()).toEqual(['get pods', 'get nodes', 'get svc']);
  });

  it('discardPending drops queued typeahead', () => {
    const h = harness();
    h.type('a\rb\rc');
    h.editor.discardPending();
    h.apply(h.editor.prompt());
    expect(h.editor.line).toBe('');
    expect(h.actions).toHaveLength(1);
  });

  it('Ctrl+C abandons the line: ^C at its end, a fresh prompt, no history', () => {
    const h = harness();
    h.type('kubectl delete', HOME, '\x03');
    expect(h.actions).toEqual([{ type: 'interrupt', line: 'kubectl delete' }]);
    expect(h.screen.lines()).toEqual(['$ kubectl delete^C', '$']);
    expect(h.editor.line).toBe('');
    expect(h.editor.waitingFor).toBe(null);
    expect(h.editor.history.length).toBe(0);
    h.type('ok');
    expectInSync(h);
  });

  it('Ctrl+L clears the screen and redraws prompt and line with the cursor in place', () => {
    const h = harness({ before: 'old output\r\nmore\r\n' });
    h.type('get pods', LEFT, '\x0c');
    expect(h.actions).toEqual([{ type: 'clear' }]);
    expect(h.screen.lines()).toEqual(['$ get pods']);
    expect(h.editor.cursor).toBe(7);
    expectInSync(h);
    h.type('X');
    expect(h.editor.line).toBe('get podXs');
  });

  it('emits the clear sequence before the redraw', () => {
    const editor = new LineEditor();
    editor.prompt('$ ');
    editor.feed('a');
    expect(editor.feed('\x0c').output.startsWith(CLEAR_SCREEN)).toBe(true);
  });

  it('does not record blank or space-prefixed lines in history', () => {
    const h = harness();
    h.type(' secret\r');
    h.apply(h.editor.prompt());
    h.type('   \r');
    expect(h.editor.history.length).toBe(0);
    expect(h.actions.map((a) => a.type)).toEqual(['submit', 'submit']);
  });
});

describe('LineEditor: history', () => {
  const history = ['kubectl get pods', 'kubectl get nodes', 'kubectl describe node n1'];

  it('walks back and forth, restoring the draft past the newest entry', () => {
    const h = harness({ history });
    h.type('kubectl lo');
    h.type(UP);
    expect(h.editor.line).toBe('kubectl describe node n1');
    h.type(UP, UP);
    expect(h.editor.line).toBe('kubectl get pods');
    h.type(UP);
    expect(h.editor.line).toBe('kubectl get pods');
    h.type(DOWN);
    expect(h.editor.line).toBe('kubectl get nodes');
    h.type(DOWN, DOWN);
    expect(h.editor.line).toBe('kubectl lo');
    expect(h.editor.cursor).toBe(10);
    h.type(DOWN);
    expect(h.editor.line).toBe('kubectl lo');
    expectInSync(h);
  });

  it.each([['SS3', '\x1bOA', '\x1bOB'], ['Ctrl+P/N', '\x10', '\x0e']])('supports %s', (_n, up, down) => {
    const h = harness({ history });
    h.type(up);
    expect(h.editor.line).toBe(history[2]);
    h.type(down);
    expect(h.editor.line).toBe('');
  });

  it('does nothing with an empty history', () => {
    const h = harness();
    h.type('x', UP, DOWN);
    expect(h.editor.line).toBe('x');
  });

  it('keeps edits to a recalled entry while navigating, but never changes history itself', () => {
    const h = harness({ history });
    h.type(UP, UP, '\x17', 'pods');
    expect(h.editor.line).toBe('kubectl get pods');
    h.type(UP);
    expect(h.editor.line).toBe('kubectl get pods');
    h.type(DOWN);
    expect(h.editor.line).toBe('kubectl get pods');
    expect(h.editor.history.toArray()).toEqual(history);
    h.type('\r');
    expect(h.editor.history.toArray()).toEqual([...history, 'kubectl get pods']);
    h.apply(h.editor.prompt());
    h.type(UP, UP, UP);
    expect(h.editor.line).toBe('kubectl get nodes');
  });

  it('forgets the draft and edits after Ctrl+C', () => {
    const h = harness({ history });
    h.type('draft', UP, 'X', '\x03', UP);
    expect(h.editor.line).toBe(history[2]);
    h.type(DOWN);
    expect(h.editor.line).toBe('');
  });

  it('navigates a shared History instance that already has entries', () => {
    const shared = new History(['one', 'two']);
    const editor = new LineEditor({ history: shared });
    editor.prompt('$ ');
    editor.feed(UP);
    expect(editor.line).toBe('two');
  });
});

describe('LineEditor: completion', () => {
  it('Tab asks the host to complete and queues later input until it answers', () => {
    const h = harness();
    h.type('kubectl get po', LEFT, LEFT, RIGHT, RIGHT);
    h.type('\t', 'd', 's');
    expect(h.actions).toEqual([{ type: 'complete', line: 'kubectl get po', cursor: 14, repeated: false }]);
    expect(h.editor.waitingFor).toBe('completion');
    expect(h.editor.line).toBe('kubectl get po');
    h.apply(h.editor.insertCompletion('ds '));
    expect(h.editor.line).toBe('kubectl get pods ds');
    expect(h.editor.waitingFor).toBe(null);
    expectInSync(h);
  });

  it('reports the cursor as a UTF-16 offset', () => {
    const h = harness();
    h.type('🚀 x', '\t');
    expect(h.actions[0]).toEqual({ type: 'complete', line: '🚀 x', cursor: 4, repeated: false });
  });

  it('marks a second Tab with nothing inserted as repeated', () => {
    const h = harness();
    h.type('kubectl get ', '\t');
    h.apply(h.editor.resume());
    h.type('\t');
    expect(h.actions.map((a) => a.type === 'complete' && a.repeated)).toEqual([false, true]);
    h.apply(h.editor.insertCompletion('p'));
    h.type('\t');
    expect(h.actions.at(-1)).toMatchObject({ repeated: false });
  });

  it('replaces text before the cursor when asked', () => {
    const h = harness();
    h.type('kubectl get Po', '\t');
    h.apply(h.editor.insertCompletion('pods ', 2));
    expect(h.editor.line).toBe('kubectl get pods ');
    expectInSync(h);
  });

  it('shows candidates below the line and redraws prompt and line', () => {
    const h = harness({ cols: 40, prompt: 'P> ' });
    h.type('kubectl get ', 'x', LEFT, '\t', '\t');
    h.apply(h.editor.resume());
    h.apply(h.editor.showCandidates(['configmaps', 'deployments', 'nodes', 'pods', 'secrets']));
    expect(h.screen.lines()).toEqual([
      'P> kubectl get x',
      'configmaps   nodes        secrets',
      'deployments  pods',
      'P> kubectl get x',
    ]);
    expect(h.editor.cursor).toBe(12);
    expectInSync(h);
  });

  it('sanitises control characters out of completions', () => {
    const h = harness();
    h.type('a', '\t');
    h.apply(h.editor.insertCompletion('b\x1b[2Jc\r'));
    expect(h.editor.line).toBe('ab[2Jc');
  });
});

describe('LineEditor: pasted and unknown input', () => {
  it('never inserts unknown escape sequences', () => {
    const h = harness();
    h.type('a', '\x1b[5~', '\x1b[24~', '\x1bOP', '\x1b[Z', '\x1bx', '\x1b[?1;2c', 'b');
    expect(h.editor.line).toBe('ab');
  });

  it('inserts a pasted Tab as a space instead of completing', () => {
    const h = harness();
    h.type('a\tb');
    expect(h.editor.line).toBe('a b');
    expect(h.actions).toEqual([]);
  });

  it('handles bracketed paste: literal text, control keys ignored, newlines still submit', () => {
    const h = harness();
    h.type('\x1b[200~get\x03\x15 pods\tx\rnext\x1b[201~');
    expect(h.actions).toEqual([{ type: 'submit', line: 'get pods x' }]);
    h.apply(h.editor.prompt());
    expect(h.editor.line).toBe('next');
    h.type('\x15');
    expect(h.editor.line).toBe('');
  });
});
