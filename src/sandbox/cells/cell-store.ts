/**
 * CellStore keeps the outputs of one sandbox's cells in localStorage, next to the sandbox's own
 * saved state (`<sandbox key>:cells`), so they survive a reload and go with a reset.
 */

/** Segment is a run of output from one stream. */
export interface Segment {
  stream: 'out' | 'err';
  text: string;
}

/** CellRecord is one cell's last run. */
export interface CellRecord {
  /** The execution counter shown as [n]. */
  count: number;
  output: Segment[];
  /** The last command's exit status; undefined when the run was stopped. */
  status?: number;
  stopped?: boolean;
}

/** CellsState is everything saved for one sandbox's cells. */
export interface CellsState {
  version: 1;
  counter: number;
  cells: Record<string, CellRecord>;
}

/** StorageLike is the part of Web Storage the store uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** MAX_OUTPUT bounds the saved output of one cell, keeping its end. */
export const MAX_OUTPUT = 20_000;

/** emptyState is a sandbox whose cells never ran. */
export function emptyState(): CellsState {
  return { version: 1, counter: 0, cells: {} };
}

/** CellStore reads and writes one sandbox's cell outputs; it never throws. */
export class CellStore {
  private readonly storage: StorageLike | undefined;
  readonly key: string;

  constructor(key: string, storage: StorageLike | undefined) {
    this.key = key;
    this.storage = storage;
  }

  /** load returns the saved state, or an empty one when nothing usable is saved. */
  load(): CellsState {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return emptyState();
      const data = JSON.parse(raw) as Partial<CellsState>;
      if (data.version !== 1 || typeof data.counter !== 'number' || typeof data.cells !== 'object' || !data.cells) return emptyState();
      return data as CellsState;
    } catch {
      return emptyState();
    }
  }

  /** save writes the state; a full or missing storage just means it is not kept. */
  save(state: CellsState): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(state));
    } catch {
      /* not kept */
    }
  }

  /** clear forgets every output (the sandbox was reset). */
  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      /* nothing to do */
    }
  }
}

/** appendOutput adds text to a cell's segments, merging with the last segment of the same stream and keeping at most MAX_OUTPUT characters. */
export function appendOutput(segments: Segment[], stream: Segment['stream'], text: string): Segment[] {
  if (!text) return segments;
  const last = segments[segments.length - 1];
  const next = last?.stream === stream ? [...segments.slice(0, -1), { stream, text: last.text + text }] : [...segments, { stream, text }];
  let total = next.reduce((n, s) => n + s.text.length, 0);
  while (total > MAX_OUTPUT && next.length) {
    const first = next[0]!;
    const cut = Math.min(first.text.length, total - MAX_OUTPUT);
    if (cut >= first.text.length) next.shift();
    else next[0] = { stream: first.stream, text: first.text.slice(cut) };
    total -= cut;
  }
  return next;
}
