import { describe, expect, it } from 'vitest';
import { recolourPrompts, wrapWords } from './terminal-text.ts';

describe('wrapWords', () => {
  it('breaks at spaces within the width, ignoring colour codes', () => {
    expect(wrapWords('one two three four', 9)).toBe('one two\r\nthree\r\nfour');
    expect(wrapWords('\x1b[2mone two\x1b[0m three', 11)).toBe('\x1b[2mone two\x1b[0m\r\nthree');
    expect(wrapWords('short\r\nlines stay', 40)).toBe('short\r\nlines stay');
  });

  it('leaves a word longer than the width whole, and tiny widths alone', () => {
    expect(wrapWords('a verylongword b', 11)).toBe('a\r\nverylongword\r\nb');
    expect(wrapWords('a b c', 0)).toBe('a b c');
  });
});

describe('recolourPrompts', () => {
  it('colours user@host and the directory of prompt lines only', () => {
    expect(recolourPrompts('learner@wheelhouse:~/k8s$ ls\nweb.yaml')).toBe('\x1b[1;32mlearner@wheelhouse\x1b[0m:\x1b[1;34m~/k8s\x1b[0m$ ls\nweb.yaml');
    expect(recolourPrompts('echo learner@wheelhouse:~$ x')).toBe('echo learner@wheelhouse:~$ x');
  });
});
