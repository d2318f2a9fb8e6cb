import { describe, expect, it } from 'vitest';
import { DEFAULT_HISTORY_SIZE, History } from './history.ts';

describe('History', () => {
  it('records lines oldest first', () => {
    const h = new History();
    h.add('kubectl get pods');
    h.add('kubectl get nodes');
    expect(h.toArray()).toEqual(['kubectl get pods', 'kubectl get nodes']);
    expect(h.length).toBe(2);
    expect(h.at(0)).toBe('kubectl get pods');
    expect(h.at(2)).toBeUndefined();
    expect(h.at(-1)).toBeUndefined();
  });

  it('ignores blank lines, lines starting with a space, and consecutive duplicates (ignoreboth)', () => {
    const h = new History();
    expect(h.add('')).toBe(false);
    expect(h.add('   ')).toBe(false);
    expect(h.add(' secret')).toBe(false);
    expect(h.add('ls')).toBe(true);
    expect(h.add('ls')).toBe(false);
    expect(h.add('pwd')).toBe(true);
    expect(h.add('ls')).toBe(true);
    expect(h.toArray()).toEqual(['ls', 'pwd', 'ls']);
  });

  it('drops the oldest entries beyond maxSize', () => {
    const h = new History([], { maxSize: 3 });
    for (const line of ['a', 'b', 'c', 'd', 'e']) h.add(line);
    expect(h.toArray()).toEqual(['c', 'd', 'e']);
    expect(new History().maxSize).toBe(DEFAULT_HISTORY_SIZE);
  });

  it('keeps nothing with maxSize 0', () => {
    const h = new History([], { maxSize: 0 });
    expect(h.add('a')).toBe(false);
    expect(h.length).toBe(0);
  });

  it('round-trips through a plain array and JSON', () => {
    const h = new History(['a', 'b']);
    const restored = History.fromArray(JSON.parse(JSON.stringify(h)));
    expect(restored.toArray()).toEqual(['a', 'b']);
    expect(h.toArray()).not.toBe(h.toArray());
  });

  it('tolerates corrupt persisted data', () => {
    expect(History.fromArray('nope').length).toBe(0);
    expect(History.fromArray(null).length).toBe(0);
    expect(History.fromArray(['a', 1, null, 'a', ' x', 'b\nc', 'b']).toArray()).toEqual(['a', 'b']);
  });

  it('applies maxSize when loading', () => {
    expect(History.fromArray(['a', 'b', 'c'], { maxSize: 2 }).toArray()).toEqual(['b', 'c']);
  });

  it('notifies onChange with a copy after additions and clear, but not while loading', () => {
    const seen: string[][] = [];
    const h = new History(['x'], { onChange: (entries) => seen.push(entries) });
    h.add('y');
    h.add('y');
    h.clear();
    h.clear();
    expect(seen).toEqual([['x', 'y'], []]);
  });
});
