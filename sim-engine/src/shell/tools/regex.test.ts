import { describe, it, expect } from 'vitest';
import { RegexError, compileRegex, gnuRegexMessage, translateRegex } from './regex.ts';

describe('translateRegex', () => {
  it.each([
    ['a\\(b\\)*', false, 'a(b)*'],
    ['a(b)+', false, 'a\\(b\\)\\+'],
    ['a(b)+', true, 'a(b)+'],
    ['*a', false, '\\*a'],
    ['a^b$', false, 'a\\^b$'],
    ['a$b', false, 'a\\$b'],
    ['\\<x\\>', false, '\\bx\\b'],
    ['[[:upper:]][^]x]', false, '[A-Z][^\\]x]'],
    ['x\\{2\\}', false, 'x{2}'],
    ['a.b', true, 'a.b'],
    ['a/b', false, 'a\\/b'],
  ])('%s (extended %s)', (pattern, extended, want) => {
    expect(translateRegex(pattern, extended)).toBe(want);
  });
});

describe('compileRegex', () => {
  it('honours flags', () => {
    expect(compileRegex('WEB', { extended: false, ignoreCase: true }).test('web-1')).toBe(true);
    expect(compileRegex('a', { extended: false, global: true }).flags).toBe('g');
  });

  it('words errors like GNU', () => {
    expect(() => compileRegex('[a', { extended: false })).toThrow(new RegexError('Unmatched [, [^, [:, [., or [='));
    expect(() => compileRegex('(', { extended: true })).toThrow(new RegexError('Unmatched ( or \\('));
    expect(() => compileRegex('a\\', { extended: false })).toThrow(new RegexError('Trailing backslash'));
    expect(gnuRegexMessage(new SyntaxError('Nothing to repeat'))).toBe('Invalid preceding regular expression');
  });
});
