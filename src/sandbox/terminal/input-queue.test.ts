import { describe, expect, it } from 'vitest';
import { InputQueue, type QueuedToken } from './input-queue.ts';

function drain(q: InputQueue): QueuedToken[] {
  const out: QueuedToken[] = [];
  for (let t = q.next(); t !== undefined; t = q.next()) out.push(t);
  return out;
}

describe('InputQueue', () => {
  it('hands out tokens one at a time and can stop mid-chunk', () => {
    const q = new InputQueue();
    q.push('ab\rcd');
    expect(q.next()?.token).toEqual({ kind: 'text', text: 'ab' });
    expect(q.next()?.token).toEqual({ kind: 'key', key: 'enter' });
    expect(q.isEmpty).toBe(false);
    q.push('\x1b[D');
    expect(drain(q).map((t) => t.token)).toEqual([{ kind: 'text', text: 'cd' }, { kind: 'key', key: 'left' }]);
    expect(q.isEmpty).toBe(true);
  });

  it('keeps chunk boundaries, so a sequence split over two chunks is not joined', () => {
    const q = new InputQueue();
    q.push('\x1b');
    q.push('[D');
    const tokens = drain(q).map((t) => t.token);
    expect(tokens[0]).toMatchObject({ kind: 'ignored' });
    expect(tokens[1]).toEqual({ kind: 'text', text: '[D' });
  });

  it('marks tokens from multi-character chunks as pasted and single key presses as not', () => {
    const q = new InputQueue();
    q.push('\t');
    q.push('a\tb');
    expect(drain(q).map((t) => [t.token.kind === 'key' ? t.token.key : t.token.kind, t.pasted])).toEqual([
      ['tab', false], ['text', true], ['tab', true], ['text', true],
    ]);
  });

  it('consumes bracketed-paste markers and flags what is between them', () => {
    const q = new InputQueue();
    q.push('\x1b[200~');
    q.push('x');
    q.push('\x1b[201~');
    q.push('y');
    expect(drain(q).map((t) => [t.token, t.bracketed, t.pasted])).toEqual([
      [{ kind: 'text', text: 'x' }, true, true],
      [{ kind: 'text', text: 'y' }, false, false],
    ]);
  });

  it('clear drops waiting input and paste state', () => {
    const q = new InputQueue();
    q.push('\x1b[200~abc');
    q.next();
    q.clear();
    expect(q.isEmpty).toBe(true);
    q.push('z');
    expect(q.next()).toEqual({ token: { kind: 'text', text: 'z' }, pasted: false, bracketed: false });
  });
});
