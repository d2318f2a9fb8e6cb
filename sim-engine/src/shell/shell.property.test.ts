import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { SHELL_EXIT } from './shell.ts';
import { testShell } from './testing.ts';
import type { Program } from './types.ts';

// Pieces of shell syntax and commands, so random inputs reach deep into the parser and the tools.
const TOKENS = [
  ' ', ' ', '\n', '\t', ';', '&', '&&', '||', '|', '|&', '(', ')', '<', '>', '>>', '2>', '2>&1', '&>', '<<', '<<-', '<<<', 'EOF', "'EOF'",
  '"', "'", '\\', '$', '${', '}', '$(', '`', '$?', '$HOME', '${X:-y}', '${#X}', '$((', '~', '*', '?', '[', ']', '#', '=', 'X=1', '!',
  'echo', 'printf', '%s', '%d', 'cat', 'ls', '-l', '-a', 'cd', 'pwd', 'mkdir', '-p', 'rm', '-rf', 'cp', 'mv', 'touch', 'grep', '-v', '-E',
  '-c', 'head', 'tail', '-n', '1', '-5', 'wc', 'sort', '-u', '-k2', 'uniq', '-c', 'cut', '-d,', '-f2', 'tr', 'a-z', 'sed', 's/a/b/g', '-n',
  'awk', '{print $1}', 'NR>1', 'xargs', 'base64', '-d', 'tee', 'sleep', 'timeout', '0.5', 'date', 'env', 'export', 'unset', 'alias',
  'unalias', 'type', 'which', 'history', 'help', 'true', 'false', 'exit', 'source', '.', '<(', 'kubectl', 'k', 'get', 'pods', 'x.yaml',
  'dir', '/tmp', '..', '/dev/null', 'for', 'if', 'nope', 'constructor', '__proto__', 'toString', '[[:constructor:]]',
];

const input = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 25 }).map((t) => t.join('')),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((t) => t.join(' ')),
);

// Every message a command prints on stderr starts like bash's, a GNU tool's or Debian's which.
const BASH_STYLE = /^(?:[\w.[-]+: |Usage: |Try '|Two strings|Only one string|Options supported|Illegal option |  |$)/;

describe('the shell on random input', () => {
  it('always resolves to a status and words its errors like bash', async () => {
    const kubectl: Program = (ctx) => {
      ctx.stdout(`kubectl ${ctx.args.join(' ')}\n`);
      return 0;
    };
    await fc.assert(
      fc.asyncProperty(input, async (text) => {
        const signal = { interrupted: false };
        let sleeps = 0;
        const t = testShell({
          programs: { kubectl },
          files: { 'x.yaml': 'kind: Pod\n', 'dir/a': 'a\n' },
          // Bound any loop (a `watch`, a long sleep) by interrupting after a while, as a learner would.
          sleep: async () => {
            if (++sleeps > 50) signal.interrupted = true;
          },
        });
        const errors: string[] = [];
        const status = await t.shell.run(text, { stdout: () => {}, stderr: (e) => errors.push(e) }, signal);
        expect(Number.isInteger(status)).toBe(true);
        expect(status >= 0 && status <= SHELL_EXIT + 255).toBe(true);
        // Each message is written whole; its first line carries the prefix (later lines may quote the input).
        for (const error of errors) {
          expect(error).not.toContain('internal error');
          expect(error).toMatch(BASH_STYLE);
        }
      }),
      { numRuns: 400 },
    );
  });
});
