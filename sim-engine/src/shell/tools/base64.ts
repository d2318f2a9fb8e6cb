/**
 * `base64`: encode (wrapping at 76 columns or -w COLS) and decode (-d). Text is encoded
 * as UTF-8 by hand because the engine may not rely on TextEncoder.
 */
import type { Builtin } from '../commands/runtime.ts';
import { last } from '../commands/options.ts';
import { getOptions, parseCount, readInputs, usageError } from '../commands/util.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** utf8Encode turns text into UTF-8 bytes. */
export function utf8Encode(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}

/** utf8Decode turns UTF-8 bytes into text, replacing malformed sequences with U+FFFD. */
export function utf8Decode(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    const tail = bytes.slice(i + 1, i + 1 + Math.max(need, 0));
    if (need < 0 || tail.length < need || tail.some((t) => (t & 0xc0) !== 0x80)) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = need === 0 ? b : b & (0x3f >> need);
    for (const t of tail) cp = (cp << 6) | (t & 63);
    out += String.fromCodePoint(cp);
    i += 1 + need;
  }
  return out;
}

/** encodeBase64 encodes text's UTF-8 bytes. */
export function encodeBase64(text: string): string {
  const bytes = utf8Encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : ALPHABET[c & 63]!;
  }
  return out;
}

/** decodeBase64 decodes base64 (newlines ignored) to text; `valid` is false at the first bad character. */
export function decodeBase64(data: string): { text: string; valid: boolean } {
  const clean = data.replace(/\n/g, '');
  const bytes: number[] = [];
  let bits = 0;
  let buffer = 0;
  let valid = true;
  let i = 0;
  for (; i < clean.length; i++) {
    const c = clean[i]!;
    if (c === '=') break;
    const v = ALPHABET.indexOf(c);
    if (v < 0) {
      valid = false;
      break;
    }
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  // Only padding may follow the first `=`, and the length must come out whole.
  if (valid && i < clean.length && !/^=+$/.test(clean.slice(i))) valid = false;
  if (valid && clean.length % 4 !== 0) valid = false;
  return { text: utf8Decode(bytes), valid };
}

/** base64 encodes or decodes its input. */
export const base64: Builtin = (ctx, rt) => {
  const info = { name: 'base64', usage: '[OPTION]... [FILE]', summary: '  -d, --decode  decode data   -w, --wrap=COLS  wrap lines after COLS characters (0 disables)\n  -i, --ignore-garbage  when decoding, ignore non-alphabet characters' };
  const opts = getOptions(ctx, info, { flags: 'di', values: 'w', long: { decode: 'd', 'ignore-garbage': 'i', 'wrap=': 'w' } });
  if (typeof opts === 'number') return opts;
  if (opts.operands.length > 1) return usageError(ctx, info, `extra operand '${opts.operands[1]}'`);
  const wrapText = last(opts, 'w') ?? '76';
  const wrap = parseCount(wrapText);
  if (wrap === undefined) {
    ctx.stderr(`base64: invalid wrap size: '${wrapText}'\n`);
    return 1;
  }
  const { inputs, ok } = readInputs('base64', opts.operands, ctx, rt);
  if (!ok) return 1;
  const data = inputs[0]?.text ?? '';
  if (opts.flags.has('d')) {
    const source = opts.flags.has('i') ? data.replace(/[^A-Za-z0-9+/=]/g, '') : data;
    const { text, valid } = decodeBase64(source);
    ctx.stdout(text);
    if (valid) return 0;
    ctx.stderr('base64: invalid input\n');
    return 1;
  }
  const encoded = encodeBase64(data);
  // With -w 0 GNU base64 ends without a newline; otherwise every line has one.
  if (wrap === 0) ctx.stdout(encoded);
  else ctx.stdout((encoded.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).map((l) => `${l}\n`).join(''));
  return 0;
};

