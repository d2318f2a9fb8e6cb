import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/pod.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';
import { Session } from '../session.ts';
import { evaluateCheck, evaluateChecks } from './evaluate.ts';
import { CheckHistory } from './history.ts';
import { bareCluster, check, checks, makeReady, pod, tick } from './testing.ts';

const quiet = { stdout() {}, stderr() {} };

describe('stableFor', () => {
  it('passes only after the inner check has held for the whole stretch of cluster time', () => {
    const c = bareCluster();
    c.api.create(pod('web'), 'kubectl');
    const stable = check({ type: 'stableFor', seconds: 10, check: { type: 'exists', kind: 'Pod', name: 'web' } });
    const h = new CheckHistory(c, { checks: [stable] });
    expect(evaluateCheck(c, stable, h)).toEqual({ passed: false, message: 'pod web exists in namespace default, but only for 0s of the 10s required' });
    tick(c, 9999);
    expect(evaluateCheck(c, stable, h).passed).toBe(false);
    tick(c, 1);
    expect(evaluateCheck(c, stable, h)).toEqual({ passed: true, message: 'pod web exists in namespace default, without a break for 10s' });
  });

  it('a break between two gradings restarts the clock: the recorder sees every write', () => {
    const c = bareCluster();
    c.api.create(pod('web'), 'kubectl');
    makeReady(c, 'web');
    const stable = check({ type: 'stableFor', seconds: 10, check: { type: 'podsReady', pod: 'web' } });
    const h = new CheckHistory(c, { checks: [stable] });
    tick(c, 8000);
    // Delete and recreate within one instant, so the state before and after look the same.
    c.api.delete('Pod', 'default', 'web', 'kubectl');
    c.api.create(pod('web'), 'kubectl');
    makeReady(c, 'web');
    tick(c, 4000);
    expect(evaluateCheck(c, stable, h)).toEqual({ passed: false, message: 'pod web is Running and Ready, but only for 4s of the 10s required' });
    tick(c, 6000);
    expect(evaluateCheck(c, stable, h).passed).toBe(true);
  });

  it('reports the inner failure while the inner check fails', () => {
    const c = bareCluster();
    const stable = check({ type: 'stableFor', seconds: 5, check: { type: 'podsReady', pod: 'web' } });
    const h = new CheckHistory(c);
    expect(evaluateCheck(c, stable, h)).toEqual({ passed: false, message: 'pod web not found in namespace default' });
    c.api.create(pod('web'), 'kubectl');
    expect(evaluateCheck(c, stable, h)).toEqual({ passed: false, message: 'pod web is Pending, not Running and Ready' });
  });

  it('starts timing at the first grading when it was not tracked from the start', () => {
    const c = bareCluster();
    c.api.create(pod('web'), 'kubectl');
    const h = new CheckHistory(c);
    tick(c, 60_000);
    const stable = check({ type: 'stableFor', seconds: 5, check: { type: 'exists', kind: 'Pod', name: 'web' } });
    expect(evaluateCheck(c, stable, h).message).toBe('pod web exists in namespace default, but only for 0s of the 5s required');
  });

  it('without a history it cannot pass', () => {
    const c = bareCluster();
    c.api.create(pod('web'), 'kubectl');
    const stable = check({ type: 'stableFor', seconds: 5, check: { type: 'exists', kind: 'Pod', name: 'web' } });
    expect(evaluateCheck(c, stable)).toEqual({
      passed: false,
      message: "pod web exists in namespace default; timing how long it holds needs the cluster's recorded history",
    });
  });

  it('racing the kubelet cannot pass: a real pod must stay Ready for the stretch', async () => {
    const cluster = defaultCluster({ seed: 3 });
    const session = new Session({ cluster });
    const list = checks(
      { type: 'podsReady', id: 'ready', pod: 'web' },
      { type: 'stableFor', id: 'stable', seconds: 10, check: { type: 'podsReady', pod: 'web' } },
    );
    const h = new CheckHistory(cluster, { checks: list });
    await session.run('kubectl run web --image=nginx:1.25', quiet);
    // Step to the instant the pod turns Ready.
    while (!evaluateChecks(cluster, list, h).results[0]!.passed) cluster.advanceTo(cluster.nextTimerAt()!);
    const readyAt = cluster.now();
    expect(evaluateChecks(cluster, list, h).results[1]!.message).toBe('pod web is Running and Ready, but only for 0s of the 10s required');
    cluster.advanceTo(readyAt + 9_000);
    expect(evaluateChecks(cluster, list, h).passed).toBe(false);
    cluster.advanceTo(readyAt + 10_000);
    expect(evaluateChecks(cluster, list, h)).toEqual({
      passed: true,
      results: [
        { id: 'ready', passed: true, message: 'pod web is Running and Ready' },
        { id: 'stable', passed: true, message: 'pod web is Running and Ready, without a break for 10s' },
      ],
    });
    expect(cluster.api.get<Pod>('Pod', 'default', 'web').status?.phase).toBe('Running');
  });
});
