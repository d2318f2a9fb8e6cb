import { describe, it, expect } from 'vitest';
import type { Command, Script, Word } from './ast.ts';
import { Parser, parseAll } from './parser.ts';
import { ParseError } from './words.ts';

// A compact view of a script: each simple command as its raw words, redirections shown as `fd op target`.
function shape(script: Script): unknown {
  return script.map((item) => ({
    pipelines: [item.first, ...item.rest.map((r) => r.pipeline)].map((p) => p.commands.map(cmd)),
    ops: item.rest.map((r) => r.op),
    ...(item.background ? { background: true } : {}),
  }));
}

function cmd(c: Command): unknown {
  if (c.type === 'subshell') return { subshell: shape(c.body) };
  if (c.type !== 'simple') return { [c.type]: true };
  return [
    ...c.assignments.map((a) => `${a.name}=${a.value.raw}`),
    ...c.words.map((w: Word) => w.raw),
    ...c.redirects.map((r) => `${r.fd}${r.op}${r.target.raw}`),
  ];
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

describe('Parser structure', () => {
  it('parses lists, and-or lists and pipelines', () => {
    expect(shape(parseAll('a | b && c || d; e'))).toEqual([
      { pipelines: [[['a'], ['b']], [['c']], [['d']]], ops: ['&&', '||'] },
      { pipelines: [[['e']]], ops: [] },
    ]);
  });

  it('separates assignments, words and redirections', () => {
    expect(shape(parseAll('A=1 B="x y" cmd arg >out 2>&1 <in 2>>err &>all'))).toEqual([
      { pipelines: [[['A=1', 'B="x y"', 'cmd', 'arg', '1>out', '2>&1', '0<in', '2>>err', '1&>all']]], ops: [] },
    ]);
  });

  it('keeps `a2>f` as a word followed by a redirection, as bash does', () => {
    expect(shape(parseAll('echo a2>f'))).toEqual([{ pipelines: [[['echo', 'a2', '1>f']]], ops: [] }]);
  });

  it('marks background jobs and reads `|&` as `2>&1 |`', () => {
    expect(shape(parseAll('sleep 5 &'))).toEqual([{ pipelines: [[['sleep', '5']]], ops: [], background: true }]);
    expect(shape(parseAll('a |& b'))).toEqual([{ pipelines: [[['a', '2>&1'], ['b']]], ops: [] }]);
  });

  it('parses subshells and skips comments', () => {
    expect(shape(parseAll('(cd /tmp; ls) # note'))).toEqual([{ pipelines: [[{ subshell: [{ pipelines: [[['cd', '/tmp']]], ops: [] }, { pipelines: [[['ls']]], ops: [] }] }]], ops: [] }]);
    expect(parseAll('# only a comment')).toEqual([]);
  });

  it('continues after |, && and || onto the next line', () => {
    expect(shape(parseAll('a |\n  b &&\n c'))).toEqual([{ pipelines: [[['a'], ['b']], [['c']]], ops: ['&&'] }]);
  });
});

describe('Parser heredocs', () => {
  it('reads the body after the line and keeps expansions unless the delimiter is quoted', () => {
    const [item] = parseAll('cat <<EOF | kubectl apply -f -\nname: $USER\nEOF\n');
    const first = item!.first.commands[0]!;
    expect(first.type === 'simple' && first.redirects[0]?.heredoc?.body).toEqual([
      { type: 'text', text: 'name: ', quoted: true },
      { type: 'param', name: 'USER', quoted: true },
      { type: 'text', text: '\n', quoted: true },
    ]);
    const [quoted] = parseAll("cat <<'EOF'\nname: $USER\nEOF");
    const q = quoted!.first.commands[0]!;
    expect(q.type === 'simple' && q.redirects[0]?.heredoc).toEqual({ delimiter: 'EOF', quoted: true, stripTabs: false, body: [{ type: 'text', text: 'name: $USER\n', quoted: true }] });
  });

  it('strips leading tabs with <<-', () => {
    const [item] = parseAll('cat <<-END\n\tindented\n\tEND\necho after');
    const c = item!.first.commands[0]!;
    expect(c.type === 'simple' && c.redirects[0]?.heredoc?.body).toEqual([{ type: 'text', text: 'indented\n', quoted: true }]);
  });

  it('parses one line at a time so the caller can run each before reading the next', () => {
    const p = new Parser('cat <<A\n1\nA\necho two');
    expect(shape(p.next()!)).toEqual([{ pipelines: [[['cat', '0<<A']]], ops: [] }]);
    expect(shape(p.next()!)).toEqual([{ pipelines: [[['echo', 'two']]], ops: [] }]);
    expect(p.next()).toBeUndefined();
  });

  it('warns and flags more input when the terminator never comes', () => {
    const p = new Parser('cat <<EOF\nhello');
    p.next();
    expect(p.needsMore).toBe(true);
    expect(p.warnings).toEqual(["warning: here-document at line 1 delimited by end-of-file (wanted `EOF')"]);
  });
});

describe('Parser aliases', () => {
  it('expands the command word, and not recursively', () => {
    const aliases = { k: 'kubectl', ls: 'ls -l', kgp: 'kubectl get pods | head' };
    expect(shape(parseAll('k get po', aliases))).toEqual([{ pipelines: [[['kubectl', 'get', 'po']]], ops: [] }]);
    expect(shape(parseAll('ls x', aliases))).toEqual([{ pipelines: [[['ls', '-l', 'x']]], ops: [] }]);
    expect(shape(parseAll('kgp -A', aliases))).toEqual([{ pipelines: [[['kubectl', 'get', 'pods'], ['head', '-A']]], ops: [] }]);
    expect(shape(parseAll("echo k; 'k'; \\k", aliases))).toEqual([
      { pipelines: [[['echo', 'k']]], ops: [] },
      { pipelines: [[["'k'"]]], ops: [] },
      { pipelines: [[['\\k']]], ops: [] },
    ]);
  });

  it('stops at mutual recursion and expands the next word after a value ending in a blank', () => {
    expect(shape(parseAll('a', { a: 'b', b: 'a' }))).toEqual([{ pipelines: [[['a']]], ops: [] }]);
    expect(shape(parseAll('w k get', { w: 'watch ', k: 'kubectl' }))).toEqual([{ pipelines: [[['watch', 'kubectl', 'get']]], ops: [] }]);
  });
});

describe('Parser errors', () => {
  it('reports unexpected tokens as bash does', () => {
    expect(error('echo a | | b')).toEqual({ lines: ["syntax error near unexpected token `|'"], incomplete: false });
    expect(error('; ls')).toEqual({ lines: ["syntax error near unexpected token `;'"], incomplete: false });
    expect(error('echo >')).toEqual({ lines: ["syntax error near unexpected token `newline'"], incomplete: false });
    expect(error('echo )')).toEqual({ lines: ["syntax error near unexpected token `)'"], incomplete: false });
    expect(error('echo a ;; b')).toEqual({ lines: ["syntax error near unexpected token `;;'"], incomplete: false });
  });

  it('marks input that more lines could complete', () => {
    expect(error('echo "abc')).toEqual({ lines: ["unexpected EOF while looking for matching `\"'", 'syntax error: unexpected end of file'], incomplete: true });
    expect(error("echo 'abc")?.incomplete).toBe(true);
    expect(error('echo $(ls')?.incomplete).toBe(true);
    expect(error('kubectl get pods |')).toEqual({ lines: ['syntax error: unexpected end of file'], incomplete: true });
    expect(error('true &&')?.incomplete).toBe(true);
    expect(error('(cd /tmp')?.incomplete).toBe(true);
  });

  it('rejects compound commands and functions it does not run', () => {
    expect(error('case $x in a) ;; esac')).toEqual({ lines: ['case: this shell keyword is not supported in this sandbox (if, for, while, until and { } are)'], incomplete: false });
    expect(error('f() { echo; }')).toEqual({ lines: ['f: defining shell functions is not supported in this sandbox'], incomplete: false });
  });
});
