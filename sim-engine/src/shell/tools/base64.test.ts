import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { decodeBase64, encodeBase64, utf8Decode, utf8Encode } from './base64.ts';

async function out(cmd: string): Promise<{ stdout: string; stderr: string; status: number }> {
  return testShell({ files: { 'utf.txt': 'héllo wörld ☸\n' } }).run(cmd);
}

describe('base64', () => {
  it.each([
    ['echo hi | base64', 'aGkK\n'],
    ['echo -n admin | base64', 'YWRtaW4=\n'],
    ["printf '' | base64", ''],
    ['echo -n hello | base64 -w 0', 'aGVsbG8='],
    ['echo aGVsbG8= | base64 -d', 'hello'],
    ['echo 4pi4 | base64 -d', '☸'],
    ['base64 utf.txt', 'aMOpbGxvIHfDtnJsZCDimLgK\n'],
    ["echo 'aGV$sbG8=' | base64 -di", 'hello'],
  ])('%s', async (cmd, want) => {
    expect((await out(cmd)).stdout).toBe(want);
  });

  it('wraps at 76 columns', async () => {
    const r = await out(`printf '%s' ${'x'.repeat(60)} | base64`);
    expect(r.stdout).toBe(`${'eHh4'.repeat(19)}\neHh4\n`);
  });

  it('prints what it could decode before complaining', async () => {
    expect(await out('echo aGVsbG8 | base64 -d')).toMatchObject({ stdout: 'hello', stderr: 'base64: invalid input\n', status: 1 });
    expect(await out('base64 nope')).toMatchObject({ stderr: 'base64: nope: No such file or directory\n', status: 1 });
  });
});

describe('UTF-8 and base64 helpers', () => {
  it('round-trip text', () => {
    const text = 'kind: Secret ☸ 𝄞';
    expect(utf8Decode(utf8Encode(text))).toBe(text);
    expect(decodeBase64(encodeBase64(text))).toEqual({ text, valid: true });
    expect(utf8Decode([0xff, 0x41])).toBe('\ufffdA');
  });
});
