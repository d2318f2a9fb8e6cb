import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { echoEscapes } from './echo.ts';

async function out(cmd: string): Promise<string> {
  return (await testShell().run(cmd)).stdout;
}

describe('echo', () => {
  it('joins arguments with spaces and ends the line', async () => {
    expect(await out('echo a  "b  c"')).toBe('a b  c\n');
    expect(await out('echo')).toBe('\n');
  });

  it('takes -n, -e and -E only as whole option words', async () => {
    expect(await out('echo -n hi')).toBe('hi');
    expect(await out('echo -e "a\\tb\\n"')).toBe('a\tb\n\n');
    expect(await out('echo -ne "x\\ny"')).toBe('x\ny');
    expect(await out('echo -eE "a\\tb"')).toBe('a\\tb\n');
    expect(await out('echo -x -n')).toBe('-x -n\n');
    expect(await out('echo "a\\tb"')).toBe('a\\tb\n');
  });

  it('stops all output at \\c', async () => {
    expect(await out('echo -e "one\\ctwo"')).toBe('one');
  });
});

describe('echoEscapes', () => {
  it('decodes echo -e escapes, octal as \\0NNN', () => {
    expect(echoEscapes('\\0101\\x42\\e[0m\\\\')).toEqual({ text: 'AB\x1b[0m\\', stop: false });
    expect(echoEscapes("\\'\\1")).toEqual({ text: "\\'\\1", stop: false });
  });
});
