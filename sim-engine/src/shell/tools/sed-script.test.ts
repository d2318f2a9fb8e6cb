import { describe, it, expect } from 'vitest';
import { SedError, parseSed, substitute } from './sed-script.ts';

describe('parseSed', () => {
  it('reads addresses, negation, blocks and commands', () => {
    const [range, block] = parseSed('2,/x/!d; /y/{p;s/a/b/g}', 1, false);
    expect(range).toMatchObject({ from: { type: 'line', line: 2 }, to: { type: 'regex' }, negate: true, name: 'd' });
    expect(block?.name).toBe('{');
    expect(block?.body?.map((c) => c.name)).toEqual(['p', 's']);
  });

  it('throws GNU-worded errors', () => {
    expect(() => parseSed('s/a/b', 1, false)).toThrow(new SedError("-e expression #1, char 5: unterminated `s' command"));
    expect(() => parseSed('p}', 2, false)).toThrow(new SedError("-e expression #2, char 2: unexpected `}'"));
    expect(() => parseSed('y/ab/c/', 1, false)).toThrow(new SedError("-e expression #1, char 7: strings for `y' command are different lengths"));
  });
});

describe('substitute', () => {
  it('replaces chosen occurrences with & and groups', () => {
    const [cmd] = parseSed('s/\\(o\\)/[\\1&]/2g', 1, false);
    expect(substitute(cmd!, 'foo boo')).toBe('fo[oo] b[oo][oo]');
    const [none] = parseSed('s/x/y/', 1, false);
    expect(substitute(none!, 'abc')).toBeUndefined();
  });
});
