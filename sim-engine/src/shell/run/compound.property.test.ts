import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { SHELL_EXIT } from '../shell.ts';
import { parseAll } from '../syntax/parser.ts';
import { ParseError } from '../syntax/words.ts';
import { testShell } from '../testing.ts';

// Tokens of the control-flow grammar, so random sequences are mostly near-misses of real loops.
const TOKENS = [
  'for', 'i', 'in', '1', '2', 'a', 'do', 'done', 'while', 'until', 'if', 'then', 'elif', 'else', 'fi', '{', '}', '(', ')', '((', '))',
  ';', ';', '\n', '\n', ' ', '&&', '||', '|', '!', 'true', 'false', ':', 'break', 'continue', 'break 2', 'echo', '$i', '"$i"', '$((', 'i+1',
  'i++', '$?', '[', ']', 'test', '-z', '-n', '-f', '-d', '-lt', '-eq', '=', '!=', 'x.yaml', 'seq', '3', 'sleep', '0.5', '>', 'out', '2>&1',
  '<<EOF', 'EOF', "'", '"', 'i=0', '(( i < 3 ))', 'for ((i=0;i<2;i++))', '$(', '`',
];

// Well-formed commands built from the grammar, nested a few levels.
const { command } = fc.letrec<{ command: string; list: string }>((tie) => ({
  command: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('echo $i', 'true', 'false', 'break', 'continue', 'i=$((i+1))', '((i++))', '[ "$i" -lt 3 ]', 'test -f x.yaml', 'seq 1 3', 'sleep 1', 'echo $((1/0))'),
    fc.tuple(tie('list'), fc.array(fc.constantFrom('1', 'a', '$(seq 1 2)', '*.yaml'), { maxLength: 3 })).map(([body, words]) => `for i in ${words.join(' ')}; do ${body}; done`),
    fc.tuple(fc.constantFrom('while', 'until'), tie('list'), tie('list')).map(([kw, test, body]) => `${kw} ${test}; do ${body}; done`),
    fc.tuple(tie('list'), tie('list'), fc.option(tie('list'))).map(([test, body, other]) => `if ${test}; then ${body}; ${other === null ? '' : `else ${other}; `}fi`),
    tie('list').map((body) => `{ ${body}; }`),
    tie('list').map((body) => `for ((i=0; i<3; i++)); do ${body}; done`),
  ),
  list: fc.array(tie('command'), { minLength: 1, maxLength: 3 }).chain((cmds) => fc.constantFrom('; ', ' && ', ' || ', '\n', ' | ').map((sep) => cmds.join(sep))),
}));

const input = fc.oneof(
  command,
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 20 }).map((t) => t.join(' ')),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 20 }).map((t) => t.join('')),
);

const BASH_STYLE = /^(?:[\w.[-]+: |Try '|$)/;

describe('control flow on random input', () => {
  it('parses to a script or a bash syntax error, never anything else', () => {
    fc.assert(
      fc.property(input, (text) => {
        try {
          parseAll(text);
        } catch (e) {
          expect(e).toBeInstanceOf(ParseError);
          for (const line of (e as ParseError).lines) expect(line).toMatch(/^(?:syntax error|unexpected EOF|[^ ]+: )/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('always resolves to a status and words its errors like bash', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (text) => {
        const signal = { interrupted: false };
        let writes = 0;
        let sleeps = 0;
        const t = testShell({
          files: { 'x.yaml': 'kind: Pod\n' },
          // A learner would press Ctrl+C on a loop that keeps printing or waiting.
          sleep: async () => {
            if (++sleeps > 20) signal.interrupted = true;
          },
        });
        const errors: string[] = [];
        const count = () => {
          if (++writes > 200) signal.interrupted = true;
        };
        const status = await t.shell.run(text, { stdout: count, stderr: (e) => (count(), errors.push(e)) }, signal);
        expect(Number.isInteger(status) && status >= 0 && status <= SHELL_EXIT + 255).toBe(true);
        for (const error of errors) {
          expect(error).not.toContain('internal error');
          expect(error).toMatch(BASH_STYLE);
        }
      }),
      { numRuns: 300 },
    );
  });
});
