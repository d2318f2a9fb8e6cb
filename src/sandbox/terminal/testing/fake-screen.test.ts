import { describe, expect, it } from 'vitest';
import { FakeScreen } from './fake-screen.ts';

describe('FakeScreen', () => {
  it('prints text and wraps at the last column with a pending wrap', () => {
    const s = new FakeScreen({ cols: 5, rows: 4 });
    s.write('abcde');
    expect(s.cursor).toEqual({ row: 0, col: 4, pendingWrap: true });
    s.write('f');
    expect(s.lines()).toEqual(['abcde', 'f']);
    expect(s.isWrapped(1)).toBe(true);
    expect(s.cursor).toEqual({ row: 1, col: 1, pendingWrap: false });
  });

  it('CR in the pending state returns to the start of the row that was written', () => {
    const s = new FakeScreen({ cols: 3, rows: 3 });
    s.write('abc\rX');
    expect(s.lines()).toEqual(['Xbc']);
  });

  it('LF clears the wrapped flag and keeps the column', () => {
    const s = new FakeScreen({ cols: 4, rows: 3 });
    s.write('ab\nc');
    expect(s.lines()).toEqual(['ab', '  c']);
    expect(s.isWrapped(1)).toBe(false);
  });

  it('refuses erase and relative moves while a wrap is pending (terminals disagree there)', () => {
    for (const seq of ['\x1b[J', '\x1b[K', '\x1b[X', '\b', '\x1b[1D', '\x1b[1C']) {
      const s = new FakeScreen({ cols: 3 });
      s.write('abc');
      expect(() => s.write(seq)).toThrow(/pending/);
    }
  });

  it('moves with CUU/CUD/CHA and erases with ED/EL', () => {
    const s = new FakeScreen({ cols: 4, rows: 4 });
    s.write('abcdefgh');
    s.write('\x1b[1A\x1b[2G\x1b[K');
    expect(s.lines()).toEqual(['a', 'efgh']);
    s.write('\x1b[1B\x1b[3GZ');
    expect(s.lines()).toEqual(['a', 'efZh']);
    s.write('\r\x1b[1A\x1b[2C\x1b[J');
    expect(s.lines()).toEqual(['a']);
  });

  it('ECH erases cells without touching the wrapped flag', () => {
    const s = new FakeScreen({ cols: 2, rows: 3 });
    s.write('abc\r\x1b[X');
    expect(s.lines()).toEqual(['ab']);
    expect(s.isWrapped(1)).toBe(true);
  });

  it('ED at column 0 clears the row wrapped flag, like xterm.js', () => {
    const s = new FakeScreen({ cols: 2, rows: 3 });
    s.write('abc');
    expect(s.isWrapped(1)).toBe(true);
    s.write('\r\x1b[J');
    expect(s.isWrapped(1)).toBe(false);
  });

  it('wraps a wide character that does not fit, leaving the last cell blank', () => {
    const s = new FakeScreen({ cols: 3 });
    s.write('ab漢');
    expect(s.lines()).toEqual(['ab', '漢']);
    expect(s.cursor).toEqual({ row: 1, col: 2, pendingWrap: false });
  });

  it('joins combining marks to the previous cell', () => {
    const s = new FakeScreen({ cols: 4 });
    s.write('e\u0301x');
    expect(s.lines()).toEqual(['e\u0301x']);
    expect(s.cursor.col).toBe(2);
  });

  it('scrolls at the bottom and keeps scrollback', () => {
    const s = new FakeScreen({ cols: 3, rows: 2 });
    s.write('one\r\ntwo\r\nsix');
    expect(s.scrollback).toEqual(['one']);
    expect(s.lines()).toEqual(['two', 'six']);
    s.write('\x1b[H\x1b[2J');
    expect(s.lines()).toEqual([]);
    expect(s.cursor).toEqual({ row: 0, col: 0, pendingWrap: false });
  });

  it('throws on sequences it does not model', () => {
    const s = new FakeScreen({ cols: 3 });
    expect(() => s.write('\x1b[5S')).toThrow(/unsupported/);
    expect(() => s.write('\x1bM')).toThrow(/unsupported/);
    expect(() => s.write('\x0e')).toThrow(/unsupported/);
  });

  it('ignores SGR colours', () => {
    const s = new FakeScreen({ cols: 10 });
    s.write('\x1b[1;32mok\x1b[0m');
    expect(s.lines()).toEqual(['ok']);
  });
});
