import { describe, it, expect } from 'vitest';
import { AwkSyntaxError, tokenize } from './awk-lex.ts';

describe('tokenize', () => {
  it('splits programs into tokens with their columns', () => {
    expect(tokenize('$1 >= 10 { print "a\\tb" }').map((t) => [t.t, t.v, t.at])).toEqual([
      ['op', '$', 0],
      ['num', '1', 1],
      ['op', '>=', 3],
      ['num', '10', 6],
      ['op', '{', 9],
      ['name', 'print', 11],
      ['str', 'a\tb', 17],
      ['op', '}', 24],
      ['eof', '', 25],
    ]);
  });

  it('reads a slash after an operand as division and elsewhere as a regex', () => {
    expect(tokenize('a / 2').map((t) => t.t)).toEqual(['name', 'op', 'num', 'eof']);
    expect(tokenize('/a\\/b/').map((t) => [t.t, t.v])).toEqual([
      ['regex', 'a/b'],
      ['eof', ''],
    ]);
  });

  it('rejects unterminated strings and arrays', () => {
    expect(() => tokenize('"open')).toThrow(new AwkSyntaxError('unterminated string', 0));
    expect(() => tokenize('a[1]')).toThrow(AwkSyntaxError);
  });
});
