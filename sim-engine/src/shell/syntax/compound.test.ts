import { describe, it, expect } from 'vitest';
import type { Command, Script } from './ast.ts';
import { parseAll } from './parser.ts';
import { ParseError } from './words.ts';

// A compact view: simple commands as their raw words, compound ones by their parts.
function shape(script: Script): unknown[] {
  return script.map((item) => {
    const stages = [item.first, ...item.rest.map((r) => r.pipeline)].map((p) => p.commands.map(cmd));
    return stages.length === 1 && stages[0]!.length === 1 ? stages[0]![0] : stages;
  });
}

function cmd(c: Command): unknown {
  const redirects = c.redirects.map((r) => `${r.fd}${r.op}${r.target.raw}`);
  const withRedirects = (o: object): object => (redirects.length ? { ...o, redirects } : o);
  switch (c.type) {
    case 'simple':
      return [...c.words.map((w) => w.raw), ...redirects].join(' ');
    case 'subshell':
      return withRedirects({ subshell: shape(c.body) });
    case 'group':
      return withRedirects({ group: shape(c.body) });
    case 'if':
      return withRedirects({ if: c.branches.map((b) => [shape(b.test), shape(b.body)]), ...(c.otherwise && { else: shape(c.otherwise) }) });
    case 'for':
      return withRedirects({ for: c.name, in: c.words.map((w) => w.raw), do: shape(c.body) });
    case 'arith-for':
      return withRedirects({ for: [c.init.raw, c.test.raw, c.step.raw], do: shape(c.body) });
    case 'while':
      return withRedirects({ [c.until ? 'until' : 'while']: shape(c.test), do: shape(c.body) });
    case 'arith':
      return withRedirects({ arith: c.expr.raw });
  }
}

function error(src: string): { lines: string[]; incomplete: boolean } | undefined {
  try {
    parseAll(src);
  } catch (e) {
    if (e instanceof ParseError) return { lines: e.lines, incomplete: e.incomplete };
    throw e;
  }
  return undefined;
}

const unexpected = (token: string) => ({ lines: [`syntax error near unexpected token \`${token}'`], incomplete: false });
const eof = { lines: ['syntax error: unexpected end of file'], incomplete: true };

describe('compound commands', () => {
  it('parses for loops on one line or many, with or without `in`', () => {
    expect(shape(parseAll('for i in 1 2 3; do echo $i; done'))).toEqual([{ for: 'i', in: ['1', '2', '3'], do: ['echo $i'] }]);
    expect(shape(parseAll('for n in node-1 node-2\ndo\n  kubectl cordon $n\ndone'))).toEqual([{ for: 'n', in: ['node-1', 'node-2'], do: ['kubectl cordon $n'] }]);
    expect(shape(parseAll('for i\nin a\ndo echo; done'))).toEqual([{ for: 'i', in: ['a'], do: ['echo'] }]);
    expect(shape(parseAll('for i; do echo; done'))).toEqual([{ for: 'i', in: [], do: ['echo'] }]);
    expect(shape(parseAll('for i in a b; { echo $i; }'))).toEqual([{ for: 'i', in: ['a', 'b'], do: ['echo $i'] }]);
    expect(shape(parseAll('for ((i=0; i<3; i++)); do echo; done'))).toEqual([{ for: ['i=0', ' i<3', ' i++'], do: ['echo'] }]);
  });

  it('parses if with elif and else, while, until, groups and (( ))', () => {
    expect(shape(parseAll('if a; then b; elif c; then d; else e; fi'))).toEqual([{ if: [[['a'], ['b']], [['c'], ['d']]], else: ['e'] }]);
    expect(shape(parseAll('while true; do kubectl get pods; sleep 2; done'))).toEqual([{ while: ['true'], do: ['kubectl get pods', 'sleep 2'] }]);
    expect(shape(parseAll('until false\ndo\n  break\ndone'))).toEqual([{ until: ['false'], do: ['break'] }]);
    expect(shape(parseAll('{ echo a; echo b; } > out'))).toEqual([{ group: ['echo a', 'echo b'], redirects: ['1>out'] }]);
    expect(shape(parseAll('(( i += 2 ))'))).toEqual([{ arith: ' i += 2 ' }]);
    expect(shape(parseAll('( (echo a) )'))).toEqual([{ subshell: [{ subshell: ['echo a'] }] }]);
  });

  it('nests, pipes and redirects compound commands', () => {
    expect(shape(parseAll('for i in 1; do if true; then echo; fi; done | grep x'))).toEqual([[[{ for: 'i', in: ['1'], do: [{ if: [[['true'], ['echo']]] }] }, 'grep x']]]);
    expect(shape(parseAll('true && for i in a; do :; done 2>/dev/null'))).toEqual([[[ 'true' ], [{ for: 'i', in: ['a'], do: [':'], redirects: ['2>/dev/null'] }]]]);
  });

  it('keeps reserved words literal outside command position or when quoted', () => {
    expect(shape(parseAll('echo for do done; "if" x'))).toEqual(['echo for do done', '"if" x']);
    expect(shape(parseAll('echo {a,b} }'))).toEqual(['echo {a,b} }']);
  });

  it('reads a here-document inside a loop body', () => {
    const [loop] = parseAll('for i in 1; do\ncat <<EOF\n$i\nEOF\ndone');
    const c = loop!.first.commands[0]!;
    expect(c.type === 'for' && c.body[0]!.first.commands[0]!.redirects[0]?.heredoc?.body).toEqual([{ type: 'param', name: 'i', quoted: true }, { type: 'text', text: '\n', quoted: true }]);
  });
});

describe('compound command errors', () => {
  it('words misplaced reserved words as bash does', () => {
    expect(error('done')).toEqual(unexpected('done'));
    expect(error('fi')).toEqual(unexpected('fi'));
    expect(error('then')).toEqual(unexpected('then'));
    expect(error('}')).toEqual(unexpected('}'));
    expect(error('if true; fi')).toEqual(unexpected('fi'));
    expect(error('for i in 1 2; echo $i; done')).toEqual(unexpected('echo'));
    expect(error('while true do echo; done')).toEqual(unexpected('done'));
    expect(error('for i in 1; do done')).toEqual(unexpected('done'));
    expect(error('if ; then echo; fi')).toEqual(unexpected(';'));
    expect(error('if true; then :; else; fi')).toEqual(unexpected(';'));
    expect(error('for')).toEqual(unexpected('newline'));
    expect(error('for i in 1 2 | cat; do echo; done')).toEqual(unexpected('|'));
    expect(error('if true; then echo a; fi echo')).toEqual(unexpected('echo'));
    expect(error('{echo a; }')).toEqual(unexpected('}'));
  });

  it('asks for more lines while a compound command is open', () => {
    for (const open of ['while', 'for i in', 'for i in 1 2; do', 'for i in 1 2\ndo\necho $i', 'if true; then echo;', 'if true\nthen\n  echo\nelse', '{ echo a }', 'until false; do sleep 1; done; while true; do']) {
      expect(error(open), open).toEqual(eof);
    }
    expect(error('((')?.incomplete).toBe(true);
  });

  it('needs three expressions in for (( ))', () => {
    expect(error('for ((i=0;i<3)); do echo; done')).toEqual({ lines: ['syntax error: arithmetic expression required', "syntax error: `((i=0;i<3))'"], incomplete: false });
  });
});
