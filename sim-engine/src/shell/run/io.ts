/** The streams and clock a command runs with; redirections and pipes derive new ones. */
import type { Interrupt } from '../types.ts';

/** Io is a command's standard streams plus the clock and Ctrl+C signal it inherits. */
export interface Io {
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  sleep(ms: number): Promise<void>;
  now(): number;
  signal: Interrupt;
}

/** discard is a sink that drops what is written, like /dev/null. */
export function discard(_text: string): void {}

/** Capture collects written text so a pipe or `$( )` can hand it on. */
export class Capture {
  private readonly chunks: string[] = [];
  /** write appends text; it is bound so it can be passed around as a sink. */
  readonly write = (text: string): void => {
    this.chunks.push(text);
  };
  /** text is everything written so far. */
  text(): string {
    return this.chunks.join('');
  }
}
