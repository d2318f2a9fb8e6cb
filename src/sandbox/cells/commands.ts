/**
 * splitCommands cuts a cell's text into the command lines the shell runs one by one, the way
 * the terminal reads them: a heredoc, a trailing pipe or backslash keeps the next line with
 * the command. Blank and comment lines are dropped. (The engine's transcript runner splits
 * scripts the same way; this copy keeps the cell runtime free of the engine bundle, so showing
 * saved outputs costs no engine download.)
 */

/** splitCommands returns the cell's complete commands, using the shell's `needsMore` to join continued lines. */
export function splitCommands(code: string, needsMore: (input: string) => boolean): string[] {
  const out: string[] = [];
  let pending: string[] = [];
  for (const line of code.replace(/\r\n?/g, '\n').split('\n')) {
    if (!pending.length && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    pending.push(line);
    const input = pending.join('\n');
    if (needsMore(input)) continue;
    out.push(input);
    pending = [];
  }
  if (pending.length) out.push(pending.join('\n'));
  return out;
}

/** stripAnsi removes terminal escape sequences (colours, cursor moves) and resolves carriage returns, for plain-text output. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g, '');
  // A bare \r returns to the start of the line: keep what was written last.
  return plain.replace(/\r\n/g, '\n').replace(/[^\n]*\r(?!\n)/g, '');
}
