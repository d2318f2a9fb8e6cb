import { describe, expect, it } from 'vitest';
import { tokenize, type InputToken } from './escape-sequences.ts';

const keys = (input: string): (string | InputToken)[] =>
  tokenize(input).map((t) => (t.kind === 'key' ? t.key : t.kind === 'text' ? `text:${t.text}` : t));

describe('tokenize', () => {
  it('keeps printable runs, including unicode and astral characters, as one text token', () => {
    expect(tokenize('kubectl get pods 🚀 日本')).toEqual([{ kind: 'text', text: 'kubectl get pods 🚀 日本' }]);
  });

  it.each([
    ['\x1b[D', 'left'], ['\x1b[C', 'right'], ['\x1bOD', 'left'], ['\x1bOC', 'right'],
    ['\x1b[A', 'up'], ['\x1b[B', 'down'], ['\x1bOA', 'up'], ['\x1bOB', 'down'],
    ['\x1b[H', 'home'], ['\x1b[F', 'end'], ['\x1bOH', 'home'], ['\x1bOF', 'end'],
    ['\x1b[1~', 'home'], ['\x1b[4~', 'end'], ['\x1b[7~', 'home'], ['\x1b[8~', 'end'],
    ['\x1b[3~', 'delete'], ['\x1b[3;5~', 'killWordForward'],
    ['\x1b[1;5D', 'wordLeft'], ['\x1b[1;5C', 'wordRight'], ['\x1b[1;3D', 'wordLeft'], ['\x1b[1;3C', 'wordRight'],
    ['\x1b[1;2D', 'left'],
    ['\x1bb', 'wordLeft'], ['\x1bf', 'wordRight'], ['\x1bd', 'killWordForward'], ['\x1b\x7f', 'killAlnumWordBack'],
    ['\x7f', 'backspace'], ['\b', 'backspace'], ['\x01', 'home'], ['\x05', 'end'], ['\x02', 'left'],
    ['\x06', 'right'], ['\x15', 'killToStart'], ['\x0b', 'killToEnd'], ['\x17', 'killWordBack'],
    ['\x19', 'yank'], ['\x0c', 'clear'], ['\x03', 'interrupt'], ['\x04', 'eofOrDelete'], ['\r', 'enter'],
    ['\n', 'enter'], ['\r\n', 'enter'], ['\t', 'tab'], ['\x10', 'up'], ['\x0e', 'down'],
    ['\x1b[200~', 'pasteStart'], ['\x1b[201~', 'pasteEnd'],
  ])('maps %j to %s', (input, key) => {
    expect(keys(input)).toEqual([key]);
  });

  it('swallows unknown escape sequences without leaking their bytes as text', () => {
    for (const seq of ['\x1b[5~', '\x1b[6~', '\x1b[2~', '\x1b[15~', '\x1b[Z', '\x1b[?1;2c', '\x1bOP', '\x1bx',
      '\x1b]11;rgb:0000/0000/0000\x07', '\x1b]0;t\x1b\\', '\x1b[I']) {
      const tokens = tokenize(`a${seq}b`);
      const text = tokens.flatMap((t) => (t.kind === 'text' ? [t.text] : [])).join('');
      expect(text, JSON.stringify(seq)).toBe('ab');
    }
  });

  it('swallows a lone or truncated escape at the end of a chunk (xterm.js never splits one)', () => {
    for (const seq of ['\x1b', '\x1b[1;', '\x1bO', '\x1b]0;unterminated']) {
      expect(keys(`a${seq}`), JSON.stringify(seq)).toEqual(['text:a', expect.objectContaining({ kind: 'ignored' })]);
    }
  });

  it('treats modified up/down as plain history keys', () => {
    expect(keys('\x1b[1;5A')).toEqual(['up']);
  });

  it('splits mixed input in order', () => {
    expect(keys('ls\x1b[D\x7f-l\r')).toEqual(['text:ls', 'left', 'backspace', 'text:-l', 'enter']);
  });

  it('a lone ESC before a control key does not swallow the key', () => {
    expect(keys('\x1b\r').at(-1)).toBe('enter');
    expect(keys('\x1b\x1b[D').at(-1)).toBe('left');
  });

  it('ignores C0 controls that have no binding and C1 controls', () => {
    const ignored = expect.objectContaining({ kind: 'ignored' });
    expect(keys('a\x00\x07\x1a\x9bb')).toEqual(['text:a', ignored, ignored, ignored, ignored, 'text:b']);
  });

  it('swallows an Alt+astral character as a whole', () => {
    expect(keys('\x1b🚀x')).toEqual([expect.objectContaining({ kind: 'ignored', raw: '\x1b🚀' }), 'text:x']);
  });
});
