/**
 * The command parser: lists, and-or lists, pipelines, simple commands, redirections and
 * here-documents; compound commands (`if`, loops, `{ }`, `(( ))`) are read by compound.ts.
 * Like bash it reads one top-level line at a time (`next`; a compound command's lines count
 * as one), so an alias defined on one line applies from the next, and it expands aliases
 * while parsing by splicing their text into the source.
 */
import type { AndOr, Assignment, Heredoc, Pipeline, Redirect, RedirectOp, Script, Command, Word, WordPart } from './ast.ts';
import { type CompoundHost, OPENERS, endOfFile, parseArithCommand, parseCompound } from './compound.ts';
import { META, ParseError, WordReader, mergeText, unexpectedEof } from './words.ts';
import { own } from '../record.ts';

// Bash's reserved words, recognised where a command may start when unquoted and followed by a delimiter.
const KEYWORD = /(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|function|select|\{|\}|\[\[|\]\])(?=[ \t\n;&|<>()]|$)/y;
const UNSUPPORTED_KEYWORDS = new Set(['case', 'esac', 'select', 'function', '[[', ']]']);

const OPERATORS = ['&&', '||', ';;', '|&', '&>>', '&>', '>>', '<<<', '<<-', '<<', '>&', '<&', '>|', ';', '&', '|', '(', ')', '<', '>'];
const REDIRECT = /^(\d*)(>>|>&|>\||>|<<<|<<-|<<|<&|<)|^(&>>|&>)/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** Parser turns shell source into scripts, one top-level line at a time. */
export class Parser extends WordReader implements CompoundHost {
  /** warnings are non-fatal messages (an unterminated heredoc) for the caller to print. */
  readonly warnings: string[] = [];
  private readonly aliases: Readonly<Record<string, string>>;
  private pending: { doc: Heredoc; line: number }[] = [];
  // Aliases being expanded and where their text ends, so `alias ls='ls -l'` does not recurse.
  private active: { name: string; end: number }[] = [];
  // Where the word after an alias whose value ends in a blank starts; that word is alias-expanded too.
  private aliasNextFrom: number | undefined;

  constructor(src: string, aliases: Readonly<Record<string, string>> = {}) {
    super(src);
    this.aliases = aliases;
  }

  /** next parses the next top-level line (with its heredoc bodies); undefined at the end of input. */
  next(): Script | undefined {
    for (;;) {
      this.skipBlank(false);
      if (this.pos >= this.src.length) return undefined;
      if (this.src[this.pos] !== '\n') break;
      this.consumeNewline();
    }
    const script = this.parseList('line');
    this.finishHeredocs();
    return script;
  }

  /** skipLine moves past the rest of the current line after a syntax error. */
  skipLine(): void {
    const nl = this.src.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.src.length : nl + 1;
    this.pending = [];
    this.active = [];
  }

  protected parseNested(): Script {
    return this.parseList('paren');
  }

  protected parseSource(text: string): Script {
    const inner = new Parser(text, this.aliases);
    const script: Script = [];
    for (let s = inner.next(); s !== undefined; s = inner.next()) script.push(...s);
    this.warnings.push(...inner.warnings);
    this.needsMore ||= inner.needsMore;
    return script;
  }

  /** arithParts reads an arithmetic expression's text (also a piece of `for (( ; ; ))`) into parts. */
  arithParts(text: string): WordPart[] {
    const inner = new Parser(text, this.aliases);
    const parts = inner.readArithParts();
    this.needsMore ||= inner.needsMore;
    return parts;
  }

  /** keywordAt is the reserved word starting at `pos`, if one does. */
  keywordAt(): string | undefined {
    KEYWORD.lastIndex = this.pos;
    return KEYWORD.exec(this.src)?.[0];
  }

  /** compoundList reads the body of a compound command up to one of `closers`; like bash it must not be empty. */
  compoundList(closers: readonly string[]): Script {
    const items: AndOr[] = [];
    for (;;) {
      this.skipBlank(true);
      if (this.pos >= this.src.length) throw endOfFile();
      const keyword = this.keywordAt();
      if (keyword !== undefined && closers.includes(keyword)) {
        if (items.length === 0) throw this.unexpectedToken();
        return items;
      }
      const item = this.parseAndOr();
      items.push(item);
      this.skipBlank(false);
      if (this.pos >= this.src.length) throw endOfFile();
      this.separator(item);
    }
  }

  // Takes the `;`, `&` or newline after a list item, telling which; anything else is a syntax error.
  private separator(item: AndOr): ';' | '&' | '\n' {
    const sep = this.src[this.pos];
    if (sep === ';' && this.src[this.pos + 1] !== ';') {
      this.pos++;
      return sep;
    }
    if (sep === '&' && this.src[this.pos + 1] !== '&' && this.src[this.pos + 1] !== '>') {
      this.pos++;
      item.background = true;
      return sep;
    }
    if (sep !== '\n') throw this.unexpectedToken();
    this.consumeNewline();
    return sep;
  }

  /** redirects reads the redirections that follow a subshell or compound command. */
  redirects(): Redirect[] {
    const redirects: Redirect[] = [];
    for (this.skipBlank(false); this.atRedirect(); this.skipBlank(false)) redirects.push(this.parseRedirect());
    return redirects;
  }

  private parseList(mode: 'line' | 'paren'): Script {
    const items: AndOr[] = [];
    for (;;) {
      this.skipBlank(mode === 'paren');
      const c = this.src[this.pos];
      if (c === undefined) {
        if (mode === 'paren') throw unexpectedEof(')');
        return items;
      }
      if (c === ')' && mode === 'paren') return items;
      if (c === '\n') {
        this.consumeNewline();
        return items;
      }
      const item = this.parseAndOr();
      items.push(item);
      this.skipBlank(false);
      const sep = this.src[this.pos];
      if (sep === undefined || (sep === ')' && mode === 'paren')) continue;
      if (this.separator(item) === '\n' && mode === 'line') return items;
    }
  }

  private parseAndOr(): AndOr {
    const item: AndOr = { first: this.parsePipeline(), rest: [], background: false };
    for (;;) {
      this.skipBlank(false);
      const op = this.src.startsWith('&&', this.pos) ? '&&' : this.src.startsWith('||', this.pos) ? '||' : undefined;
      if (!op) return item;
      this.pos += 2;
      this.skipContinuation();
      item.rest.push({ op, pipeline: this.parsePipeline() });
    }
  }

  private parsePipeline(): Pipeline {
    this.skipBlank(false);
    let negate = false;
    if (this.src[this.pos] === '!' && /^[ \t\n]?$/.test(this.src[this.pos + 1] ?? '')) {
      negate = true;
      this.pos++;
    }
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      this.skipBlank(false);
      if (this.src[this.pos] !== '|' || this.src[this.pos + 1] === '|') return { commands, negate };
      this.pos++;
      if (this.src[this.pos] === '&') {
        // `|&` is shorthand for `2>&1 |`, applied after the command's own redirections.
        this.pos++;
        commands[commands.length - 1]!.redirects.push({ fd: 2, op: '>&', target: literalWord('1') });
      }
      this.skipContinuation();
      commands.push(this.parseCommand());
    }
  }

  private parseCommand(): Command {
    this.skipBlank(false);
    const keyword = this.keywordAt();
    if (keyword !== undefined) {
      if (OPENERS.has(keyword)) return parseCompound(this, keyword);
      if (UNSUPPORTED_KEYWORDS.has(keyword)) {
        throw new ParseError([`${keyword}: this shell keyword is not supported in this sandbox (if, for, while, until and { } are)`], false);
      }
      throw this.unexpectedToken();
    }
    if (this.src.startsWith('((', this.pos)) {
      const arith = parseArithCommand(this);
      if (arith) return arith;
    }
    if (this.src[this.pos] === '(') {
      this.pos++;
      const body = this.parseList('paren');
      if (body.length === 0) throw this.unexpectedToken();
      this.pos++;
      return { type: 'subshell', body, redirects: this.redirects() };
    }
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    this.aliasNextFrom = undefined;
    for (;;) {
      this.skipBlank(false);
      const c = this.src[this.pos];
      if (c === undefined) break;
      if ((c === '<' || c === '>') && this.src[this.pos + 1] === '(') {
        words.push(this.readProcessSubstitution());
        continue;
      }
      if (this.atRedirect()) {
        redirects.push(this.parseRedirect());
        continue;
      }
      if (META.has(c)) {
        if (c === '(' && words.length === 1 && /^\(\s*\)/.test(this.src.slice(this.pos))) {
          throw new ParseError([`${words[0]!.raw}: defining shell functions is not supported in this sandbox`], false);
        }
        if (c === '(') throw this.unexpectedToken();
        break;
      }
      const start = this.pos;
      const word = this.readWord();
      const commandWord = words.length === 0;
      const assignment = commandWord ? asAssignment(word) : undefined;
      if (assignment) {
        assignments.push(assignment);
        continue;
      }
      const afterBlankAlias = this.aliasNextFrom !== undefined && start >= this.aliasNextFrom;
      if ((commandWord || afterBlankAlias) && this.expandAlias(word, start)) continue;
      if (afterBlankAlias) this.aliasNextFrom = undefined;
      words.push(word);
    }
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0) throw this.unexpectedToken();
    return { type: 'simple', assignments, words, redirects };
  }

  private atRedirect(): boolean {
    const m = REDIRECT.exec(this.src.slice(this.pos, this.pos + 12));
    // `<(` is a process substitution, not a redirection followed by a subshell.
    return m !== null && !(m[2] === '<' && this.src[this.pos + m[0].length] === '(');
  }

  private parseRedirect(): Redirect {
    const m = REDIRECT.exec(this.src.slice(this.pos, this.pos + 12))!;
    const opText = m[2] ?? m[3]!;
    const fd = m[1] ? Number(m[1]) : opText.startsWith('<') ? 0 : 1;
    this.pos += m[0].length;
    this.skipBlank(false);
    const c = this.src[this.pos];
    if (c === undefined || META.has(c)) throw this.unexpectedToken();
    const target = this.readWord();
    const op: RedirectOp = opText === '>|' ? '>' : opText === '<<-' ? '<<' : (opText as RedirectOp);
    if (op !== '<<') return { fd, op, target };
    const doc: Heredoc = {
      delimiter: literalText(target),
      quoted: /['"\\]/.test(target.raw),
      stripTabs: opText === '<<-',
      body: [],
    };
    this.pending.push({ doc, line: this.lineAt(this.pos) });
    return { fd, op, target, heredoc: doc };
  }

  private readProcessSubstitution(): Word {
    const start = this.pos;
    const output = this.src[this.pos] === '>';
    this.pos += 2;
    const bodyStart = this.pos;
    this.parseNested();
    const source = this.src.slice(bodyStart, this.pos);
    this.pos++;
    const raw = this.src.slice(start, this.pos);
    if (output) return { parts: [{ type: 'unsupported', message: `${raw}: process substitution is not supported in this sandbox` }], raw };
    return { parts: [{ type: 'procsub', source }], raw };
  }

  // Bash expands an alias by pushing its text in front of the rest of the line; splicing does the same.
  private expandAlias(word: Word, start: number): boolean {
    const name = word.raw;
    const value = own(this.aliases, name);
    if (value === undefined || name !== literalText(word) || word.parts.some((p) => p.type !== 'text' || p.quoted)) return false;
    this.active = this.active.filter((a) => a.end > start);
    if (this.active.some((a) => a.name === name)) return false;
    const end = this.pos;
    const delta = value.length - (end - start);
    for (const a of this.active) a.end += delta;
    if (this.aliasNextFrom !== undefined && this.aliasNextFrom > start) this.aliasNextFrom += delta;
    this.src = this.src.slice(0, start) + value + this.src.slice(end);
    this.active.push({ name, end: start + value.length });
    this.pos = start;
    if (/[ \t]$/.test(value)) this.aliasNextFrom = start + value.length;
    return true;
  }

  /** skipBlank moves past blanks, comments and escaped newlines, and with `newlines` past newlines too. */
  skipBlank(newlines: boolean): void {
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? src.length : nl;
      } else if (c === '\n' && newlines) this.consumeNewline();
      else return;
    }
  }

  // After `|`, `&&` or `||` the command may continue on the next line; at the end of input it must.
  private skipContinuation(): void {
    this.skipBlank(true);
    if (this.pos >= this.src.length) throw new ParseError(['syntax error: unexpected end of file'], true);
  }

  private consumeNewline(): void {
    this.pos++;
    for (const { doc, line } of this.pending) this.readHeredoc(doc, line);
    this.pending = [];
  }

  private finishHeredocs(): void {
    if (this.pos < this.src.length) return;
    for (const { doc, line } of this.pending) this.readHeredoc(doc, line);
    this.pending = [];
  }

  private readHeredoc(doc: Heredoc, line: number): void {
    const src = this.src;
    let body = '';
    for (;;) {
      if (this.pos >= src.length) {
        this.needsMore = true;
        this.warnings.push(`warning: here-document at line ${line} delimited by end-of-file (wanted \`${doc.delimiter}')`);
        break;
      }
      const nl = src.indexOf('\n', this.pos);
      const end = nl < 0 ? src.length : nl;
      let text = src.slice(this.pos, end);
      this.pos = nl < 0 ? src.length : nl + 1;
      if (doc.stripTabs) text = text.replace(/^\t+/, '');
      if (text === doc.delimiter) break;
      body += `${text}\n`;
    }
    doc.body = doc.quoted ? [{ type: 'text', text: body, quoted: true }] : new Parser(body, this.aliases).readHeredocParts();
  }

  private lineAt(pos: number): number {
    let line = 1;
    for (let i = 0; i < pos; i++) if (this.src[i] === '\n') line++;
    return line;
  }

  /** unexpectedToken is bash's syntax error for the token at `pos`. */
  unexpectedToken(): ParseError {
    const rest = this.src.slice(this.pos);
    let token = OPERATORS.find((op) => rest.startsWith(op));
    if (rest === '' || rest.startsWith('\n')) token = 'newline';
    token ??= /^[^ \t\n;&|<>()]*/.exec(rest)![0];
    return new ParseError([`syntax error near unexpected token \`${token}'`], false);
  }
}

/** parseAll parses every line of `src`; it throws ParseError at the first syntax error. */
export function parseAll(src: string, aliases: Readonly<Record<string, string>> = {}): Script {
  const parser = new Parser(src, aliases);
  const script: Script = [];
  for (let s = parser.next(); s !== undefined; s = parser.next()) script.push(...s);
  return script;
}

/** literalText is a word's text with quotes removed and expansions ignored, as heredoc delimiters use it. */
export function literalText(word: Word): string {
  return word.parts.map((p) => (p.type === 'text' ? p.text : p.type === 'param' ? `$${p.name}` : '')).join('');
}

function literalWord(text: string): Word {
  return { parts: [{ type: 'text', text, quoted: false }], raw: text };
}

function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (first?.type !== 'text' || first.quoted) return undefined;
  const m = ASSIGNMENT.exec(first.text);
  if (!m) return undefined;
  const restText = first.text.slice(m[0].length);
  const parts = mergeText([...(restText ? [{ type: 'text' as const, text: restText, quoted: false }] : []), ...word.parts.slice(1)]);
  return { name: m[1]!, value: { parts, raw: word.raw.slice(m[0].length) } };
}
