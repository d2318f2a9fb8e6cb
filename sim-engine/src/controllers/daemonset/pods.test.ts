import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../../api/apps.ts';
import type { Pod } from '../../api/pod.ts';
import { isPodUpdated, newDaemonPod } from './pods.ts';
import { maxSurgeAndUnavailable, scaledValue } from './rolling.ts';

function ds(affinity?: Record<string, unknown>): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', uid: 'u1' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...(affinity ? { affinity } : {}) } } },
  };
}

describe('newDaemonPod', () => {
  it('names the node through a metadata.name term that replaces the template\'s required terms, keeping the rest of its affinity', () => {
    const affinity = {
      podAntiAffinity: { x: 1 },
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] }, preferredDuringSchedulingIgnoredDuringExecution: [] },
    };
    const pod = newDaemonPod(ds(affinity), 'node-2', 'abc', '3');
    expect(pod.spec.affinity).toEqual({
      podAntiAffinity: { x: 1 },
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }] }, preferredDuringSchedulingIgnoredDuringExecution: [] },
    });
    expect(pod.metadata).toMatchObject({ generateName: 'agent-', labels: { app: 'agent', 'controller-revision-hash': 'abc', 'pod-template-generation': '3' } });
    expect(pod.spec.nodeName).toBeUndefined();
  });
  it('counts a pod as updated by hash or by template generation', () => {
    const pod = (labels: Record<string, string>) => ({ metadata: { labels } }) as unknown as Pod;
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'h' }), 'h', '2')).toBe(true);
    expect(isPodUpdated(pod({ 'pod-template-generation': '2' }), 'x', '2')).toBe(true);
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'old', 'pod-template-generation': '1' }), 'h', '2')).toBe(false);
  });
});

describe('rolling update limits', () => {
  it('scales percentages up against the desired nodes, and falls back to one unavailable', () => {
    expect(scaledValue('25%', 5)).toBe(2);
    expect(scaledValue(2, 5)).toBe(2);
    const d = ds();
    d.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 } };
    expect(maxSurgeAndUnavailable(d, 3)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    d.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '50%' } };
    expect(maxSurgeAndUnavailable(d, 3)).toEqual({ maxSurge: 2, maxUnavailable: 0 });
  });
});
