/**
 * The go-yaml v2 scanner's readers for the three kinds of scalars (block, quoted and plain),
 * ported from scannerc.go with their error messages.
 */
import { asHex, isBlank, isBlankZ, isBreak, isBreakZ, isDigit, isHex, type Mark } from './reader.ts';
import type { Scanner, Token } from './scanner.ts';
import { skipBlanks, skipComment } from './scan-tags.ts';

/** scanBlockScalar reads a `|` or `>` scalar. */
export function scanBlockScalar(s: Scanner, literal: boolean): Token {
  const inp = s.input;
  const start = s.mark;
  inp.skip();
  inp.cache(1);
  let chomping = 0;
  let increment = 0;
  const readChomp = () => {
    if (inp.ch() === 0x2b || inp.ch() === 0x2d) {
      chomping = inp.ch() === 0x2b ? 1 : -1;
      inp.skip();
      return true;
    }
    return false;
  };
  const readIncrement = () => {
    if (isDigit(inp.ch())) {
      if (inp.ch() === 0x30) s.fail('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = inp.ch() - 0x30;
      inp.skip();
    }
  };
  if (readChomp()) {
    inp.cache(1);
    readIncrement();
  } else if (isDigit(inp.ch())) {
    readIncrement();
    inp.cache(1);
    readChomp();
  }
  inp.cache(1);
  skipBlanks(s);
  skipComment(s);
  if (!isBreakZ(inp.ch())) s.fail('while scanning a block scalar', start, 'did not find expected comment or line break');
  if (isBreak(inp.ch())) {
    inp.cache(2);
    inp.skipLine();
  }
  const endRef = { mark: s.mark };
  let indent = increment > 0 ? (s.indent >= 0 ? s.indent + increment : increment) : 0;
  let out = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let r = blockScalarBreaks(s, indent, start, endRef);
  indent = r.indent;
  trailingBreaks = r.breaks;
  inp.cache(1);
  let leadingBlank = false;
  let trailingBlank = false;
  while (s.mark.column === indent && inp.ch() !== 0) {
    trailingBlank = isBlank(inp.ch());
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak.length > 0 && leadingBreak[0] === '\n') {
      if (trailingBreaks.length === 0) out += ' ';
    } else out += leadingBreak;
    leadingBreak = '';
    out += trailingBreaks;
    trailingBreaks = '';
    leadingBlank = isBlank(inp.ch());
    while (!isBreakZ(inp.ch())) {
      out += inp.read();
      inp.cache(1);
    }
    inp.cache(2);
    leadingBreak = inp.readLine();
    r = blockScalarBreaks(s, indent, start, endRef);
    indent = r.indent;
    trailingBreaks = r.breaks;
  }
  if (chomping !== -1) out += leadingBreak;
  if (chomping === 1) out += trailingBreaks;
  return { type: 'SCALAR', start, end: endRef.mark, value: out, style: literal ? 'literal' : 'folded' };
}

function blockScalarBreaks(s: Scanner, indent: number, start: Mark, endRef: { mark: Mark }): { indent: number; breaks: string } {
  const inp = s.input;
  endRef.mark = s.mark;
  let maxIndent = 0;
  let breaks = '';
  for (;;) {
    inp.cache(1);
    while ((indent === 0 || s.mark.column < indent) && inp.ch() === 0x20) {
      inp.skip();
      inp.cache(1);
    }
    if (s.mark.column > maxIndent) maxIndent = s.mark.column;
    if ((indent === 0 || s.mark.column < indent) && inp.ch() === 0x09) {
      s.fail('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
    }
    if (!isBreak(inp.ch())) break;
    inp.cache(2);
    breaks += inp.readLine();
    endRef.mark = s.mark;
  }
  if (indent === 0) {
    indent = maxIndent;
    if (indent < s.indent + 1) indent = s.indent + 1;
    if (indent < 1) indent = 1;
  }
  return { indent, breaks };
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', "'": "'", '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** scanFlowScalar reads a single- or double-quoted scalar. */
export function scanFlowScalar(s: Scanner, single: boolean): Token {
  const inp = s.input;
  const start = s.mark;
  inp.skip();
  let out = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  for (;;) {
    inp.cache(4);
    const three = (x: number) => inp.ch() === x && inp.ch(1) === x && inp.ch(2) === x;
    if (s.mark.column === 0 && (three(0x2d) || three(0x2e)) && isBlankZ(inp.ch(3))) {
      s.fail('while scanning a quoted scalar', start, 'found unexpected document indicator');
    }
    if (inp.ch() === 0) s.fail('while scanning a quoted scalar', start, 'found unexpected end of stream');
    let leadingBlanks = false;
    while (!isBlankZ(inp.ch())) {
      const c = inp.ch();
      if (single && c === 0x27 && inp.ch(1) === 0x27) {
        out += "'";
        inp.skip();
        inp.skip();
      } else if (single && c === 0x27) break;
      else if (!single && c === 0x22) break;
      else if (!single && c === 0x5c && isBreak(inp.ch(1))) {
        inp.cache(3);
        inp.skip();
        inp.skipLine();
        leadingBlanks = true;
        break;
      } else if (!single && c === 0x5c) {
        const e = String.fromCodePoint(inp.ch(1));
        let codeLength = 0;
        if (e === 'x') codeLength = 2;
        else if (e === 'u') codeLength = 4;
        else if (e === 'U') codeLength = 8;
        else if (Object.hasOwn(ESCAPES, e)) out += ESCAPES[e];
        else s.fail('while parsing a quoted scalar', start, 'found unknown escape character');
        inp.skip();
        inp.skip();
        if (codeLength > 0) {
          inp.cache(codeLength);
          let value = 0;
          for (let k = 0; k < codeLength; k++) {
            if (!isHex(inp.ch(k))) s.fail('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
            value = value * 16 + asHex(inp.ch(k));
          }
          if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
            s.fail('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
          }
          out += String.fromCodePoint(value);
          for (let k = 0; k < codeLength; k++) inp.skip();
        }
      } else out += inp.read();
      inp.cache(2);
    }
    inp.cache(1);
    if (inp.ch() === (single ? 0x27 : 0x22)) break;
    while (isBlank(inp.ch()) || isBreak(inp.ch())) {
      if (isBlank(inp.ch())) {
        if (!leadingBlanks) whitespaces += inp.read();
        else inp.skip();
      } else {
        inp.cache(2);
        if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = inp.readLine();
          leadingBlanks = true;
        } else trailingBreaks += inp.readLine();
      }
      inp.cache(1);
    }
    if (leadingBlanks) {
      if (leadingBreak.length > 0 && leadingBreak[0] === '\n') out += trailingBreaks.length === 0 ? ' ' : trailingBreaks;
      else out += leadingBreak + trailingBreaks;
      trailingBreaks = '';
      leadingBreak = '';
    } else {
      out += whitespaces;
      whitespaces = '';
    }
  }
  inp.skip();
  return { type: 'SCALAR', start, end: s.mark, value: out, style: single ? 'single' : 'double' };
}

/** scanPlainScalar reads an unquoted scalar, possibly over several lines. */
export function scanPlainScalar(s: Scanner): Token {
  const inp = s.input;
  let out = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  let leadingBlanks = false;
  const indent = s.indent + 1;
  const start = s.mark;
  let end = s.mark;
  for (;;) {
    inp.cache(4);
    const three = (x: number) => inp.ch() === x && inp.ch(1) === x && inp.ch(2) === x;
    if (s.mark.column === 0 && (three(0x2d) || three(0x2e)) && isBlankZ(inp.ch(3))) break;
    if (inp.ch() === 0x23) break;
    while (!isBlankZ(inp.ch())) {
      const c = inp.ch();
      if ((c === 0x3a && isBlankZ(inp.ch(1))) || (s.flowLevel > 0 && (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d))) break;
      if (leadingBlanks || whitespaces.length > 0) {
        if (leadingBlanks) {
          if (leadingBreak[0] === '\n') out += trailingBreaks.length === 0 ? ' ' : trailingBreaks;
          else out += leadingBreak + trailingBreaks;
          trailingBreaks = '';
          leadingBreak = '';
          leadingBlanks = false;
        } else {
          out += whitespaces;
          whitespaces = '';
        }
      }
      out += inp.read();
      end = s.mark;
      inp.cache(2);
    }
    if (!(isBlank(inp.ch()) || isBreak(inp.ch()))) break;
    inp.cache(1);
    while (isBlank(inp.ch()) || isBreak(inp.ch())) {
      if (isBlank(inp.ch())) {
        if (leadingBlanks && s.mark.column < indent && inp.ch() === 0x09) {
          s.fail('while scanning a plain scalar', start, 'found a tab character that violates indentation');
        }
        if (!leadingBlanks) whitespaces += inp.read();
        else inp.skip();
      } else {
        inp.cache(2);
        if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = inp.readLine();
          leadingBlanks = true;
        } else trailingBreaks += inp.readLine();
      }
      inp.cache(1);
    }
    if (s.flowLevel === 0 && s.mark.column < indent) break;
  }
  if (leadingBlanks) s.simpleKeyAllowed = true;
  return { type: 'SCALAR', start, end, value: out, style: 'plain' };
}
