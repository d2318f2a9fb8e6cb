/**
 * Reading a stream of JSON values the way kubectl's YAMLOrJSONDecoder does when a manifest
 * starts with `{`: Go's encoding/json Decoder, with its syntax-error wording and byte offsets
 * (`json: offset 36: invalid character '}' looking for beginning of object key string`).
 */
import { goQuote, utf8Length } from '../printers/go-fmt.ts';

/** JsonStreamError is a decode failure; its message is what kubectl prints after "error parsing FILE: ". */
export class JsonStreamError extends Error {}

/** splitJSONStream returns the raw text of each JSON value in `text`, and the error that stopped Go's decoder, if any. */
export function splitJSONStream(text: string): { values: string[]; error?: string } {
  const values: string[] = [];
  let i = 0;
  let bytes = 0;
  const n = text.length;
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  const fail = (c: string, context: string): never => {
    throw new JsonStreamError(`json: offset ${bytes}: invalid character ${quoteChar(c)} ${context}`);
  };
  const advance = () => {
    bytes += utf8Length(text[i]!);
    i++;
  };
  const eof = (): never => {
    throw new JsonStreamError('unexpected EOF');
  };
  const need = () => {
    if (i >= n) eof();
    return text[i]!;
  };
  const skipSpace = () => {
    while (i < n && isSpace(text[i]!)) advance();
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      const c = need();
      advance();
      if (c !== word[k]) fail(c, `in literal ${word} (expecting ${quoteChar(word[k]!)})`);
    }
  };
  const string = () => {
    for (;;) {
      const c = need();
      advance();
      if (c === '"') return;
      if (c === '\\') {
        const e = need();
        advance();
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            const h = need();
            advance();
            if (!/[0-9a-fA-F]/.test(h)) fail(h, 'in \\u hexadecimal character escape');
          }
        } else if (!'bfnrt\\/"'.includes(e)) fail(e, 'in string escape code');
      } else if (c.charCodeAt(0) < 0x20) fail(c, 'in string literal');
    }
  };
  const digits = () => {
    while (i < n && /[0-9]/.test(text[i]!)) advance();
  };
  const number = (first: string) => {
    if (first === '-') {
      const c = need();
      advance();
      if (!/[0-9]/.test(c)) fail(c, 'in numeric literal');
      first = c;
    }
    if (first !== '0') digits();
    if (i < n && text[i] === '.') {
      advance();
      const c = need();
      advance();
      if (!/[0-9]/.test(c)) fail(c, 'after decimal point in numeric literal');
      digits();
    }
    if (i < n && (text[i] === 'e' || text[i] === 'E')) {
      advance();
      let c = need();
      advance();
      if (c === '+' || c === '-') {
        c = need();
        advance();
      }
      if (!/[0-9]/.test(c)) fail(c, 'in exponent of numeric literal');
      digits();
    }
  };
  const value = (): void => {
    skipSpace();
    const c = need();
    advance();
    if (c === '{') {
      skipSpace();
      if (need() === '}') return void advance();
      for (;;) {
        skipSpace();
        const k = need();
        advance();
        if (k !== '"') fail(k, 'looking for beginning of object key string');
        string();
        skipSpace();
        const colon = need();
        advance();
        if (colon !== ':') fail(colon, 'after object key');
        value();
        skipSpace();
        const sep = need();
        advance();
        if (sep === '}') return;
        if (sep !== ',') fail(sep, 'after object key:value pair');
      }
    }
    if (c === '[') {
      skipSpace();
      if (need() === ']') return void advance();
      for (;;) {
        value();
        skipSpace();
        const sep = need();
        advance();
        if (sep === ']') return;
        if (sep !== ',') fail(sep, 'after array element');
      }
    }
    if (c === '"') return string();
    if (c === '-' || /[0-9]/.test(c)) return number(c);
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    fail(c, 'looking for beginning of value');
  };
  try {
    for (;;) {
      skipSpace();
      if (i >= n) return { values };
      const start = i;
      value();
      values.push(text.slice(start, i));
    }
  } catch (e) {
    if (e instanceof JsonStreamError) return { values, error: e.message };
    throw e;
  }
}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = goQuote(c);
  return `'${q.slice(1, -1)}'`;
}
