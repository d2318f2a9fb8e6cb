import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { FILES } from './fixtures.ts';
import { expandSet } from './tr.ts';

async function out(cmd: string): Promise<string> {
  const r = await testShell({ files: FILES }).run(cmd);
  return r.stderr + r.stdout;
}

describe('tr', () => {
  it.each([
    ['echo Hello | tr a-z A-Z', 'HELLO\n'],
    ["echo 'web-1 1/1' | tr -d '0-9'", 'web- /\n'],
    ["echo 'a   b  c' | tr -s ' '", 'a b c\n'],
    ["echo 'aabbcc' | tr -s 'a-z'", 'abc\n'],
    ["echo hi | tr '[:lower:]' '[:upper:]'", 'HI\n'],
    ["printf 'a\\nb\\n' | tr -d '\\n'", 'ab'],
    ["echo 'web-1 1/1!' | tr -cd '[:alnum:]\\n'", 'web111\n'],
    ["echo 'a b' | tr ' ' '\\n'", 'a\nb\n'],
    ["echo 'ab-cd' | tr -c 'a-z\\n' '_'", 'ab_cd\n'],
    ['echo abcabc | tr abc xy', 'xyyxyy\n'],
    ["echo 'aa  bb' | tr -s 'a ' 'x-'", 'x-bb\n'],
  ])('%s', async (cmd, want) => {
    expect(await out(cmd)).toBe(want);
  });

  it('words usage errors like coreutils', async () => {
    expect(await out('tr')).toBe("tr: missing operand\nTry 'tr --help' for more information.\n");
    expect(await out('tr a')).toBe("tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
    expect(await out('tr -d a b')).toBe("tr: extra operand 'b'\nOnly one string may be given when deleting without squeezing repeats.\nTry 'tr --help' for more information.\n");
  });
});

describe('expandSet', () => {
  it('expands ranges, classes and escapes', () => {
    expect(expandSet('a-e').join('')).toBe('abcde');
    expect(expandSet('[:digit:]x').join('')).toBe('0123456789x');
    expect(expandSet('\\n\\t\\\\-').join('')).toBe('\n\t\\-');
  });
});
