import { describe, it, expect } from 'vitest';
import * as shell from './index.ts';

describe('the shell package', () => {
  it('exports the public API', () => {
    expect(Object.keys(shell).sort()).toEqual([
      'DEFAULT_ALIASES', 'DEFAULT_ENV', 'DEFAULT_HOSTNAME', 'FsError', 'HOME', 'SHELL_EXIT', 'Shell', 'VirtualFS', 'exitCodeOf', 'resolvePath',
    ]);
  });
});
