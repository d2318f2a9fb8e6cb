/**
 * TerminalSession connects a terminal (xterm.js or a fake) to the LineEditor and a command
 * runner, playing the part of both the tty line discipline and the shell's read loop.
 */
import type { CharWidthFn } from './char-width.ts';
import { History } from './history.ts';
import { LineEditor, type EditorAction, type EditorResult } from './line-editor.ts';

/** Disposable matches xterm.js's IDisposable. */
export interface Disposable {
  dispose(): void;
}

/** TerminalLike is the part of xterm.js's Terminal the session uses; a Terminal satisfies it. */
export interface TerminalLike {
  write(data: string): void;
  onData(listener: (data: string) => void): Disposable;
  readonly cols: number;
  onResize?(listener: (size: { cols: number; rows: number }) => void): Disposable;
}

/** CommandRunner executes one submitted line, streaming output through `out` ('\n' line ends). */
export interface CommandRunner {
  run(line: string, out: (text: string) => void): Promise<void>;
  /** Called on Ctrl+C while run() is pending; run() should then settle promptly. */
  interrupt(): void;
}

/** CompletionRequest describes a Tab press; `cursor` is a UTF-16 offset into `line`. */
export interface CompletionRequest {
  readonly line: string;
  readonly cursor: number;
  /** True for the second Tab in a row with nothing inserted, when bash lists candidates. */
  readonly repeated: boolean;
}

/** CompletionResult says what to insert (replacing `replace` units before the cursor) or list. */
export interface CompletionResult {
  readonly insert?: string;
  readonly replace?: number;
  readonly candidates?: readonly string[];
}

/** Completer computes completions; returning nothing rings the bell. */
export type Completer = (
  request: CompletionRequest,
) => CompletionResult | null | undefined | Promise<CompletionResult | null | undefined>;

/** TerminalSessionOptions configures a TerminalSession. */
export interface TerminalSessionOptions {
  readonly terminal: TerminalLike;
  readonly runner: CommandRunner;
  /** Prompt text (ANSI colours allowed), re-evaluated before every prompt when a function. */
  readonly prompt?: string | (() => string);
  readonly history?: History;
  readonly complete?: Completer;
  /** Ctrl+D on an empty line; ignored when omitted (there is no shell to exit). */
  readonly onEof?: () => void;
  readonly charWidth?: CharWidthFn;
}

/** DEFAULT_PROMPT is the course's bash-like prompt. */
export const DEFAULT_PROMPT = '\x1b[1;32mlearner@wheelhouse\x1b[0m:\x1b[1;34m~\x1b[0m$ ';

/** TerminalSession runs the read-edit-run loop; it writes the first prompt on construction. */
export class TerminalSession {
  /** editor is exposed for inspection (line, cursor); drive it through the terminal, not directly. */
  readonly editor: LineEditor;
  readonly #term: TerminalLike;
  readonly #runner: CommandRunner;
  readonly #options: TerminalSessionOptions;
  readonly #subscriptions: Disposable[] = [];
  #running = false;
  #runId = 0;
  #atLineStart = true;
  #disposed = false;
  #settledWaiters: (() => void)[] = [];

  /** TerminalSession's constructor subscribes to the terminal and shows the prompt. */
  constructor(options: TerminalSessionOptions) {
    this.#options = options;
    this.#term = options.terminal;
    this.#runner = options.runner;
    this.editor = new LineEditor({
      cols: this.#term.cols,
      history: options.history ?? new History(),
      ...(options.charWidth ? { charWidth: options.charWidth } : {}),
    });
    this.#subscriptions.push(this.#term.onData((data) => this.#onData(data)));
    const resize = this.#term.onResize?.((size) => this.#apply(this.editor.resize(size.cols)));
    if (resize) this.#subscriptions.push(resize);
    this.#apply(this.editor.prompt(this.#promptText()));
  }

  /** busy is true while a submitted command is running. */
  get busy(): boolean {
    return this.#running;
  }

  /** history is the session's command history (persist it with History's onChange option). */
  get history(): History {
    return this.editor.history;
  }

  /** typeCommand inserts text at the cursor as if pasted, without running it. */
  typeCommand(text: string): void {
    if (this.#disposed) return;
    const clean = text
      .replace(/[\r\n]+$/, '')
      .replace(/\r\n|[\r\n\t]/g, ' ')
      .replace(/[\x00-\x1f\x7f-\x9f]/g, '');
    if (clean !== '') this.#apply(this.editor.feed(clean));
  }

  /** idle is true when the prompt is being edited: no command runs, no completion is pending, no typeahead waits. */
  get idle(): boolean {
    return !this.#running && this.editor.waitingFor === null && !this.editor.hasPendingInput;
  }

  /**
   * runCommand waits for the prompt, replaces the line with `text`, submits it as if Enter were
   * pressed, and resolves once that command has finished (or the session was disposed).
   */
  async runCommand(text: string): Promise<void> {
    while (!this.#disposed && !this.idle) await this.#settled();
    if (this.#disposed) return;
    this.#apply(this.editor.replaceLine(text));
    const done = this.#settled();
    this.#apply(this.editor.feed('\r'));
    await done;
    while (!this.#disposed && this.#running) await this.#settled();
  }

  /** placeCommand puts `text` on the prompt's line (replacing it) without running it; typed ahead while a command runs. */
  placeCommand(text: string): void {
    if (this.#disposed) return;
    if (this.idle) this.#apply(this.editor.replaceLine(text));
    else this.typeCommand(text);
  }

  /** dispose unsubscribes from the terminal and interrupts a running command. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const subscription of this.#subscriptions.splice(0)) subscription.dispose();
    this.editor.discardPending();
    if (this.#running) this.#runner.interrupt();
    this.#notifySettled();
  }

  #onData(data: string): void {
    if (this.#disposed) return;
    let input = data;
    const lastInterrupt = input.lastIndexOf('\x03');
    if (this.#running && lastInterrupt >= 0) {
      // Like a tty's ISIG: echo ^C, flush typeahead, signal the foreground command.
      this.editor.discardPending();
      this.#writeOutput('^C');
      this.#runner.interrupt();
      input = input.slice(lastInterrupt + 1);
    }
    // While a command runs the editor just queues this as typeahead.
    if (input !== '') this.#apply(this.editor.feed(input));
  }

  #apply(result: EditorResult): void {
    if (this.#disposed) return;
    if (result.output !== '') this.#term.write(result.output);
    for (const action of result.actions) this.#handle(action);
  }

  #handle(action: EditorAction): void {
    switch (action.type) {
      case 'submit':
        void this.#run(action.line);
        return;
      case 'complete':
        void this.#complete(action);
        return;
      case 'eof':
        this.#options.onEof?.();
        return;
      case 'interrupt':
      case 'clear':
        return;
    }
  }

  async #run(line: string): Promise<void> {
    this.#running = true;
    this.#atLineStart = true;
    const id = ++this.#runId;
    try {
      if (line.trim() === '') await Promise.resolve(); // keeps pasted blank lines from recursing
      else await this.#runner.run(line, (text) => {
        // Output from a command that already finished would land in the middle of the prompt.
        if (id === this.#runId && this.#running && !this.#disposed) this.#writeOutput(text);
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!this.#disposed) {
        if (!this.#atLineStart) this.#writeOutput('\n');
        this.#writeOutput(`\x1b[31m${message}\x1b[0m\n`);
      }
    } finally {
      this.#running = false;
    }
    if (this.#disposed) return;
    if (!this.#atLineStart) this.#term.write('\r\n'); // the prompt must start at column 0
    this.#apply(this.editor.prompt(this.#promptText()));
    this.#notifySettled();
  }

  async #complete(action: Extract<EditorAction, { type: 'complete' }>): Promise<void> {
    let result: CompletionResult | null | undefined;
    try {
      const request = { line: action.line, cursor: action.cursor, repeated: action.repeated };
      result = await this.#options.complete?.(request);
    } catch {
      result = undefined;
    }
    if (this.#disposed) return;
    if ((result?.insert ?? '') !== '' || (result?.replace ?? 0) > 0) {
      this.#apply(this.editor.insertCompletion(result?.insert ?? '', result?.replace ?? 0));
    } else if (result?.candidates !== undefined && result.candidates.length > 0) {
      this.#apply(this.editor.showCandidates(result.candidates));
    } else {
      this.#term.write('\x07');
      this.#apply(this.editor.resume());
    }
    this.#notifySettled();
  }

  #settled(): Promise<void> {
    return new Promise((resolve) => this.#settledWaiters.push(resolve));
  }

  #notifySettled(): void {
    for (const resolve of this.#settledWaiters.splice(0)) resolve();
  }

  #writeOutput(text: string): void {
    if (text === '') return;
    const converted = text.replace(/\r?\n/g, '\r\n');
    this.#term.write(converted);
    this.#atLineStart = converted.endsWith('\n');
  }

  #promptText(): string {
    const prompt = this.#options.prompt ?? DEFAULT_PROMPT;
    return typeof prompt === 'function' ? prompt() : prompt;
  }
}
