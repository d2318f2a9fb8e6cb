/**
 * The go-yaml v2 scanner (scannerc.go), ported line by line so that kubectl's YAML errors
 * ("did not find expected key", "could not find expected ':'", "found character that cannot
 * start any token", ...) come out with the same wording and the same positions.
 */
import { Input, isAlpha, isBlank, isBlankZ, isBreak, isBreakZ, YamlSyntaxError, type Mark } from './reader.ts';
import { scanBlockScalar, scanFlowScalar, scanPlainScalar } from './scan-scalars.ts';
import { scanAnchor, scanDirective, scanTag } from './scan-tags.ts';

/** TokenType names libyaml's token kinds. */
export type TokenType =
  | 'STREAM-START' | 'STREAM-END' | 'VERSION-DIRECTIVE' | 'TAG-DIRECTIVE' | 'DOCUMENT-START' | 'DOCUMENT-END'
  | 'BLOCK-SEQUENCE-START' | 'BLOCK-MAPPING-START' | 'BLOCK-END' | 'FLOW-SEQUENCE-START' | 'FLOW-SEQUENCE-END'
  | 'FLOW-MAPPING-START' | 'FLOW-MAPPING-END' | 'BLOCK-ENTRY' | 'FLOW-ENTRY' | 'KEY' | 'VALUE' | 'ALIAS' | 'ANCHOR'
  | 'TAG' | 'SCALAR';

/** ScalarStyle is how a scalar was written. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

/** Token is one scanner token. */
export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** Scalar text, anchor/alias name, or tag handle. */
  value?: string;
  suffix?: string;
  prefix?: string;
  style?: ScalarStyle;
  major?: number;
  minor?: number;
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const MAX_LEVEL = 10000;

/** Scanner turns characters into tokens. */
export class Scanner {
  readonly input: Input;
  tokens: Token[] = [];
  tokensHead = 0;
  tokensParsed = 0;
  tokenAvailable = false;
  streamStartProduced = false;
  streamEndProduced = false;
  indent = -1;
  indents: number[] = [];
  simpleKeyAllowed = false;
  simpleKeys: SimpleKey[] = [];
  possibleByToken = new Set<number>();
  minPossible = 0;
  flowLevel = 0;

  constructor(text: string) {
    this.input = new Input(text);
  }

  get mark(): Mark {
    return this.input.mark;
  }

  /** fail raises a scanner error at the current position. */
  fail(context: string, contextMark: Mark, problem: string): never {
    void context;
    throw new YamlSyntaxError('scanner', problem, this.input.mark, contextMark);
  }

  /** insert puts a token into the queue, at `pos` relative to the head or at the end when pos < 0. */
  insert(pos: number, token: Token): void {
    if (pos < 0) this.tokens.push(token);
    else this.tokens.splice(this.tokensHead + pos, 0, token);
  }

  /** peek returns the next token without consuming it. */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.tokensHead]!;
  }

  /** skipToken consumes the token peek returned. */
  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.tokensHead]!.type === 'STREAM-END';
    this.tokensHead++;
  }

  private fetchMoreTokens(): void {
    for (;;) {
      let need = false;
      if (this.tokensHead === this.tokens.length) need = true;
      else {
        this.staleSimpleKeys();
        need = this.possibleByToken.has(this.tokensParsed);
      }
      if (!need) break;
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    const inp = this.input;
    inp.cache(1);
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.staleSimpleKeys();
    this.unrollIndent(this.mark.column);
    inp.cache(4);
    const c = inp.ch();
    if (c === 0) return this.fetchStreamEnd();
    if (this.mark.column === 0 && c === 0x25) return this.fetchDirective();
    const three = (x: number) => inp.ch() === x && inp.ch(1) === x && inp.ch(2) === x && isBlankZ(inp.ch(3));
    if (this.mark.column === 0 && three(0x2d)) return this.fetchDocumentIndicator('DOCUMENT-START');
    if (this.mark.column === 0 && three(0x2e)) return this.fetchDocumentIndicator('DOCUMENT-END');
    if (c === 0x5b) return this.fetchFlowCollectionStart('FLOW-SEQUENCE-START');
    if (c === 0x7b) return this.fetchFlowCollectionStart('FLOW-MAPPING-START');
    if (c === 0x5d) return this.fetchFlowCollectionEnd('FLOW-SEQUENCE-END');
    if (c === 0x7d) return this.fetchFlowCollectionEnd('FLOW-MAPPING-END');
    if (c === 0x2c) return this.fetchFlowEntry();
    if (c === 0x2d && isBlankZ(inp.ch(1))) return this.fetchBlockEntry();
    if (c === 0x3f && (this.flowLevel > 0 || isBlankZ(inp.ch(1)))) return this.fetchKey();
    if (c === 0x3a && (this.flowLevel > 0 || isBlankZ(inp.ch(1)))) return this.fetchValue();
    if (c === 0x2a) return this.fetchAnchor('ALIAS');
    if (c === 0x26) return this.fetchAnchor('ANCHOR');
    if (c === 0x21) return this.fetchTag();
    if (c === 0x7c && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === 0x3e && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === 0x27) return this.fetchFlowScalar(true);
    if (c === 0x22) return this.fetchFlowScalar(false);
    const indicators = '-?:,[]{}#&*!|>\'"%@`';
    if (
      !(isBlankZ(c) || indicators.includes(String.fromCodePoint(c))) ||
      (c === 0x2d && !isBlank(inp.ch(1))) ||
      (this.flowLevel === 0 && (c === 0x3f || c === 0x3a) && !isBlankZ(inp.ch(1)))
    ) {
      return this.fetchPlainScalar();
    }
    this.fail('while scanning for the next token', this.mark, 'found character that cannot start any token');
  }

  private staleSimpleKeys(): void {
    for (let i = this.minPossible; i < this.simpleKeys.length; i++) {
      const key = this.simpleKeys[i]!;
      if (!key.possible) {
        this.minPossible = i;
        continue;
      }
      if (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index) {
        if (key.required) this.fail('while scanning a simple key', key.mark, "could not find expected ':'");
        key.possible = false;
        this.possibleByToken.delete(key.tokenNumber);
        this.minPossible = i + 1;
      } else break;
    }
  }

  /** saveSimpleKey records that a simple key may start here. */
  saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = { possible: true, required, tokenNumber: this.tokensParsed + (this.tokens.length - this.tokensHead), mark: this.mark };
      this.removeSimpleKey();
      this.possibleByToken.add(key.tokenNumber);
      this.simpleKeys[this.simpleKeys.length - 1] = key;
    }
  }

  /** removeSimpleKey drops the potential simple key of the current flow level. */
  removeSimpleKey(): void {
    const i = this.simpleKeys.length - 1;
    const key = this.simpleKeys[i]!;
    if (key.possible) {
      if (key.required) this.fail('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      this.possibleByToken.delete(key.tokenNumber);
    }
    if (this.minPossible > i) this.minPossible = i;
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: { index: 0, line: 0, column: 0 } });
    this.flowLevel++;
    if (this.flowLevel > MAX_LEVEL) {
      this.fail('while increasing flow level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_LEVEL}`);
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.length - 1;
      if (this.simpleKeys[last]!.possible) this.possibleByToken.delete(this.simpleKeys[last]!.tokenNumber);
      this.simpleKeys.length = last;
      if (this.minPossible > last) this.minPossible = last;
    }
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_LEVEL) {
        this.fail('while increasing indent level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_LEVEL}`);
      }
      this.insert(number > -1 ? number - this.tokensParsed : -1, { type, start: mark, end: mark });
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insert(-1, { type: 'BLOCK-END', start: this.mark, end: this.mark });
      this.indent = this.indents.pop()!;
    }
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: { index: 0, line: 0, column: 0 } });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.insert(-1, { type: 'STREAM-START', start: this.mark, end: this.mark });
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) this.input.mark = { index: this.mark.index, line: this.mark.line + 1, column: 0 };
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, { type: 'STREAM-END', start: this.mark, end: this.mark });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, scanDirective(this));
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.mark;
    this.input.skip();
    this.input.skip();
    this.input.skip();
    this.insert(-1, { type, start, end: this.mark });
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.simpleToken(type);
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.simpleToken(type);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.simpleToken('FLOW-ENTRY');
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.mark, 'block sequence entries are not allowed in this context');
      this.rollIndent(this.mark.column, -1, 'BLOCK-SEQUENCE-START', this.mark);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.simpleToken('BLOCK-ENTRY');
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.mark, 'mapping keys are not allowed in this context');
      this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.mark);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.simpleToken('KEY');
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (key.possible) {
      this.insert(key.tokenNumber - this.tokensParsed, { type: 'KEY', start: key.mark, end: key.mark });
      this.rollIndent(key.mark.column, key.tokenNumber, 'BLOCK-MAPPING-START', key.mark);
      key.possible = false;
      this.possibleByToken.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail('', this.mark, 'mapping values are not allowed in this context');
        this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.mark);
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.simpleToken('VALUE');
  }

  private fetchAnchor(type: 'ALIAS' | 'ANCHOR'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, scanAnchor(this, type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, scanTag(this));
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insert(-1, scanBlockScalar(this, literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, scanFlowScalar(this, single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, scanPlainScalar(this));
  }

  private simpleToken(type: TokenType): void {
    const start = this.mark;
    this.input.skip();
    this.insert(-1, { type, start, end: this.mark });
  }

  private scanToNextToken(): void {
    const inp = this.input;
    for (;;) {
      inp.cache(1);
      if (this.mark.column === 0 && inp.ch() === 0xfeff) inp.skip();
      inp.cache(1);
      while (inp.ch() === 0x20 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && inp.ch() === 0x09)) {
        inp.skip();
        inp.cache(1);
      }
      if (inp.ch() === 0x23) {
        while (!isBreakZ(inp.ch())) {
          inp.skip();
          inp.cache(1);
        }
      }
      if (isBreak(inp.ch())) {
        inp.cache(2);
        inp.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else break;
    }
  }
}

export { isAlpha };
