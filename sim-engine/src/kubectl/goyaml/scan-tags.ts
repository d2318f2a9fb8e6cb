/**
 * The go-yaml v2 scanner's token readers for directives, anchors and tags, ported from
 * scannerc.go with their error messages; scalars are in scan-scalars.ts.
 */
import { asHex, isAlpha, isBlank, isBlankZ, isBreak, isBreakZ, isDigit, isHex, type Mark } from './reader.ts';
import type { Scanner, Token } from './scanner.ts';
import { decodeUTF8 } from '../printers/go-fmt.ts';

/** scanDirective reads a %YAML or %TAG directive line. */
export function scanDirective(s: Scanner): Token {
  const inp = s.input;
  const start = s.mark;
  inp.skip();
  inp.cache(1);
  let name = '';
  while (isAlpha(inp.ch())) {
    name += inp.read();
    inp.cache(1);
  }
  if (!name) s.fail('while scanning a directive', start, 'could not find expected directive name');
  if (!isBlankZ(inp.ch())) s.fail('while scanning a directive', start, 'found unexpected non-alphabetical character');
  let token: Token;
  if (name === 'YAML') {
    skipBlanks(s);
    const major = versionNumber(s, start);
    if (inp.ch() !== 0x2e) s.fail('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
    inp.skip();
    const minor = versionNumber(s, start);
    token = { type: 'VERSION-DIRECTIVE', start, end: s.mark, major, minor };
  } else if (name === 'TAG') {
    skipBlanks(s);
    const handle = scanTagHandle(s, true, start);
    inp.cache(1);
    if (!isBlank(inp.ch())) s.fail('while scanning a %TAG directive', start, 'did not find expected whitespace');
    skipBlanks(s);
    const prefix = scanTagUri(s, true, '', start);
    inp.cache(1);
    if (!isBlankZ(inp.ch())) s.fail('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
    token = { type: 'TAG-DIRECTIVE', start, end: s.mark, value: handle, prefix };
  } else {
    s.fail('while scanning a directive', start, 'found unknown directive name');
  }
  inp.cache(1);
  skipBlanks(s);
  skipComment(s);
  if (!isBreakZ(inp.ch())) s.fail('while scanning a directive', start, 'did not find expected comment or line break');
  if (isBreak(inp.ch())) {
    inp.cache(2);
    inp.skipLine();
  }
  return token;
}

/** skipBlanks skips spaces and tabs. */
export function skipBlanks(s: Scanner): void {
  s.input.cache(1);
  while (isBlank(s.input.ch())) {
    s.input.skip();
    s.input.cache(1);
  }
}

/** skipComment skips a `#` comment up to the line break. */
export function skipComment(s: Scanner): void {
  if (s.input.ch() === 0x23) {
    while (!isBreakZ(s.input.ch())) {
      s.input.skip();
      s.input.cache(1);
    }
  }
}

function versionNumber(s: Scanner, start: Mark): number {
  const inp = s.input;
  inp.cache(1);
  let value = 0;
  let length = 0;
  while (isDigit(inp.ch())) {
    length++;
    if (length > 2) s.fail('while scanning a %YAML directive', start, 'found extremely long version number');
    value = value * 10 + inp.ch() - 0x30;
    inp.skip();
    inp.cache(1);
  }
  if (length === 0) s.fail('while scanning a %YAML directive', start, 'did not find expected version number');
  return value;
}

/** scanAnchor reads `&name` or `*name`. */
export function scanAnchor(s: Scanner, type: 'ALIAS' | 'ANCHOR'): Token {
  const inp = s.input;
  const start = s.mark;
  inp.skip();
  inp.cache(1);
  let name = '';
  while (isAlpha(inp.ch())) {
    name += inp.read();
    inp.cache(1);
  }
  const end = s.mark;
  const c = inp.ch();
  if (!name || !(isBlankZ(c) || '?:,]}%@`'.includes(String.fromCodePoint(c)))) {
    s.fail(type === 'ANCHOR' ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character');
  }
  return { type, start, end, value: name };
}

/** scanTag reads `!suffix`, `!handle!suffix` or `!<verbatim>`. */
export function scanTag(s: Scanner): Token {
  const inp = s.input;
  const start = s.mark;
  inp.cache(2);
  let handle: string;
  let suffix: string;
  if (inp.ch(1) === 0x3c) {
    handle = '';
    inp.skip();
    inp.skip();
    suffix = scanTagUri(s, false, '', start);
    if (inp.ch() !== 0x3e) s.fail('while scanning a tag', start, "did not find the expected '>'");
    inp.skip();
  } else {
    handle = scanTagHandle(s, false, start);
    if (handle[0] === '!' && handle.length > 1 && handle[handle.length - 1] === '!') {
      suffix = scanTagUri(s, false, '', start);
    } else {
      suffix = scanTagUri(s, false, handle, start);
      handle = '!';
      if (suffix.length === 0) [handle, suffix] = [suffix, handle];
    }
  }
  inp.cache(1);
  if (!isBlankZ(inp.ch())) s.fail('while scanning a tag', start, 'did not find expected whitespace or line break');
  return { type: 'TAG', start, end: s.mark, value: handle, suffix };
}

function tagContext(directive: boolean): string {
  return directive ? 'while parsing a %TAG directive' : 'while parsing a tag';
}

function scanTagHandle(s: Scanner, directive: boolean, start: Mark): string {
  const inp = s.input;
  inp.cache(1);
  if (inp.ch() !== 0x21) s.fail(tagContext(directive), start, "did not find expected '!'");
  let out = inp.read();
  inp.cache(1);
  while (isAlpha(inp.ch())) {
    out += inp.read();
    inp.cache(1);
  }
  if (inp.ch() === 0x21) out += inp.read();
  else if (directive && out !== '!') s.fail(tagContext(directive), start, "did not find expected '!'");
  return out;
}

const URI_CHARS = ";/?:@&=+$,.!~*'()[]%";

function scanTagUri(s: Scanner, directive: boolean, head: string, start: Mark): string {
  const inp = s.input;
  let out = head.length > 1 ? head.slice(1) : '';
  let hasTag = head.length > 0;
  inp.cache(1);
  while (isAlpha(inp.ch()) || (inp.ch() !== 0 && URI_CHARS.includes(String.fromCodePoint(inp.ch())))) {
    if (inp.ch() === 0x25) out += scanUriEscapes(s, directive, start);
    else out += inp.read();
    inp.cache(1);
    hasTag = true;
  }
  if (!hasTag) s.fail(tagContext(directive), start, 'did not find expected tag URI');
  return out;
}

function scanUriEscapes(s: Scanner, directive: boolean, start: Mark): string {
  const inp = s.input;
  const bytes: number[] = [];
  let w = 1024;
  while (w > 0) {
    inp.cache(3);
    if (!(inp.ch() === 0x25 && isHex(inp.ch(1)) && isHex(inp.ch(2)))) s.fail(tagContext(directive), start, 'did not find URI escaped octet');
    const octet = (asHex(inp.ch(1)) << 4) + asHex(inp.ch(2));
    if (w === 1024) {
      w = octet < 0x80 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
      if (w === 0) s.fail(tagContext(directive), start, 'found an incorrect leading UTF-8 octet');
    } else if ((octet & 0xc0) !== 0x80) {
      s.fail(tagContext(directive), start, 'found an incorrect trailing UTF-8 octet');
    }
    bytes.push(octet);
    inp.skip();
    inp.skip();
    inp.skip();
    w--;
  }
  return decodeUTF8(bytes);
}
