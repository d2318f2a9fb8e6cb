import { buildSession, Session } from '@wheelhouse/sim-engine';
import { describe, expect, it } from 'vitest';
import { welcome } from './welcome.ts';

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('welcome', () => {
  it('names the default cluster', () => {
    expect(plain(welcome(new Session({ startTime: Date.UTC(2026, 0, 1) })))).toBe(
      'A simulated Kubernetes cluster: one control-plane node and three workers. Type help to see what you can do.\r\n',
    );
  });

  it("follows a scenario's nodes", () => {
    const session = buildSession({ nodes: [{ name: 'solo', role: 'control-plane' }, { name: 'w1' }] });
    expect(plain(welcome(session))).toContain('one control-plane node and one worker.');
  });

  it('says when there are only bare machines', () => {
    const session = buildSession({ cluster: 'none', nodes: [{ name: 'control-plane', role: 'control-plane' }, { name: 'node-1' }, { name: 'node-2' }] });
    expect(plain(welcome(session))).toBe('Three machines and no cluster yet: control-plane, node-1 and node-2. Type help to see what you can do.\r\n');
  });
});
