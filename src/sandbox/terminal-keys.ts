/**
 * The keys the sandbox takes from xterm.js before it sees them: copy and paste with the
 * platform's shortcuts, and Escape to leave the terminal (so the keyboard is never trapped).
 * Ctrl+C without a selection still reaches the shell as an interrupt.
 */

/** KeyLike is the part of a KeyboardEvent the decision reads. */
export interface KeyLike {
  readonly type: string;
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** KeyAction is what the sandbox does with a key instead of the terminal, or 'terminal' to let xterm.js have it. */
export type KeyAction = 'copy' | 'paste' | 'leave' | 'terminal';

/** terminalKeyAction decides who handles a key event; it answers for keydown, keypress and keyup alike. */
export function terminalKeyAction(e: KeyLike, hasSelection: boolean): KeyAction {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key === 'Escape' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) return 'leave';
  const primary = (e.ctrlKey || e.metaKey) && !e.altKey;
  if (!primary) return 'terminal';
  if (key === 'c' && (hasSelection || e.shiftKey)) return 'copy';
  if (key === 'v') return 'paste';
  return 'terminal';
}
