/**
 * The input side of the go-yaml v2 port (sigs.k8s.io/yaml's goyaml.v2, which kubectl uses to
 * read manifests): the character buffer, positions (marks) and libyaml's character classes.
 * Positions count characters, lines and columns from 0, exactly as go-yaml's marks do.
 */

/** Mark is a position in the input: character index, 0-based line and column. */
export interface Mark {
  index: number;
  line: number;
  column: number;
}

/** YamlErrorKind is which stage of libyaml failed; it decides how the line is reported. */
export type YamlErrorKind = 'reader' | 'scanner' | 'parser';

/** YamlSyntaxError is a failure inside the scanner or parser, reported as go-yaml's `parser.fail()` does. */
export class YamlSyntaxError extends Error {
  readonly kind: YamlErrorKind;
  readonly problemMark: Mark;
  readonly contextMark: Mark;

  constructor(kind: YamlErrorKind, problem: string, problemMark: Mark, contextMark: Mark) {
    super(problem);
    this.kind = kind;
    this.problemMark = problemMark;
    this.contextMark = contextMark;
  }
}

const ZERO: Mark = { index: 0, line: 0, column: 0 };

/** RAW_CHUNK is the reader's raw buffer size: input is decoded (and checked) 512 bytes at a time. */
const RAW_CHUNK = 512;

/** Input is the decoded character buffer the scanner walks over. */
export class Input {
  /** Code points of the input; reads past the end see 0 (libyaml's NUL padding). */
  readonly cps: number[];
  pos = 0;
  mark: Mark = { index: 0, line: 0, column: 0 };
  /** Character index from which a reader error becomes visible, or Infinity. */
  private readonly readerErrorFrom: number;

  constructor(text: string) {
    this.cps = Array.from(text, (c) => c.codePointAt(0)!);
    this.readerErrorFrom = readerErrorIndex(this.cps);
  }

  /** ch returns the code point at `pos + offset`, or 0 past the end. */
  ch(offset = 0): number {
    return this.cps[this.pos + offset] ?? 0;
  }

  /** cache makes sure `n` characters are decoded; it fails where go-yaml's reader would reject a control character. */
  cache(n: number): void {
    if (this.pos + n - 1 >= this.readerErrorFrom) {
      throw new YamlSyntaxError('reader', 'control characters are not allowed', ZERO, ZERO);
    }
  }

  /** skip advances one character on the current line. */
  skip(): void {
    this.pos++;
    this.mark = { index: this.mark.index + 1, line: this.mark.line, column: this.mark.column + 1 };
  }

  /** skipLine advances over a line break (CR LF counts as one). */
  skipLine(): void {
    if (this.ch() === 0x0d && this.ch(1) === 0x0a) {
      this.pos += 2;
      this.mark = { index: this.mark.index + 2, line: this.mark.line + 1, column: 0 };
    } else if (isBreak(this.ch())) {
      this.pos++;
      this.mark = { index: this.mark.index + 1, line: this.mark.line + 1, column: 0 };
    }
  }

  /** read copies the current character and advances. */
  read(): string {
    const c = String.fromCodePoint(this.ch());
    this.skip();
    return c;
  }

  /** readLine consumes a line break and returns it normalised as libyaml does ('\n', or LS/PS kept). */
  readLine(): string {
    const c = this.ch();
    let out: string;
    if (c === 0x0d && this.ch(1) === 0x0a) {
      this.pos += 2;
      this.mark = { index: this.mark.index + 2, line: this.mark.line + 1, column: 0 };
      return '\n';
    }
    if (c === 0x0d || c === 0x0a || c === 0x85) out = '\n';
    else if (c === 0x2028 || c === 0x2029) out = String.fromCodePoint(c);
    else return '';
    this.pos++;
    this.mark = { index: this.mark.index + 1, line: this.mark.line + 1, column: 0 };
    return out;
  }
}

/** utf8Width is how many bytes a code point takes in UTF-8. */
function utf8Width(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** allowed is libyaml's set of characters permitted in a YAML stream. */
function allowed(cp: number): boolean {
  return (
    cp === 0x09 || cp === 0x0a || cp === 0x0d || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** readerErrorIndex finds the first character of the 512-byte chunk holding a forbidden character. */
function readerErrorIndex(cps: number[]): number {
  let bytes = 0;
  const starts: number[] = [];
  for (let i = 0; i < cps.length; i++) {
    starts.push(bytes);
    if (!allowed(cps[i]!)) {
      const chunkStart = Math.floor(bytes / RAW_CHUNK) * RAW_CHUNK;
      let j = i;
      while (j > 0 && starts[j - 1]! >= chunkStart) j--;
      return j;
    }
    bytes += utf8Width(cps[i]!);
  }
  return Number.POSITIVE_INFINITY;
}

/** isAlpha is [0-9A-Za-z_-]. */
export const isAlpha = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
/** isDigit is [0-9]. */
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** isHex is [0-9A-Fa-f]. */
export const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
/** asHex is a hex digit's value. */
export const asHex = (c: number): number => (c >= 0x61 ? c - 0x57 : c >= 0x41 ? c - 0x37 : c - 0x30);
/** isBreak is CR, LF, NEL, LS or PS. */
export const isBreak = (c: number): boolean => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
/** isBlank is a space or a tab. */
export const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;
/** isBreakZ is a line break or the end of input. */
export const isBreakZ = (c: number): boolean => isBreak(c) || c === 0;
/** isBlankZ is a blank, a line break or the end of input. */
export const isBlankZ = (c: number): boolean => isBlank(c) || isBreakZ(c);
