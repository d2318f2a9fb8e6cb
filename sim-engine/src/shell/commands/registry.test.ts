import { describe, it, expect } from 'vitest';
import { BUILTINS, TOOLS } from './registry.ts';

describe('registry', () => {
  it('has the bash builtins the sandbox promises', () => {
    expect(Object.keys(BUILTINS).sort()).toEqual(['.', 'alias', 'cd', 'complete', 'echo', 'exit', 'export', 'false', 'help', 'history', 'printf', 'pwd', 'source', 'true', 'type', 'unalias', 'unset']);
  });

  it('has the tools of /usr/bin the sandbox promises', () => {
    expect(Object.keys(TOOLS).sort()).toEqual([
      'awk', 'base64', 'cat', 'clear', 'cp', 'cut', 'date', 'echo', 'env', 'false', 'grep', 'head', 'hostname', 'ls', 'mkdir', 'mv',
      'printf', 'pwd', 'rm', 'sed', 'sleep', 'sort', 'tail', 'tee', 'timeout', 'touch', 'tr', 'true', 'uniq', 'watch', 'wc', 'which',
      'whoami', 'xargs',
    ]);
  });
});
