import { describe, expect, it } from 'vitest';
import { charWidth, stringWidth, stripAnsi } from './char-width.ts';

const cp = (s: string): number => s.codePointAt(0) ?? 0;

describe('charWidth', () => {
  it('matches xterm.js Unicode 6 widths', () => {
    expect(charWidth(cp('a'))).toBe(1);
    expect(charWidth(cp('é'))).toBe(1);
    expect(charWidth(cp('漢'))).toBe(2);
    expect(charWidth(cp('한'))).toBe(2);
    expect(charWidth(cp('Ａ'))).toBe(2);
    expect(charWidth(0x303f)).toBe(1);
    expect(charWidth(cp('𠀀'))).toBe(2);
    expect(charWidth(0x0301)).toBe(0);
    expect(charWidth(0x200b)).toBe(0);
    expect(charWidth(0xe0100)).toBe(0);
    expect(charWidth(0x07)).toBe(0);
    expect(charWidth(0x9b)).toBe(0);
    // Unicode 6 predates wide emoji.
    expect(charWidth(cp('🚀'))).toBe(1);
  });
});

describe('stripAnsi / stringWidth', () => {
  const prompt = '\x1b[1;32mlearner@wheelhouse\x1b[0m:\x1b[1;34m~\x1b[0m$ ';

  it('removes colours, OSC titles and readline ignore markers', () => {
    expect(stripAnsi(prompt)).toBe('learner@wheelhouse:~$ ');
    expect(stripAnsi('\x1b]0;title\x07$ ')).toBe('$ ');
    expect(stripAnsi('\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\')).toBe('link');
    expect(stripAnsi('\x01\x1b[1m\x02>')).toBe('>');
  });

  it('counts cells, not code units', () => {
    expect(stringWidth(prompt)).toBe(22);
    expect(stringWidth('日本 🚀')).toBe(6);
    expect(stringWidth('e\u0301')).toBe(1);
  });
});
