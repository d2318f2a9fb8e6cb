import { describe, expect, it } from 'vitest';
import { Session, HOME } from '@wheelhouse/sim-engine';
import { checkName, freeName, listFiles, shellQuote, signature } from './files.ts';

describe('listFiles', () => {
  it('lists home files recursively, without dotfiles', () => {
    const s = new Session({ files: { 'web.yaml': 'a', 'app/svc.yaml': 'b', '.hidden': 'c' } });
    expect(listFiles(s.shell.fs, HOME)).toEqual(['app/svc.yaml', 'web.yaml']);
  });

  it('changes signature when a file is written later', async () => {
    const s = new Session({ files: { 'web.yaml': 'a' } });
    const before = signature(s.shell.fs, HOME, listFiles(s.shell.fs, HOME));
    s.cluster.advance(1000);
    await s.run('echo hi > web.yaml', { stdout: () => {}, stderr: () => {} });
    expect(signature(s.shell.fs, HOME, listFiles(s.shell.fs, HOME))).not.toBe(before);
  });
});

describe('names', () => {
  it('rejects unusable names', () => {
    expect(checkName('', [])).toBeDefined();
    expect(checkName('../x', [])).toBeDefined();
    expect(checkName('/etc/x', [])).toBeDefined();
    expect(checkName('a b.yaml', [])).toBeDefined();
    expect(checkName('web.yaml', ['web.yaml'])).toBe('web.yaml already exists.');
    expect(checkName('web.yaml', ['web.yaml'], 'web.yaml')).toBeUndefined();
    expect(checkName('app/web.yaml', [])).toBeUndefined();
  });

  it('finds a free name', () => {
    expect(freeName('web.yaml', [])).toBe('web.yaml');
    expect(freeName('web.yaml', ['web.yaml', 'web-2.yaml'])).toBe('web-3.yaml');
  });

  it('quotes paths only when needed', () => {
    expect(shellQuote('web.yaml')).toBe('web.yaml');
    expect(shellQuote("it's.yaml")).toBe(`'it'\\''s.yaml'`);
  });
});
