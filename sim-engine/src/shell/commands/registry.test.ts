import { describe, it, expect } from 'vitest';
import { BUILTINS, TOOLS } from './registry.ts';

describe('registry', () => {
  it('has the bash builtins the sandbox promises', () => {
    expect(Object.keys(BUILTINS).sort()).toEqual(['.', '[', 'alias', 'break', 'cd', 'complete', 'continue', 'echo', 'exit', 'export', 'false', 'help', 'history', 'printf', 'pwd', 'source', 'test', 'true', 'type', 'unalias', 'unset']);
  });

  it('has the tools of /usr/bin the sandbox promises', () => {
    expect(Object.keys(TOOLS).sort()).toEqual([
      '[', 'awk', 'base64', 'cat', 'chown', 'clear', 'cp', 'cut', 'date', 'echo', 'env', 'false', 'grep', 'head', 'hostname', 'id', 'ls', 'mkdir', 'mv',
      'printf', 'pwd', 'rm', 'sed', 'seq', 'sleep', 'sort', 'sudo', 'tail', 'tee', 'test', 'timeout', 'touch', 'tr', 'true', 'uniq', 'watch', 'wc', 'which',
      'whoami', 'xargs',
    ]);
  });
});
