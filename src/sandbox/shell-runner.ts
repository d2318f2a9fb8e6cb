/**
 * ShellRunner adapts a sim-engine Session to the terminal's CommandRunner: it gathers the
 * lines of an incomplete command (heredocs, trailing pipes) behind a `> ` prompt, runs the
 * complete command, and turns Ctrl+C into the session's interrupt.
 */
import type { Session } from '@wheelhouse/sim-engine';
import type { CommandRunner } from './terminal/terminal-session.ts';

/** CONTINUATION_PROMPT is bash's PS2. */
export const CONTINUATION_PROMPT = '> ';

/** ShellRunner runs terminal input through a Session. */
export class ShellRunner implements CommandRunner {
  private pending: string[] = [];
  private signal = { interrupted: false };
  private readonly session: Session;
  private readonly onCommandDone: () => void;
  private readonly onInterrupt: () => void;

  constructor(session: Session, onCommandDone: () => void = () => {}, onInterrupt: () => void = () => {}) {
    this.session = session;
    this.onCommandDone = onCommandDone;
    this.onInterrupt = onInterrupt;
  }

  /** continuing tells whether the next prompt should be the continuation prompt. */
  get continuing(): boolean {
    return this.pending.length > 0;
  }

  /** prompt returns the prompt to show next. */
  prompt(): string {
    return this.continuing ? CONTINUATION_PROMPT : this.session.shell.prompt();
  }

  async run(line: string, out: (text: string) => void): Promise<void> {
    this.pending.push(line);
    const input = this.pending.join('\n');
    if (this.session.needsMore(input)) return;
    this.pending = [];
    this.signal = { interrupted: false };
    try {
      await this.session.run(input, { stdout: out, stderr: out }, this.signal);
    } finally {
      this.onCommandDone();
    }
  }

  interrupt(): void {
    this.signal.interrupted = true;
    // Ctrl+C at a continuation prompt abandons the whole command, as in bash.
    this.pending = [];
    // A command waiting on something outside the shell (kubectl edit's editor) is told too.
    this.onInterrupt();
  }
}
