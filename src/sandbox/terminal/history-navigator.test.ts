import { describe, expect, it } from 'vitest';
import { History } from './history.ts';
import { HistoryNavigator } from './history-navigator.ts';

describe('HistoryNavigator', () => {
  it('walks older and newer, returning the draft past the newest entry', () => {
    const nav = new HistoryNavigator(new History(['a', 'b']));
    expect(nav.move(1, 'draft')).toBeUndefined();
    expect(nav.move(-1, 'draft')).toBe('b');
    expect(nav.move(-1, 'b')).toBe('a');
    expect(nav.move(-1, 'a')).toBeUndefined();
    expect(nav.move(1, 'a')).toBe('b');
    expect(nav.move(1, 'b')).toBe('draft');
  });

  it('remembers edits to recalled entries without changing the history', () => {
    const history = new History(['a', 'b']);
    const nav = new HistoryNavigator(history);
    nav.move(-1, '');
    expect(nav.move(-1, 'b-edited')).toBe('a');
    expect(nav.move(1, 'a')).toBe('b-edited');
    expect(nav.move(-1, 'b')).toBe('a'); // edited back to the original: no longer an edit
    expect(nav.move(1, 'a')).toBe('b');
    expect(history.toArray()).toEqual(['a', 'b']);
  });

  it('reset returns below the newest entry and forgets draft and edits', () => {
    const history = new History(['a']);
    const nav = new HistoryNavigator(history);
    nav.move(-1, 'draft');
    nav.reset();
    history.add('b');
    expect(nav.move(-1, '')).toBe('b');
    expect(nav.move(1, 'b')).toBe('');
  });
});
