/** Command history with bash's HISTCONTROL=ignoreboth rules and a bounded size. */

/** DEFAULT_HISTORY_SIZE matches bash's default HISTSIZE. */
export const DEFAULT_HISTORY_SIZE = 500;

/** HistoryOptions configures a History. */
export interface HistoryOptions {
  /** Oldest entries are dropped beyond this many; defaults to DEFAULT_HISTORY_SIZE. */
  readonly maxSize?: number;
  /** Called after every change with a fresh copy of the entries, e.g. to persist them. */
  readonly onChange?: (entries: string[]) => void;
}

/** History stores submitted lines, oldest first. */
export class History {
  readonly maxSize: number;
  readonly #entries: string[] = [];
  readonly #onChange: ((entries: string[]) => void) | undefined;

  /** History's constructor accepts initial entries, filtered by the same rules as add(). */
  constructor(entries: Iterable<string> = [], options: HistoryOptions = {}) {
    const max = options.maxSize ?? DEFAULT_HISTORY_SIZE;
    this.maxSize = Number.isFinite(max) ? Math.max(0, Math.floor(max)) : DEFAULT_HISTORY_SIZE;
    for (const entry of entries) this.#push(entry);
    this.#onChange = options.onChange;
  }

  /** fromArray rebuilds a History from persisted data, ignoring anything that is not a string. */
  static fromArray(data: unknown, options: HistoryOptions = {}): History {
    const strings = Array.isArray(data) ? data.filter((x): x is string => typeof x === 'string') : [];
    return new History(strings, options);
  }

  /** shouldRecord reports whether bash (ignoreboth) would record `line` after `previous`. */
  static shouldRecord(line: string, previous: string | undefined): boolean {
    if (line.trim() === '' || line.startsWith(' ')) return false;
    if (/[\r\n]/.test(line)) return false; // cannot come from the editor; likely corrupt storage
    return line !== previous;
  }

  /** length is the number of stored entries. */
  get length(): number {
    return this.#entries.length;
  }

  /** at returns the entry at `index` (0 is the oldest), or undefined. */
  at(index: number): string | undefined {
    return index >= 0 ? this.#entries[index] : undefined;
  }

  /** add records a submitted line; returns false when ignoreboth rules skip it. */
  add(line: string): boolean {
    if (!this.#push(line)) return false;
    this.#onChange?.(this.toArray());
    return true;
  }

  /** clear forgets every entry. */
  clear(): void {
    if (this.#entries.length === 0) return;
    this.#entries.length = 0;
    this.#onChange?.(this.toArray());
  }

  /** toArray returns a copy of the entries, oldest first, suitable for persisting. */
  toArray(): string[] {
    return [...this.#entries];
  }

  /** toJSON makes JSON.stringify(history) produce the plain array. */
  toJSON(): string[] {
    return this.toArray();
  }

  #push(line: string): boolean {
    if (this.maxSize === 0) return false;
    if (!History.shouldRecord(line, this.#entries[this.#entries.length - 1])) return false;
    this.#entries.push(line);
    if (this.#entries.length > this.maxSize) {
      this.#entries.splice(0, this.#entries.length - this.maxSize);
    }
    return true;
  }
}
