/**
 * The terminal's text as it is saved: the rows of xterm's normal buffer joined into logical
 * lines (a long line wrapped over rows is one line again), without the live prompt line at
 * the bottom, bounded so a long session does not fill the browser's storage.
 */

/** BufferRow is one terminal row: its text and whether it continues the row above. */
export interface BufferRow {
  text: string;
  wrapped: boolean;
}

/** MAX_SCROLLBACK_LINES bounds the saved lines; the oldest are dropped. */
export const MAX_SCROLLBACK_LINES = 400;
/** MAX_SCROLLBACK_CHARS bounds the saved text. */
export const MAX_SCROLLBACK_CHARS = 40_000;

/** captureScrollback turns rows into saved text, dropping a last line that is the bare prompt being edited. */
export function captureScrollback(rows: readonly BufferRow[], prompt: string): string {
  const lines: string[] = [];
  for (const row of rows) {
    if (row.wrapped && lines.length > 0) lines[lines.length - 1] += row.text;
    else lines.push(row.text);
  }
  const trimmed = lines.map((l) => l.replace(/\s+$/, ''));
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  const bare = stripAnsi(prompt).replace(/\s+$/, '');
  const last = trimmed[trimmed.length - 1];
  if (bare !== '' && last !== undefined && last.startsWith(bare)) trimmed.pop();
  let kept = trimmed.slice(-MAX_SCROLLBACK_LINES);
  let text = kept.join('\n');
  while (text.length > MAX_SCROLLBACK_CHARS && kept.length > 1) {
    kept = kept.slice(Math.ceil(kept.length / 10));
    text = kept.join('\n');
  }
  return text.length > MAX_SCROLLBACK_CHARS ? text.slice(-MAX_SCROLLBACK_CHARS) : text;
}

/** scrollbackToTerminal turns saved text into what to write back: CRLF line ends, control bytes removed, ending on a fresh line. */
export function scrollbackToTerminal(text: string): string {
  const clean = text.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/g, '');
  return clean === '' ? '' : `${clean.replace(/\n/g, '\r\n')}\r\n`;
}

/** stripAnsi removes SGR and other CSI sequences, leaving what the terminal shows. */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '');
}
