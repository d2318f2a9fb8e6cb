import { describe, expect, it } from 'vitest';
import { LineBuffer } from './line-buffer.ts';

function buffer(text: string, cursor?: number): LineBuffer {
  const b = new LineBuffer();
  b.set(text, cursor);
  return b;
}

describe('LineBuffer', () => {
  it('inserts at the cursor and removes ranges', () => {
    const b = buffer('kubectl pods', 8);
    b.insert('get ');
    expect(b.text).toBe('kubectl get pods');
    expect(b.cursor).toBe(12);
    expect(b.remove(0, 8)).toBe('kubectl ');
    expect(b.text).toBe('get pods');
    expect(b.cursor).toBe(0);
  });

  it('works in code points so astral characters are never split', () => {
    const b = buffer('a🚀b');
    expect(b.length).toBe(3);
    b.moveTo(2);
    expect(b.cursorOffset).toBe(3);
    expect(b.offsetToIndex(3)).toBe(2);
    b.remove(b.charStartBefore(), b.cursor);
    expect(b.text).toBe('ab');
  });

  it('keeps combining marks with their base for Left/Right/Backspace', () => {
    const b = buffer('ae\u0301\u0302z');
    expect(b.charStartBefore(4)).toBe(1);
    expect(b.charEndAfter(1)).toBe(4);
  });

  it('finds readline (alphanumeric) word boundaries', () => {
    const b = buffer('kubectl get pods/my-pod -n kube-system');
    expect(b.wordStartBefore()).toBe(32);
    expect(b.wordStartBefore(32)).toBe(27);
    expect(b.wordEndAfter(0)).toBe(7);
    expect(b.wordEndAfter(7)).toBe(11);
    expect(b.wordEndAfter(11)).toBe(16);
    expect(b.wordEndAfter(16)).toBe(19);
  });

  it('finds unix-word-rubout (whitespace) boundaries', () => {
    const b = buffer('kubectl get pods/my-pod   ');
    expect(b.spaceWordStartBefore()).toBe(12);
    expect(b.spaceWordStartBefore(12)).toBe(8);
    expect(b.spaceWordStartBefore(3)).toBe(0);
  });

  it('treats non-Latin letters as word characters', () => {
    const b = buffer('grüße 日本語');
    expect(b.wordEndAfter(0)).toBe(5);
    expect(b.wordStartBefore()).toBe(6);
  });

  it('clamps the cursor', () => {
    const b = buffer('abc');
    b.moveTo(10);
    expect(b.cursor).toBe(3);
    b.moveTo(-1);
    expect(b.cursor).toBe(0);
  });
});
