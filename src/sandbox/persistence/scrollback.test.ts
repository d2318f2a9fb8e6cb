import { describe, expect, it } from 'vitest';
import { captureScrollback, MAX_SCROLLBACK_CHARS, MAX_SCROLLBACK_LINES, scrollbackToTerminal, stripAnsi } from './scrollback.ts';

const PROMPT = '\x1b[1;32mlearner@wheelhouse\x1b[0m:\x1b[1;34m~\x1b[0m$ ';
const row = (text: string, wrapped = false) => ({ text, wrapped });

describe('captureScrollback', () => {
  it('joins wrapped rows, trims blanks and drops the live prompt line', () => {
    const rows = [
      row('learner@wheelhouse:~$ kubectl run web --ima'),
      row('ge=nginx', true),
      row('pod/web created'),
      row('learner@wheelhouse:~$ kubectl get po   '),
      row(''),
      row(''),
    ];
    expect(captureScrollback(rows, PROMPT)).toBe('learner@wheelhouse:~$ kubectl run web --image=nginx\npod/web created');
  });

  it('keeps the last line when a command is still printing', () => {
    expect(captureScrollback([row('Every 2.0s: kubectl get pods'), row('NAME  READY')], PROMPT)).toBe('Every 2.0s: kubectl get pods\nNAME  READY');
  });

  it('keeps only the newest lines and characters', () => {
    const many = Array.from({ length: MAX_SCROLLBACK_LINES + 50 }, (_, i) => row(`line ${i}`));
    const text = captureScrollback(many, PROMPT).split('\n');
    expect(text).toHaveLength(MAX_SCROLLBACK_LINES);
    expect(text.at(-1)).toBe(`line ${MAX_SCROLLBACK_LINES + 49}`);
    const wide = Array.from({ length: 300 }, () => row('x'.repeat(500)));
    expect(captureScrollback(wide, PROMPT).length).toBeLessThanOrEqual(MAX_SCROLLBACK_CHARS);
  });

  it('is empty for an empty terminal', () => {
    expect(captureScrollback([], PROMPT)).toBe('');
    expect(captureScrollback([row('learner@wheelhouse:~$ ')], PROMPT)).toBe('');
  });
});

describe('scrollbackToTerminal', () => {
  it('writes lines with CRLF and drops control bytes', () => {
    expect(scrollbackToTerminal('a\nb\x1b[2Jc\x07')).toBe('a\r\nb[2Jc\r\n');
    expect(scrollbackToTerminal('')).toBe('');
  });
});

describe('stripAnsi', () => {
  it('removes colour sequences', () => {
    expect(stripAnsi(PROMPT)).toBe('learner@wheelhouse:~$ ');
  });
});
