/**
 * runTranscript runs a shell script against a fresh session and returns exactly what the
 * terminal would show: stdout and stderr interleaved in order, with the commands echoed when
 * asked. The transcript runner (bin/ksim.ts), the golden tests and content checks use it.
 */
import { Session } from './session.ts';

/** TranscriptOptions choose the session and the echo. */
export interface TranscriptOptions {
  /** Print each command as `$ <first line>` and further lines as `> <line>`. */
  echo?: boolean;
  /** The session to run in; a fresh default one (seed 1) when absent. */
  session?: Session;
}

/** TranscriptResult is the terminal text and the last command's exit status. */
export interface TranscriptResult {
  output: string;
  status: number;
}

/** runTranscript runs every command of `script` in order. */
export async function runTranscript(script: string, opts: TranscriptOptions = {}): Promise<TranscriptResult> {
  const session = opts.session ?? new Session({ seed: 1 });
  let output = '';
  const write = (t: string) => {
    output += t;
  };
  let status = 0;
  for (const command of splitCommands(script, session)) {
    if (opts.echo) {
      const [first, ...more] = command.split('\n');
      // Inside a container shell (kubectl exec -it) the line is echoed after that shell's prompt.
      const prompt = session.terminal.attached ? session.shell.prompt() : '$ ';
      output += `${prompt}${first}\n${more.map((l) => `> ${l}\n`).join('')}`;
    }
    status = await session.run(command, { stdout: write, stderr: write });
    if (session.exited) break;
  }
  return { output, status };
}

/** splitCommands cuts a script into complete commands, keeping heredocs and continuations whole; comment lines are the script's notes, not commands. */
export function splitCommands(script: string, session: Session): string[] {
  const lines = script.replace(/\n$/, '').split('\n');
  const commands: string[] = [];
  let pending: string[] = [];
  for (const line of lines) {
    if (pending.length === 0 && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    pending.push(line);
    const input = pending.join('\n');
    if (!session.needsMore(input)) {
      commands.push(input);
      pending = [];
    }
  }
  if (pending.length) commands.push(pending.join('\n'));
  return commands;
}
