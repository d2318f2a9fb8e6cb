/**
 * Parsing sed scripts: addresses (N, $, /regex/, \cregexc, ranges, !), `{ ... }` blocks
 * and the commands s, y, p, d, q and =. Errors use GNU sed's wording, e.g.
 * `-e expression #1, char 5: unterminated `s' command`.
 */
import { RegexError, compileRegex } from './regex.ts';

/** Address selects lines by number, the last line, or a pattern. */
export type Address = { type: 'line'; line: number } | { type: 'last' } | { type: 'regex'; re: RegExp };

/** SedCommand is one command with its addresses; `active` tracks an open range while running. */
export interface SedCommand {
  from?: Address;
  to?: Address;
  negate: boolean;
  name: 's' | 'y' | 'p' | 'd' | 'q' | '=' | '{';
  /** body holds a block's commands. */
  body?: SedCommand[];
  /** map holds a `y` command's character translations. */
  map?: Map<string, string>;
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  active: boolean;
}

/** SedError is a script error; its message follows `sed: `. */
export class SedError extends Error {}

/** parseSed parses one -e expression (numbered from 1 for messages). */
export function parseSed(script: string, index: number, extended: boolean): SedCommand[] {
  let i = 0;
  const fail = (what: string): never => {
    throw new SedError(`-e expression #${index}, char ${Math.min(i + 1, script.length)}: ${what}`);
  };
  const skip = (): void => {
    while (i < script.length && /[\s;]/.test(script[i]!)) i++;
  };
  // Reads up to an unescaped `delim`, keeping escapes except for the delimiter itself.
  const until = (delim: string, what: string): string => {
    let text = '';
    for (; i < script.length; i++) {
      const c = script[i]!;
      if (c === '\\' && i + 1 < script.length) {
        const n = script[++i]!;
        text += n === delim ? delim : n === 'n' && delim !== 'n' ? '\\n' : `\\${n}`;
      } else if (c === delim) {
        i++;
        return text;
      } else {
        text += c;
      }
    }
    return fail(what);
  };
  const regex = (source: string, flags = ''): RegExp => {
    try {
      return compileRegex(source, { extended, ignoreCase: flags.includes('i'), global: flags.includes('g') });
    } catch (e) {
      if (e instanceof RegexError) return fail(e.message);
      throw e;
    }
  };
  const address = (): Address | undefined => {
    const c = script[i];
    if (c === undefined) return undefined;
    if (/\d/.test(c)) {
      const m = /^\d+/.exec(script.slice(i))![0];
      i += m.length;
      return { type: 'line', line: Number(m) };
    }
    if (c === '$') {
      i++;
      return { type: 'last' };
    }
    if (c === '/' || c === '\\') {
      const delim = c === '/' ? '/' : script[++i] ?? '';
      i++;
      const source = until(delim, 'unterminated address regex');
      const flag = script[i] === 'I' ? (i++, 'i') : '';
      return { type: 'regex', re: regex(source, flag) };
    }
    return undefined;
  };
  const list = (inBlock: boolean): SedCommand[] => {
    const commands: SedCommand[] = [];
    for (skip(); i < script.length; skip()) {
      if (script[i] === '}') {
        if (!inBlock) fail("unexpected `}'");
        i++;
        return commands;
      }
      commands.push(command());
    }
    if (inBlock) fail("unmatched `{'");
    return commands;
  };
  const command = (): SedCommand => {
    const cmd: SedCommand = { negate: false, name: 'p', active: false };
    cmd.from = address();
    if (cmd.from && script[i] === ',') {
      i++;
      cmd.to = address() ?? fail('unexpected `,\'');
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') {
      cmd.negate = true;
      i++;
      while (script[i] === ' ') i++;
    }
    const name = script[i++];
    if (name === undefined) fail('missing command');
    if (name === 's') {
      const delim = script[i++];
      if (delim === undefined || delim === '\n' || delim === '\\') fail("unterminated `s' command");
      const source = until(delim!, "unterminated `s' command");
      cmd.replacement = until(delim!, "unterminated `s' command");
      let flags = '';
      while (i < script.length && !/[\s;}]/.test(script[i]!)) {
        const f = script[i]!;
        if (f === 'g' || f === 'p' || f === 'i' || f === 'I') flags += f.toLowerCase();
        else if (/\d/.test(f)) cmd.occurrence = Number(/^\d+/.exec(script.slice(i))![0]) - 1;
        else fail("unknown option to `s'");
        i += /\d/.test(f) ? /^\d+/.exec(script.slice(i))![0].length : 1;
      }
      cmd.name = 's';
      cmd.global = flags.includes('g');
      cmd.print = flags.includes('p');
      cmd.re = regex(source, `g${flags.includes('i') ? 'i' : ''}`);
    } else if (name === 'y') {
      const delim = script[i++] ?? '';
      const from = [...until(delim, "unterminated `y' command").replace(/\\n/g, '\n')];
      const to = [...until(delim, "unterminated `y' command").replace(/\\n/g, '\n')];
      if (from.length !== to.length) fail("strings for `y' command are different lengths");
      cmd.name = 'y';
      cmd.map = new Map(from.map((c, k) => [c, to[k]!]));
    } else if (name === '{') {
      cmd.name = '{';
      cmd.body = list(true);
    } else if (name === 'p' || name === 'd' || name === 'q' || name === '=') {
      cmd.name = name;
    } else {
      i--;
      fail(`unknown command: \`${name}'`);
    }
    return cmd;
  };
  return list(false);
}

/** substitute applies an `s` command to `text`; it returns undefined when nothing matched. */
export function substitute(cmd: SedCommand, text: string): string | undefined {
  let n = 0;
  let replaced = false;
  const out = text.replace(cmd.re!, (...m: unknown[]) => {
    const match = m[0] as string;
    const groups = m.slice(1, -2) as (string | undefined)[];
    const index = n++;
    const wanted = cmd.occurrence === undefined ? cmd.global || index === 0 : cmd.global ? index >= cmd.occurrence : index === cmd.occurrence;
    if (!wanted) return match;
    replaced = true;
    return expandReplacement(cmd.replacement ?? '', match, groups);
  });
  return replaced ? out : undefined;
}

function expandReplacement(template: string, match: string, groups: (string | undefined)[]): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '&') {
      out += match;
    } else if (c === '\\' && i + 1 < template.length) {
      const n = template[++i]!;
      if (/[1-9]/.test(n)) out += groups[Number(n) - 1] ?? '';
      else out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else {
      out += c;
    }
  }
  return out;
}
