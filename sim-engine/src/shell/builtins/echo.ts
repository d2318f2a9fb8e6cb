/** bash's `echo`: -n, -e and -E, with options only recognized while every letter is one of them. */
import type { ProgramContext } from '../types.ts';
import { decodeEscape } from '../syntax/words.ts';

/** echoEscapes interprets backslash escapes as `echo -e` and `printf %b` do; `\c` ends all output. */
export function echoEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const next = text[i + 1]!;
    if (next === 'c') return { text: out, stop: true };
    if (next === '0') {
      // echo's octal escape is \0 followed by up to three digits.
      const digits = /^[0-7]{0,3}/.exec(text.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
      i += 1 + digits.length;
      continue;
    }
    if (/[0-7]/.test(next) || next === "'" || next === '"' || next === '?') {
      out += `\\${next}`;
      i++;
      continue;
    }
    const [decoded, used] = decodeEscape(text, i + 1);
    out += decoded;
    i += used;
  }
  return { text: out, stop: false };
}

/** echo prints its arguments separated by spaces. */
export function echo(ctx: ProgramContext): number {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < ctx.args.length; i++) {
    const arg = ctx.args[i]!;
    if (!/^-[neE]+$/.test(arg)) break;
    for (const flag of arg.slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  let text = ctx.args.slice(i).join(' ');
  if (escapes) {
    const decoded = echoEscapes(text);
    text = decoded.text;
    if (decoded.stop) newline = false;
  }
  ctx.stdout(newline ? `${text}\n` : text);
  return 0;
}
