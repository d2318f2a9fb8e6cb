import { describe, expect, it } from 'vitest';
import type { Node } from '../api/node.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';
import { heartbeatView, NODE_STATUS_REPORT_MS } from './node-heartbeat.ts';

const heartbeats = (n: Node) => [...new Set(n.status!.conditions!.map((c) => c.lastHeartbeatTime))];

describe('node heartbeats as kubectl reads them', () => {
  it('advance with the kubelet’s five-minute reports and stop with the kubelet', () => {
    const c = defaultCluster({ seed: 1 });
    const view = heartbeatView(c);
    const read = () => view.api.get<Node>('Node', '', 'node-1');
    const stored = heartbeats(c.api.get<Node>('Node', '', 'node-1'));
    const first = heartbeats(read());
    expect(first).toHaveLength(1);
    // Never more than a report period old, and never in the future.
    const age = c.now() - Date.parse(first[0]!);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(NODE_STATUS_REPORT_MS);
    c.advance(NODE_STATUS_REPORT_MS);
    expect(Date.parse(heartbeats(read())[0]!) - Date.parse(first[0]!)).toBe(NODE_STATUS_REPORT_MS);
    // The store keeps what the kubelet wrote; only the read is refreshed.
    expect(heartbeats(c.api.get<Node>('Node', '', 'node-1'))).toEqual(stored);
    c.stopNode('node-1');
    const last = heartbeats(read());
    c.advance(4 * NODE_STATUS_REPORT_MS);
    const after = read();
    expect(after.status!.conditions!.find((x) => x.type === 'Ready')!.status).toBe('Unknown');
    expect(heartbeats(after)).toEqual(last);
    expect(view.api.list<Node>('Node').find((n) => n.metadata.name === 'node-2')!.status!.conditions![0]!.lastHeartbeatTime).not.toBe(last[0]);
  });
});
