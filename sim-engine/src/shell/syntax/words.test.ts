import { describe, it, expect } from 'vitest';
import type { WordPart } from './ast.ts';
import { parseAll } from './parser.ts';
import { decodeEscape, mergeText } from './words.ts';

function parts(src: string): WordPart[] {
  const [item] = parseAll(`echo ${src}`);
  const cmd = item!.first.commands[0]!;
  if (cmd.type !== 'simple') throw new Error('not simple');
  return cmd.words[1]!.parts;
}

describe('word quoting', () => {
  it('keeps single-quoted text literal', () => {
    expect(parts("'$HOME \\n'")).toEqual([{ type: 'text', text: '$HOME \\n', quoted: true }]);
  });

  it('expands in double quotes and honours only its escapes', () => {
    expect(parts('"a $B \\$c \\x \\" ${D}"')).toEqual([
      { type: 'text', text: 'a ', quoted: true },
      { type: 'param', name: 'B', quoted: true },
      { type: 'text', text: ' $c \\x " ', quoted: true },
      { type: 'param', name: 'D', quoted: true },
    ]);
  });

  it('makes a backslash quote the next character outside quotes and joins continued lines', () => {
    expect(parts('a\\ b\\\nc')).toEqual([
      { type: 'text', text: 'a', quoted: false },
      { type: 'text', text: ' ', quoted: true },
      { type: 'text', text: 'bc', quoted: false },
    ]);
  });

  it('keeps an empty quoted string as a word', () => {
    expect(parts('""')).toEqual([{ type: 'text', text: '', quoted: true }]);
  });

  it('reads special parameters, ${...} operators and ANSI-C strings', () => {
    expect(parts('$?$$')).toEqual([
      { type: 'param', name: '?', quoted: false },
      { type: 'param', name: '$', quoted: false },
    ]);
    expect(parts('${X:-def}')).toEqual([{ type: 'param', name: 'X', op: ':-', arg: [{ type: 'text', text: 'def', quoted: false }], quoted: false }]);
    expect(parts('${#X}')).toEqual([{ type: 'param', name: 'X', op: '#', quoted: false }]);
    expect(parts("$'a\\tb'")).toEqual([{ type: 'text', text: 'a\tb', quoted: true }]);
    expect(parts('a$')).toEqual([{ type: 'text', text: 'a$', quoted: false }]);
  });

  it('parses command substitutions, both forms', () => {
    const dollar = parts('$(kubectl get pods)');
    const backtick = parts('`kubectl get pods`');
    expect(dollar[0]?.type).toBe('command');
    expect(backtick).toEqual(dollar);
  });

  it('marks bad substitutions as unsupported instead of failing the parse', () => {
    expect(parts('${a b}')).toEqual([{ type: 'unsupported', message: '${a b}: bad substitution' }]);
  });

  it('reads arithmetic up to its `))`, with expansions inside and double quotes dropped', () => {
    expect(parts('$(( i + "1" ))')).toEqual([{ type: 'arith', parts: [{ type: 'text', text: ' i + 1 ', quoted: true }], raw: ' i + "1" ', quoted: false }]);
    expect(parts('"$(($x*2))"')[1]).toMatchObject({ type: 'arith', parts: [{ type: 'param', name: 'x' }, { type: 'text', text: '*2' }], quoted: true });
    // `$((` that does not close with `))` is a command substitution of a subshell, as in bash.
    expect(parts('$((echo a) )')[0]?.type).toBe('command');
  });
});

describe('decodeEscape', () => {
  it.each([
    ['n', '\n', 1],
    ['x41', 'A', 3],
    ['101', 'A', 3],
    ['u263a', '☺', 5],
    ['q', '\\q', 1],
  ])('\\%s', (src, text, used) => {
    expect(decodeEscape(src, 0)).toEqual([text, used]);
  });
});

describe('mergeText', () => {
  it('joins neighbours of equal quoting only', () => {
    expect(
      mergeText([
        { type: 'text', text: 'a', quoted: false },
        { type: 'text', text: 'b', quoted: false },
        { type: 'text', text: 'c', quoted: true },
      ]),
    ).toEqual([
      { type: 'text', text: 'ab', quoted: false },
      { type: 'text', text: 'c', quoted: true },
    ]);
  });
});
