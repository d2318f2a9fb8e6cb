/**
 * The parser of container scripts, compiling straight to a flat list of instructions with
 * jumps. A flat program means a running script's whole position is a number (plus loop
 * counters and variables), which is plain data a snapshot can hold and a restore can resume.
 * Grammar: lists joined by `;` newline `&&` `||`, `!`, `{ }`, `( )`, `while`/`until`, `for`,
 * `if`/`elif`/`else`, assignments and redirections. Pipes and `&` are refused honestly.
 */
import { lex, ScriptSyntaxError, type Token, type Word } from './lex.ts';

/** Redirect sends fd 1 or 2 to a file (`target`) or to another fd (`dup`). */
export interface Redirect {
  fd: number;
  op: string;
  target?: Word;
  dup?: number;
}

/** SimpleCommand is assignments, words and redirections. */
export interface SimpleCommand {
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

/** Instr is one step of a compiled script. */
export type Instr =
  | { op: 'run'; cmd: SimpleCommand }
  | { op: 'jump'; to: number }
  /** Jump when the last status is zero (`ok`) or not (`fail`). */
  | { op: 'jumpIf'; when: 'ok' | 'fail'; to: number }
  | { op: 'not' }
  | { op: 'forInit'; slot: number; words: Word[] }
  | { op: 'forNext'; slot: number; name: string; to: number };

const CLOSERS = new Set(['do', 'done', 'then', 'elif', 'else', 'fi', '}', 'esac']);

/** compile parses a script into instructions, or throws ScriptSyntaxError with the shell's words. */
export function compile(src: string): Instr[] {
  const p = new Compiler(lex(src));
  p.list();
  if (!p.atEnd()) throw new ScriptSyntaxError(`syntax error: unexpected "${p.peekText()}"`);
  return p.code;
}

class Compiler {
  readonly code: Instr[] = [];
  private pos = 0;
  private slots = 0;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  peekText(): string {
    const t = this.tokens[this.pos];
    return !t ? 'end of file' : t.kind === 'word' ? t.word.raw : t.kind === 'op' ? (t.op === '\n' ? 'newline' : t.op) : t.op;
  }

  /** list compiles and-or lists until a closing keyword, `)` or the end. */
  list(): void {
    this.skipNewlines();
    while (!this.atEnd() && !this.atCloser()) {
      this.andOr();
      const t = this.tokens[this.pos];
      if (t?.kind === 'op' && (t.op === ';' || t.op === '\n')) {
        this.pos++;
        this.skipNewlines();
      } else if (t?.kind === 'op' && t.op === '&') {
        throw new ScriptSyntaxError('background jobs (&) are not supported in this sandbox');
      } else break;
    }
  }

  private andOr(): void {
    const jumps: { at: number }[] = [];
    this.pipeline();
    for (;;) {
      const t = this.tokens[this.pos];
      if (t?.kind !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.pos++;
      this.skipNewlines();
      // `a && b`: skip b when a failed; `a || b`: skip b when a succeeded. The status carries over.
      const at = this.emit({ op: 'jumpIf', when: t.op === '&&' ? 'fail' : 'ok', to: -1 });
      this.pipeline();
      (this.code[at] as { to: number }).to = this.code.length;
      jumps.push({ at });
    }
  }

  private pipeline(): void {
    const bang = this.keyword('!');
    if (bang) this.pos++;
    this.command();
    const t = this.tokens[this.pos];
    if (t?.kind === 'op' && t.op === '|') throw new ScriptSyntaxError('pipes in container scripts are not supported in this sandbox');
    if (bang) this.emit({ op: 'not' });
  }

  private command(): void {
    if (this.keyword('while') || this.keyword('until')) return this.whileLoop();
    if (this.keyword('for')) return this.forLoop();
    if (this.keyword('if')) return this.ifClause();
    if (this.keyword('case')) throw new ScriptSyntaxError('case statements are not supported in this sandbox');
    if (this.keyword('{')) {
      this.pos++;
      this.list();
      this.expect('}');
      return;
    }
    const t = this.tokens[this.pos];
    if (t?.kind === 'op' && t.op === '(') {
      // A subshell behaves like a group here: the script model has no separate process state.
      this.pos++;
      this.list();
      if (!(this.tokens[this.pos]?.kind === 'op' && (this.tokens[this.pos] as { op: string }).op === ')')) throw new ScriptSyntaxError(`syntax error: unexpected "${this.peekText()}" (expecting ")")`);
      this.pos++;
      return;
    }
    this.simple();
  }

  private whileLoop(): void {
    const until = this.keyword('until');
    this.pos++;
    const top = this.code.length;
    this.list();
    this.expect('do');
    const exit = this.emit({ op: 'jumpIf', when: until ? 'ok' : 'fail', to: -1 });
    this.list();
    this.expect('done');
    this.emit({ op: 'jump', to: top });
    (this.code[exit] as { to: number }).to = this.code.length;
    // A loop whose body never ran leaves status 0, as sh does.
    this.emit({ op: 'run', cmd: { assigns: [], words: [{ parts: [{ lit: 'true', quoted: false }], raw: 'true', quoted: false }], redirects: [] } });
  }

  private forLoop(): void {
    this.pos++;
    const name = this.tokens[this.pos];
    if (name?.kind !== 'word' || !/^[A-Za-z_]\w*$/.test(name.word.raw)) throw new ScriptSyntaxError(`syntax error: bad for loop variable`);
    this.pos++;
    const words: Word[] = [];
    this.skipNewlines();
    if (this.keyword('in')) {
      this.pos++;
      while (this.tokens[this.pos]?.kind === 'word') words.push((this.tokens[this.pos++] as { word: Word }).word);
    } else words.push({ parts: [{ param: '@', quoted: true }], raw: '"$@"', quoted: true });
    const sep = this.tokens[this.pos];
    if (sep?.kind === 'op' && (sep.op === ';' || sep.op === '\n')) this.pos++;
    this.skipNewlines();
    this.expect('do');
    const slot = this.slots++;
    this.emit({ op: 'forInit', slot, words });
    const top = this.emit({ op: 'forNext', slot, name: name.word.raw, to: -1 });
    this.list();
    this.expect('done');
    this.emit({ op: 'jump', to: top });
    (this.code[top] as { to: number }).to = this.code.length;
  }

  private ifClause(): void {
    this.pos++;
    const ends: number[] = [];
    for (;;) {
      this.list();
      this.expect('then');
      const skip = this.emit({ op: 'jumpIf', when: 'fail', to: -1 });
      this.list();
      ends.push(this.emit({ op: 'jump', to: -1 }));
      (this.code[skip] as { to: number }).to = this.code.length;
      if (this.keyword('elif')) {
        this.pos++;
        continue;
      }
      if (this.keyword('else')) {
        this.pos++;
        this.list();
      } else {
        // No branch taken: `if` returns 0.
        this.emit({ op: 'run', cmd: { assigns: [], words: [{ parts: [{ lit: 'true', quoted: false }], raw: 'true', quoted: false }], redirects: [] } });
      }
      this.expect('fi');
      break;
    }
    for (const e of ends) (this.code[e] as { to: number }).to = this.code.length;
  }

  private simple(): void {
    const cmd: SimpleCommand = { assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.tokens[this.pos];
      if (t?.kind === 'redir') {
        this.pos++;
        if (t.dup !== undefined) cmd.redirects.push({ fd: t.fd, op: t.op, dup: t.dup });
        else {
          const target = this.tokens[this.pos];
          if (target?.kind !== 'word') throw new ScriptSyntaxError(`syntax error: unexpected "${this.peekText()}"`);
          this.pos++;
          cmd.redirects.push({ fd: t.fd, op: t.op, target: target.word });
        }
      } else if (t?.kind === 'word') {
        const m = cmd.words.length === 0 ? /^([A-Za-z_]\w*)=/.exec(t.word.raw) : null;
        const first = t.word.parts[0];
        if (m && first && 'lit' in first && !first.quoted && first.lit.length >= m[0].length) {
          cmd.assigns.push({ name: m[1]!, value: dropPrefix(t.word, m[0].length) });
        } else cmd.words.push(t.word);
        this.pos++;
      } else break;
    }
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirects.length) throw new ScriptSyntaxError(`syntax error: unexpected "${this.peekText()}"`);
    this.emit({ op: 'run', cmd });
  }

  private keyword(k: string): boolean {
    const t = this.tokens[this.pos];
    return t?.kind === 'word' && !t.word.quoted && t.word.raw === k;
  }

  private atCloser(): boolean {
    const t = this.tokens[this.pos];
    if (t?.kind === 'op' && (t.op === ')' || t.op === ';;')) return true;
    return t?.kind === 'word' && !t.word.quoted && CLOSERS.has(t.word.raw);
  }

  private expect(k: string): void {
    if (!this.keyword(k)) throw new ScriptSyntaxError(`syntax error: unexpected "${this.peekText()}" (expecting "${k}")`);
    this.pos++;
  }

  private skipNewlines(): void {
    while (this.tokens[this.pos]?.kind === 'op' && (this.tokens[this.pos] as { op: string }).op === '\n') this.pos++;
  }

  private emit(i: Instr): number {
    this.code.push(i);
    return this.code.length - 1;
  }
}

/** dropPrefix removes the `NAME=` characters from the front of an assignment word. */
function dropPrefix(w: Word, n: number): Word {
  const parts = [...w.parts];
  let left = n;
  while (left > 0 && parts.length) {
    const first = parts[0]!;
    if (!('lit' in first)) break;
    if (first.lit.length <= left) {
      left -= first.lit.length;
      parts.shift();
    } else {
      parts[0] = { ...first, lit: first.lit.slice(left) };
      left = 0;
    }
  }
  return { parts, raw: w.raw.slice(n), quoted: w.quoted };
}
