/**
 * Up/Down through history with bash's semantics: the line being typed is kept as a draft and
 * restored below the newest entry, and edits to recalled entries are kept beside the history
 * (so they survive moving away and back) without ever changing the stored entries.
 */
import type { History } from './history.ts';

/** HistoryNavigator tracks where Up/Down have got to in a History for the current line. */
export class HistoryNavigator {
  readonly #history: History;
  /** null is the draft position, so entries added while there stay reachable. */
  #index: number | null = null;
  #draft = '';
  readonly #edits = new Map<number, string>();

  /** HistoryNavigator's constructor starts at the draft position. */
  constructor(history: History) {
    this.#history = history;
    this.reset();
  }

  /** reset forgets the draft and edits and returns to below the newest entry (after submit etc.). */
  reset(): void {
    this.#index = null;
    this.#draft = '';
    this.#edits.clear();
  }

  /**
   * move steps by `delta` (-1 older, +1 newer) from a line currently showing `current` and
   * returns the text to show, or undefined when there is nowhere to go.
   */
  move(delta: number, current: string): string | undefined {
    const h = this.#history;
    const index = this.#index ?? h.length;
    const target = index + delta;
    if (target < 0 || target > h.length || delta === 0) return undefined;
    if (index >= h.length) this.#draft = current;
    else if (current !== h.at(index)) this.#edits.set(index, current);
    else this.#edits.delete(index);
    this.#index = target >= h.length ? null : target;
    return this.#index === null ? this.#draft : (this.#edits.get(target) ?? h.at(target) ?? '');
  }
}
