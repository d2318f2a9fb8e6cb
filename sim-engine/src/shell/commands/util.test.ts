import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { joinLines, parseCount, splitLines } from './util.ts';

describe('line helpers', () => {
  it('split without inventing a last empty line', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\nb')).toEqual(['a', 'b']);
    expect(splitLines('\n')).toEqual(['']);
    expect(joinLines(['a', 'b'])).toBe('a\nb\n');
  });

  it('parse counts', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount('+3')).toBe(3);
    expect(parseCount('-1')).toBeUndefined();
    expect(parseCount('x')).toBeUndefined();
  });
});

describe('tool option errors', () => {
  it('print GNU wording and the tool’s usage status', async () => {
    const t = testShell();
    expect(await t.run('head -z')).toMatchObject({ stderr: "head: invalid option -- 'z'\nTry 'head --help' for more information.\n", status: 1 });
    expect(await t.run('grep -z x')).toMatchObject({
      stderr: "grep: invalid option -- 'z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      status: 2,
    });
    expect(await t.run('sort --frobnicate')).toMatchObject({ stderr: "sort: unrecognized option '--frobnicate'\nTry 'sort --help' for more information.\n", status: 2 });
  });

  it('answer --help with the supported options', async () => {
    const t = testShell();
    const r = await t.run('wc --help');
    expect(r.stdout.split('\n')[0]).toBe('Usage: wc [OPTION]... [FILE]...');
    expect(r.status).toBe(0);
  });
});
