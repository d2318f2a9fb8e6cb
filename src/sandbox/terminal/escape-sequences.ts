/**
 * Splits raw xterm.js `onData` input into editing keys and literal text. xterm.js delivers each
 * key's sequence whole within one chunk, so no parser state is carried between chunks.
 */

/** EditorKey names the editing commands the line editor understands. */
export type EditorKey =
  | 'left' | 'right' | 'wordLeft' | 'wordRight' | 'home' | 'end'
  | 'up' | 'down'
  | 'backspace' | 'delete' | 'eofOrDelete'
  | 'killToStart' | 'killToEnd' | 'killWordBack' | 'killAlnumWordBack' | 'killWordForward' | 'yank'
  | 'enter' | 'tab' | 'clear' | 'interrupt'
  | 'pasteStart' | 'pasteEnd';

/** InputToken is one unit of input: literal text, an editing key, or something to swallow. */
export type InputToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'key'; readonly key: EditorKey }
  | { readonly kind: 'ignored'; readonly raw: string };

/** ReadResult is a token plus the index just after it. */
export interface ReadResult {
  readonly token: InputToken;
  readonly next: number;
}

const CONTROL_KEYS: Readonly<Record<string, EditorKey>> = {
  '\x01': 'home',
  '\x02': 'left',
  '\x03': 'interrupt',
  '\x04': 'eofOrDelete',
  '\x05': 'end',
  '\x06': 'right',
  '\x08': 'backspace',
  '\t': 'tab',
  '\n': 'enter',
  '\x0b': 'killToEnd',
  '\x0c': 'clear',
  '\r': 'enter',
  '\x0e': 'down',
  '\x10': 'up',
  '\x15': 'killToStart',
  '\x17': 'killWordBack',
  '\x19': 'yank',
  '\x7f': 'backspace',
};

const ALT_KEYS: Readonly<Record<string, EditorKey>> = {
  b: 'wordLeft',
  f: 'wordRight',
  d: 'killWordForward',
  '\x7f': 'killAlnumWordBack',
  '\x08': 'killAlnumWordBack',
};

const SS3_KEYS: Readonly<Record<string, EditorKey>> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end',
};

const TILDE_KEYS: Readonly<Record<string, EditorKey>> = {
  '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete',
  '200': 'pasteStart', '201': 'pasteEnd',
};

function isPrintable(code: number): boolean {
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
}

function key(k: EditorKey, next: number): ReadResult {
  return { token: { kind: 'key', key: k }, next };
}

function ignored(input: string, start: number, next: number): ReadResult {
  return { token: { kind: 'ignored', raw: input.slice(start, next) }, next };
}

/** Modifier bits from a CSI `1;<m>` parameter: xterm encodes 1 + (shift 1 | alt 2 | ctrl 4 | meta 8). */
function hasWordModifier(params: string): boolean {
  const modifier = Number(params.split(';')[1] ?? '1');
  return Number.isInteger(modifier) && ((modifier - 1) & 0b1110) !== 0;
}

function csiKey(params: string, final: string): EditorKey | undefined {
  if (/^[<=>?]/.test(params)) return undefined; // private replies (device attributes etc.)
  switch (final) {
    case 'A': return 'up';
    case 'B': return 'down';
    case 'C': return hasWordModifier(params) ? 'wordRight' : 'right';
    case 'D': return hasWordModifier(params) ? 'wordLeft' : 'left';
    case 'H': return 'home';
    case 'F': return 'end';
    case '~': {
      const [first = ''] = params.split(';');
      if (first === '3' && hasWordModifier(params)) return 'killWordForward';
      return TILDE_KEYS[first];
    }
    default: return undefined;
  }
}

function readCsi(input: string, start: number): ReadResult {
  // start points at ESC; parameters and intermediates follow '[' up to a final byte.
  let i = start + 2;
  while (i < input.length && /[0-?]/.test(input.charAt(i))) i++;
  const paramsEnd = i;
  while (i < input.length && /[ -/]/.test(input.charAt(i))) i++;
  const final = input.charAt(i);
  if (!/^[@-~]$/.test(final)) return ignored(input, start, i); // truncated: drop what we saw
  const k = paramsEnd === i ? csiKey(input.slice(start + 2, paramsEnd), final) : undefined;
  return k === undefined ? ignored(input, start, i + 1) : key(k, i + 1);
}

function readString(input: string, start: number): ReadResult {
  // OSC/DCS/PM/APC bodies run to BEL or ST; never part of the line.
  let i = start + 2;
  while (i < input.length) {
    if (input[i] === '\x07') return ignored(input, start, i + 1);
    if (input[i] === '\x1b') return ignored(input, start, input[i + 1] === '\\' ? i + 2 : i);
    i++;
  }
  return ignored(input, start, i);
}

function readEscape(input: string, start: number): ReadResult {
  const second = input.charAt(start + 1);
  if (second === '[') return readCsi(input, start);
  if (second === 'O' && start + 2 < input.length) {
    const k = SS3_KEYS[input.charAt(start + 2)];
    return k === undefined ? ignored(input, start, start + 3) : key(k, start + 3);
  }
  if (second === ']' || second === 'P' || second === 'X' || second === '^' || second === '_') {
    return readString(input, start);
  }
  const alt = ALT_KEYS[second];
  if (alt !== undefined) return key(alt, start + 2);
  const code = input.codePointAt(start + 1);
  // Alt+<printable> we don't bind is swallowed whole; a lone ESC is swallowed by itself.
  if (code !== undefined && isPrintable(code) && second !== '\x1b') {
    return ignored(input, start, start + 1 + (code > 0xffff ? 2 : 1));
  }
  return ignored(input, start, start + 1);
}

/** readToken reads the token starting at `index` of `input`; `index` must be < input.length. */
export function readToken(input: string, index: number): ReadResult {
  const ch = input.charAt(index);
  if (ch === '\x1b') return readEscape(input, index);
  if (ch === '\r' && input[index + 1] === '\n') return key('enter', index + 2);
  const control = CONTROL_KEYS[ch];
  if (control !== undefined) return key(control, index + 1);
  let i = index;
  while (i < input.length) {
    const code = input.charCodeAt(i);
    if (!isPrintable(code)) break;
    i++;
  }
  if (i === index) return ignored(input, index, index + 1);
  return { token: { kind: 'text', text: input.slice(index, i) }, next: i };
}

/** tokenize splits a whole input string into tokens (convenient for tests and one-shot parsing). */
export function tokenize(input: string): InputToken[] {
  const tokens: InputToken[] = [];
  for (let i = 0; i < input.length;) {
    const { token, next } = readToken(input, i);
    tokens.push(token);
    i = next;
  }
  return tokens;
}
