import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor.ts';
import { expectInSync, harness } from './testing/editor-harness.ts';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const HOME = '\x1b[H';
const END = '\x1b[F';
const DEL = '\x1b[3~';
const BS = '\x7f';

describe('LineEditor: insertion and movement', () => {
  it('echoes typed text verbatim at the end of the line', () => {
    const editor = new LineEditor();
    expect(editor.prompt('$ ')).toEqual({ output: '$ ', actions: [] });
    expect(editor.feed('k')).toEqual({ output: 'k', actions: [] });
    expect(editor.feed('ubectl')).toEqual({ output: 'ubectl', actions: [] });
    expect(editor.line).toBe('kubectl');
    expect(editor.cursor).toBe(7);
  });

  it('inserts at the cursor, including pasted and multi-byte text', () => {
    const h = harness();
    h.type('kubectl pods', LEFT, LEFT, LEFT, LEFT, 'get ', END, ' 🚀 日本');
    expect(h.editor.line).toBe('kubectl get pods 🚀 日本');
    expect(h.editor.cursor).toBe(h.editor.line.length);
    expectInSync(h);
  });

  it.each([
    ['arrows', LEFT, RIGHT], ['SS3 arrows', '\x1bOD', '\x1bOC'], ['Ctrl+B/F', '\x02', '\x06'],
  ])('moves by character with %s', (_name, left, right) => {
    const h = harness();
    h.type('abc', left, left);
    expect(h.editor.cursor).toBe(1);
    h.type(right);
    expect(h.editor.cursor).toBe(2);
    h.type(right, right, right);
    expect(h.editor.cursor).toBe(3);
    h.type(left, left, left, left);
    expect(h.editor.cursor).toBe(0);
    expectInSync(h);
  });

  it.each([
    ['\x1b[H', '\x1b[F'], ['\x1bOH', '\x1bOF'], ['\x1b[1~', '\x1b[4~'], ['\x1b[7~', '\x1b[8~'], ['\x01', '\x05'],
  ])('moves to start with %j and end with %j', (home, end) => {
    const h = harness();
    h.type('get pods', home);
    expect(h.editor.cursor).toBe(0);
    h.type(end);
    expect(h.editor.cursor).toBe(8);
  });

  it('moves by readline words with Alt+B/F and Ctrl+Left/Right', () => {
    const h = harness();
    h.type('kubectl get pods/my-pod');
    h.type('\x1bb');
    expect(h.editor.cursor).toBe(20);
    h.type('\x1b[1;5D', '\x1b[1;5D');
    expect(h.editor.cursor).toBe(12);
    h.type('\x1bf');
    expect(h.editor.cursor).toBe(16);
    h.type('\x1b[1;5C');
    expect(h.editor.cursor).toBe(19);
    expectInSync(h);
  });

  it('treats a base letter plus combining marks as one character', () => {
    const h = harness();
    h.type('ae\u0301z', LEFT, LEFT);
    expect(h.editor.cursor).toBe(1);
    h.type(DEL);
    expect(h.editor.line).toBe('az');
    expectInSync(h);
  });

  it('moves over astral characters as one character', () => {
    const h = harness();
    h.type('a🚀b', LEFT, LEFT);
    expect(h.editor.cursor).toBe(1);
    h.type(RIGHT);
    expect(h.editor.cursor).toBe(3);
  });
});

describe('LineEditor: deletion, kill and yank', () => {
  it('deletes backwards with DEL and BS, and forwards with Delete', () => {
    const h = harness();
    h.type('abcdef', LEFT, LEFT, BS, '\b', DEL);
    expect(h.editor.line).toBe('abf');
    expect(h.editor.cursor).toBe(2);
    h.type(HOME, BS);
    expect(h.editor.line).toBe('abf');
    h.type(END, DEL);
    expect(h.editor.line).toBe('abf');
    expectInSync(h);
  });

  it('Ctrl+D deletes under the cursor, or reports eof on an empty line', () => {
    const h = harness();
    h.type('ab', LEFT, '\x04');
    expect(h.editor.line).toBe('a');
    expect(h.actions).toEqual([]);
    h.type('\x04');
    expect(h.editor.line).toBe('a');
    h.type(BS, '\x04');
    expect(h.actions).toEqual([{ type: 'eof' }]);
  });

  it('Ctrl+U kills to the start and Ctrl+Y yanks it back', () => {
    const h = harness();
    h.type('get pods', LEFT, LEFT, LEFT, LEFT, '\x15');
    expect(h.editor.line).toBe('pods');
    expect(h.editor.cursor).toBe(0);
    h.type(END, ' ', '\x19');
    expect(h.editor.line).toBe('pods get ');
    expectInSync(h);
  });

  it('Ctrl+K kills to the end', () => {
    const h = harness();
    h.type('get pods -A', HOME, '\x1bf', '\x0b');
    expect(h.editor.line).toBe('get');
    h.type(HOME, '\x19');
    expect(h.editor.line).toBe(' pods -Aget');
  });

  it('Ctrl+W kills the previous whitespace-delimited word (unix-word-rubout)', () => {
    const h = harness();
    h.type('kubectl get pods/my-pod  ', '\x17');
    expect(h.editor.line).toBe('kubectl get ');
    h.type('\x17');
    expect(h.editor.line).toBe('kubectl ');
    expectInSync(h);
  });

  it('accumulates consecutive kills so one yank restores them all', () => {
    const h = harness();
    h.type('kubectl get pods', '\x17', '\x17');
    expect(h.editor.line).toBe('kubectl ');
    h.type('\x19');
    expect(h.editor.line).toBe('kubectl get pods');
    h.type(HOME, '\x0b', 'x', '\x19');
    expect(h.editor.line).toBe('xkubectl get pods');
  });

  it('starts a new kill after any other key', () => {
    const h = harness();
    h.type('aa bb cc', '\x17', LEFT, RIGHT, '\x17', '\x19');
    expect(h.editor.line).toBe('aa bb ');
  });

  it('Alt+D kills the next word and Alt+Backspace the previous alphanumeric word', () => {
    const h = harness();
    h.type('kubectl get pods/my-pod', HOME, '\x1bd');
    expect(h.editor.line).toBe(' get pods/my-pod');
    h.type(END, '\x1b\x7f');
    expect(h.editor.line).toBe(' get pods/my-');
    h.type('\x1b[3;5~');
    expect(h.editor.line).toBe(' get pods/my-');
  });

  it('yank with an empty kill buffer does nothing', () => {
    const h = harness();
    h.type('a', '\x19');
    expect(h.editor.line).toBe('a');
  });
});
