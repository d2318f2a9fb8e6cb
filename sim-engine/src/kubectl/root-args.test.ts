import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from './help.ts';
import { parseRoot } from './root-args.ts';

const parse = (line: string) => parseRoot(line.split(' ').filter(Boolean), (n) => ALL_COMMANDS.includes(n));

describe('parseRoot', () => {
  it('finds the verb after global flags and their values', () => {
    expect(parse('-n dev get pods')).toEqual({ kind: 'verb', name: 'get', at: 2 });
    expect(parse('--namespace=dev get pods')).toEqual({ kind: 'verb', name: 'get', at: 1 });
    expect(parse('--namespace dev get pods')).toEqual({ kind: 'verb', name: 'get', at: 2 });
    expect(parse('-ndev get pods')).toEqual({ kind: 'verb', name: 'get', at: 1 });
    expect(parse('--context X get pods')).toEqual({ kind: 'verb', name: 'get', at: 2 });
    expect(parse('-v=6 get pods')).toEqual({ kind: 'verb', name: 'get', at: 1 });
    expect(parse('--insecure-skip-tls-verify get pods')).toEqual({ kind: 'verb', name: 'get', at: 1 });
    expect(parse('get -A pods')).toEqual({ kind: 'verb', name: 'get', at: 0 });
  });

  // Real kubectl 1.32: `kubectl -A get pods` → "error: flags cannot be placed before plugin name: -A" (stock kubectl; the distro build here capitalises it).
  it('takes the word after a flag it does not know for that flag’s value, as cobra does', () => {
    expect(parse('-A get pods')).toEqual({ kind: 'flags-before-plugin', flag: '-A' });
    expect(parse('--all-namespaces get pods')).toEqual({ kind: 'flags-before-plugin', flag: '--all-namespaces' });
    expect(parse('-n dev -A get pods')).toEqual({ kind: 'flags-before-plugin', flag: '-n' });
    expect(parse('-n dev bogus')).toEqual({ kind: 'flags-before-plugin', flag: '-n' });
  });

  it('reports an unknown verb, and no verb at all', () => {
    expect(parse('bogus -n dev')).toEqual({ kind: 'unknown', name: 'bogus' });
    expect(parse('-A')).toEqual({ kind: 'root' });
    expect(parse('-n dev')).toEqual({ kind: 'root' });
    expect(parse('')).toEqual({ kind: 'root' });
  });
});
