import { describe, expect, it } from 'vitest';
import { terminalKeyAction, type KeyLike } from './terminal-keys.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ type: 'keydown', key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('terminalKeyAction', () => {
  it('copies with Ctrl+C or Cmd+C only when text is selected', () => {
    expect(terminalKeyAction(key('c', { ctrlKey: true }), true)).toBe('copy');
    expect(terminalKeyAction(key('c', { metaKey: true }), true)).toBe('copy');
    expect(terminalKeyAction(key('C', { ctrlKey: true, shiftKey: true }), false)).toBe('copy');
    expect(terminalKeyAction(key('c', { ctrlKey: true }), false)).toBe('terminal');
  });

  it('pastes with Ctrl+V, Cmd+V and Ctrl+Shift+V', () => {
    expect(terminalKeyAction(key('v', { ctrlKey: true }), false)).toBe('paste');
    expect(terminalKeyAction(key('v', { metaKey: true }), false)).toBe('paste');
    expect(terminalKeyAction(key('V', { ctrlKey: true, shiftKey: true }), false)).toBe('paste');
  });

  it('leaves the terminal on a bare Escape', () => {
    expect(terminalKeyAction(key('Escape'), false)).toBe('leave');
    expect(terminalKeyAction(key('Escape', { altKey: true }), false)).toBe('terminal');
  });

  it('leaves every other key to the terminal', () => {
    for (const k of [key('a'), key('Tab'), key('u', { ctrlKey: true }), key('v', { ctrlKey: true, altKey: true }), key('Enter')]) {
      expect(terminalKeyAction(k, true)).toBe('terminal');
    }
  });
});
