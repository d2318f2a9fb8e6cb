import { describe, expect, it } from 'vitest';
import type { Pod, PodStatus } from '../api/pod.ts';
import { freezeOwned } from '../util/stored.ts';
import { podStatus } from './pod-status.ts';
import type { ContainerRuntime, PodRuntime } from './runtime.ts';

const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);

function pod(status?: PodStatus): Pod {
  return freezeOwned({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'u1' },
    spec: {
      nodeName: 'node-1',
      containers: [{ name: 'web', image: 'nginx:1.25', volumeMounts: [{ name: 'token', mountPath: '/var/run/secrets', readOnly: true }] }],
    },
    status: status ?? { conditions: [{ lastProbeTime: null, lastTransitionTime: '2025-01-06T10:00:00Z', status: 'True', type: 'PodScheduled' }], qosClass: 'BestEffort' },
  } as Pod);
}

function runtime(): PodRuntime {
  const c: ContainerRuntime = { name: 'web', image: 'nginx:1.25', state: 'waiting', reason: 'ContainerCreating', pulled: false, restartCount: 0, ready: false, crashBackoffMs: 0, pullBackoffMs: 0, logs: [], previousLogs: [] };
  return { uid: 'u1', namespace: 'default', name: 'web', admittedAt: T0, sandboxReady: false, containers: [c], terminating: false, transitions: {} };
}

/** fresh is the status built with nothing stored to share but the scheduler's condition. */
function fresh(p: Pod, rt: PodRuntime, now: number): string {
  const scheduled = p.status!.conditions!.filter((c) => c.type === 'PodScheduled');
  return JSON.stringify(podStatus(pod({ conditions: scheduled, qosClass: p.status!.qosClass }), rt, '172.18.0.3', now));
}

describe('podStatus', () => {
  it('keeps the stored conditions and container statuses that did not change, and says the same as a fresh build', () => {
    const rt = runtime();
    let p = pod();
    // Admitted, then the sandbox comes up, then the container runs and turns ready.
    const steps: ((rt: PodRuntime) => void)[] = [
      () => {},
      (r) => {
        r.sandboxReady = true;
        r.podIP = '10.244.1.2';
      },
      (r) => Object.assign(r.containers[0]!, { state: 'running', reason: undefined, pulled: true, containerID: 'containerd://abc', startedAt: T0 + 2000, ready: true }),
      () => {},
    ];
    let now = T0;
    for (const step of steps) {
      step(rt);
      now += 1000;
      const before = p.status!;
      const status = podStatus(p, rt, '172.18.0.3', now);
      expect(JSON.stringify(status)).toBe(fresh(p, rt, now));
      // What did not change is the stored object itself.
      status.conditions!.forEach((c, i) => {
        if (JSON.stringify(c) === JSON.stringify(before.conditions?.[i])) expect(c).toBe(before.conditions![i]);
      });
      if (JSON.stringify(status.containerStatuses) === JSON.stringify(before.containerStatuses)) expect(status.containerStatuses).toBe(before.containerStatuses);
      p = pod(freezeOwned(status));
    }
    const last = podStatus(p, rt, '172.18.0.3', now + 1000);
    expect(last.conditions).toBe(p.status!.conditions);
    expect(last.containerStatuses).toBe(p.status!.containerStatuses);
    expect(last.hostIPs).toBe(p.status!.hostIPs);
    expect(last.podIPs).toBe(p.status!.podIPs);
  });

  it('does not keep a stored part whose fields are in another order', () => {
    const rt = runtime();
    const reordered = { type: 'PodReadyToStartContainers' as const, status: 'False' as const, lastProbeTime: null, lastTransitionTime: '2025-01-06T10:00:01Z' };
    const p = pod(freezeOwned({ conditions: [reordered], qosClass: 'BestEffort' }));
    const status = podStatus(p, rt, '172.18.0.3', T0 + 1000);
    expect(status.conditions![0]).not.toBe(reordered);
    expect(Object.keys(status.conditions![0]!)).toEqual(['lastProbeTime', 'lastTransitionTime', 'status', 'type']);
  });
});
