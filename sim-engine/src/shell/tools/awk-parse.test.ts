import { describe, it, expect } from 'vitest';
import { AwkSyntaxError } from './awk-lex.ts';
import { parseAwk } from './awk-parse.ts';

function column(src: string): [string, number] | undefined {
  try {
    parseAwk(src);
  } catch (e) {
    if (e instanceof AwkSyntaxError) return [e.message, e.column];
    throw e;
  }
  return undefined;
}

describe('parseAwk', () => {
  it('parses items with BEGIN, END, patterns and ranges', () => {
    const items = parseAwk('BEGIN { x = 1 } /re/ NR > 1 { print $1, $2 } END { print x }');
    expect(items.map((i) => (typeof i.pattern === 'string' ? i.pattern : i.pattern?.k))).toEqual(['BEGIN', 'binary', 'END']);
    expect(parseAwk('NR==1, NR==3')[0]?.until?.k).toBe('binary');
  });

  it('reads `$NF-1` as ($NF)-1 and concatenation below comparison', () => {
    const [item] = parseAwk('{ print $NF-1 }');
    const stmt = item!.action![0]!;
    expect(stmt.k === 'print' && stmt.args[0]).toMatchObject({ k: 'binary', op: '-', l: { k: 'field', e: { k: 'var', name: 'NF' } } });
    const [cmp] = parseAwk('$1 "x" == "ax"');
    expect(cmp!.pattern).toMatchObject({ k: 'binary', op: '==', l: { k: 'binary', op: 'concat' } });
  });

  it('tells division from a regex by what precedes the slash', () => {
    const [item] = parseAwk('{ print $1 / 2, /x/ }');
    const stmt = item!.action![0]!;
    expect(stmt.k === 'print' && stmt.args.map((a) => a.k)).toEqual(['binary', 'regex']);
  });

  it('points at what it cannot parse', () => {
    expect(column('{ print $1 ')).toEqual(['unexpected newline or end of string', 11]);
    expect(column('{ while (1) print }')).toEqual(["`while' is not supported in this sandbox", 2]);
    expect(column('{ a[1] = 2 }')).toEqual(['arrays are not supported in this sandbox', 3]);
    expect(column('{ print substr($1) }')).toEqual(['substr: called with 1 arguments', 8]);
  });
});
