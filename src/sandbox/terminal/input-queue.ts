/**
 * Raw input waiting to be edited. Input is kept in the chunks onData delivered it in, because
 * chunk boundaries carry meaning: xterm.js sends each key press alone, so a Tab inside a
 * longer chunk was pasted, and escape sequences never straddle chunks.
 */
import { readToken, type InputToken } from './escape-sequences.ts';

/** QueuedToken is a token plus how it arrived. */
export interface QueuedToken {
  readonly token: InputToken;
  /** Part of a paste (multi-character chunk or bracketed paste) rather than a key press. */
  readonly pasted: boolean;
  /** Inside an explicit bracketed paste, where control keys must not act. */
  readonly bracketed: boolean;
}

/** InputQueue hands out tokens one at a time so the editor can stop mid-chunk and resume later. */
export class InputQueue {
  readonly #chunks: string[] = [];
  #offset = 0;
  #inPaste = false;

  /** isEmpty reports whether no input is waiting. */
  get isEmpty(): boolean {
    return this.#chunks.length === 0;
  }

  /** push appends one onData chunk. */
  push(chunk: string): void {
    if (chunk !== '') this.#chunks.push(chunk);
  }

  /** clear drops everything waiting. */
  clear(): void {
    this.#chunks.length = 0;
    this.#offset = 0;
    this.#inPaste = false;
  }

  /** next removes and returns the next token; bracketed-paste markers are consumed here. */
  next(): QueuedToken | undefined {
    for (let chunk = this.#chunks[0]; chunk !== undefined; chunk = this.#chunks[0]) {
      if (this.#offset >= chunk.length) {
        this.#chunks.shift();
        this.#offset = 0;
        continue;
      }
      const { token, next } = readToken(chunk, this.#offset);
      this.#offset = next;
      if (token.kind === 'key' && (token.key === 'pasteStart' || token.key === 'pasteEnd')) {
        this.#inPaste = token.key === 'pasteStart';
        continue;
      }
      return { token, pasted: this.#inPaste || chunk.length > 1, bracketed: this.#inPaste };
    }
    return undefined;
  }
}
