/** Fakes for TerminalSession tests: an xterm-like terminal over FakeScreen and a scripted runner. */
import type { CommandRunner, Disposable, TerminalLike } from '../terminal-session.ts';
import { FakeScreen } from './fake-screen.ts';

type Listener<T> = (value: T) => void;

function subscribe<T>(set: Set<Listener<T>>, listener: Listener<T>): Disposable {
  set.add(listener);
  return { dispose: () => set.delete(listener) };
}

/** FakeTerminal records writes into a FakeScreen and lets tests type and resize. */
export class FakeTerminal implements TerminalLike {
  cols: number;
  readonly screen: FakeScreen;
  readonly writes: string[] = [];
  readonly #data = new Set<Listener<string>>();
  readonly #resize = new Set<Listener<{ cols: number; rows: number }>>();

  /** FakeTerminal's constructor creates a blank screen of the given size. */
  constructor(cols = 80, rows = 30) {
    this.cols = cols;
    this.screen = new FakeScreen({ cols, rows });
  }

  /** listenerCount is how many onData listeners are subscribed. */
  get listenerCount(): number {
    return this.#data.size + this.#resize.size;
  }

  /** output is everything written so far. */
  get output(): string {
    return this.writes.join('');
  }

  write(data: string): void {
    this.writes.push(data);
    this.screen.write(data);
  }

  onData(listener: Listener<string>): Disposable {
    return subscribe(this.#data, listener);
  }

  onResize(listener: Listener<{ cols: number; rows: number }>): Disposable {
    return subscribe(this.#resize, listener);
  }

  /** input delivers each argument as one onData event, like separate key presses. */
  input(...chunks: string[]): void {
    for (const chunk of chunks) for (const listener of [...this.#data]) listener(chunk);
  }

  /** resize changes the width the way xterm.js does for the line being edited, then notifies. */
  resize(cols: number): void {
    this.cols = cols;
    this.screen.resize(cols);
    for (const listener of [...this.#resize]) listener({ cols, rows: this.screen.rows });
  }
}

/** RunCall is one pending command started by the session. */
export interface RunCall {
  readonly line: string;
  readonly out: (text: string) => void;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** FakeRunner records commands and leaves each one running until the test settles it. */
export class FakeRunner implements CommandRunner {
  readonly calls: RunCall[] = [];
  interrupts = 0;

  /** lines are the submitted command lines in order. */
  get lines(): string[] {
    return this.calls.map((c) => c.line);
  }

  /** last is the most recent call. */
  get last(): RunCall {
    const call = this.calls[this.calls.length - 1];
    if (!call) throw new Error('no command has run');
    return call;
  }

  run(line: string, out: (text: string) => void): Promise<void> {
    return new Promise((resolve, reject) => this.calls.push({ line, out, resolve, reject }));
  }

  interrupt(): void {
    this.interrupts++;
  }
}

/** flush lets pending promise callbacks and timers run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
