import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../../api/apps.ts';
import { Cluster } from '../../cluster.ts';
import { clone } from '../../util/clone.ts';
import { StatusError } from '../errors.ts';

function cluster(): Cluster {
  const c = new Cluster({ seed: 1 });
  c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, 'test');
  return c;
}

function agent(): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] } },
    },
  };
}

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e.message;
    throw e;
  }
  throw new Error('expected the request to be rejected');
}

describe('DaemonSet defaulting', () => {
  it('fills in RollingUpdate 1/0, history 10, the template defaults and template generation 1', () => {
    const ds = cluster().api.create(agent(), 'kubectl');
    expect(ds.metadata.generation).toBe(1);
    expect(ds.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.spec.template.metadata).toEqual({ creationTimestamp: null, labels: { app: 'agent' } });
    expect(ds.spec.template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, securityContext: {} });
    expect(ds.spec.template.spec.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' });
    expect(ds.status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
  });

  it('leaves OnDelete without rollingUpdate, and keeps given limits', () => {
    const c = cluster();
    const onDelete = agent();
    onDelete.spec.updateStrategy = { type: 'OnDelete' };
    expect(c.api.create(onDelete, 'kubectl').spec.updateStrategy).toEqual({ type: 'OnDelete' });
    const surge = { ...agent(), metadata: { name: 'surge' } };
    surge.spec.updateStrategy = { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } };
    expect(c.api.create(surge, 'kubectl').spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } });
  });

  it('bumps generation and template generation on a template change only', () => {
    const c = cluster();
    const ds = c.api.create(agent(), 'kubectl');
    const relabelled = c.api.update({ ...clone(ds), metadata: { ...clone(ds.metadata), labels: { team: 'ops' } } }, 'kubectl');
    expect(relabelled.metadata.generation).toBe(1);
    expect(relabelled.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('1');
    const next = clone(relabelled);
    next.spec.template.spec.containers[0]!.image = 'busybox:1.37';
    const updated = c.api.update(next, 'kubectl');
    expect(updated.metadata.generation).toBe(2);
    expect(updated.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
    const strategy = clone(updated);
    strategy.spec.minReadySeconds = 5;
    const again = c.api.update(strategy, 'kubectl');
    expect(again.metadata.generation).toBe(3);
    expect(again.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
  });
});

describe('DaemonSet validation', () => {
  it('reports a missing selector as a template that does not match, with the other spec errors in order', () => {
    const bad = agent();
    delete (bad.spec as Partial<DaemonSet['spec']>).selector;
    bad.spec.template.spec.restartPolicy = 'Never';
    (bad.spec.template.spec as { activeDeadlineSeconds?: number }).activeDeadlineSeconds = 5;
    bad.spec.minReadySeconds = -1;
    expect(rejection(() => cluster().api.create(bad, 'kubectl'))).toBe(
      'DaemonSet.apps "agent" is invalid: [spec.template.metadata.labels: Invalid value: map[string]string{"app":"agent"}: `selector` does not match template `labels`, ' +
        'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always", ' +
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported, ' +
        'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0]',
    );
  });

  it('rejects an empty selector and a selector that misses the labels', () => {
    const empty = agent();
    empty.spec.selector = {};
    expect(rejection(() => cluster().api.create(empty, 'kubectl'))).toContain(
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset',
    );
    const other = agent();
    other.spec.selector = { matchLabels: { app: 'other' } };
    expect(rejection(() => cluster().api.create(other, 'kubectl'))).toBe(
      'DaemonSet.apps "agent" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"agent"}: `selector` does not match template `labels`',
    );
  });

  it('checks the update strategy: exactly one of maxUnavailable and maxSurge, percentages up to 100%, known types', () => {
    const c = cluster();
    const both = agent();
    both.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } };
    expect(rejection(() => c.api.create(both, 'kubectl'))).toBe(
      'DaemonSet.apps "agent" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
    );
    const none = agent();
    none.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '0%' } };
    expect(rejection(() => c.api.create(none, 'kubectl'))).toBe('DaemonSet.apps "agent" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0');
    const over = agent();
    over.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '150%' } };
    expect(rejection(() => c.api.create(over, 'kubectl'))).toBe(
      'DaemonSet.apps "agent" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    );
    const unknown = agent();
    unknown.spec.updateStrategy = { type: 'Sometimes' as 'OnDelete' };
    expect(rejection(() => c.api.create(unknown, 'kubectl'))).toBe(
      'DaemonSet.apps "agent" is invalid: spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Sometimes", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
    );
  });

  it('keeps the selector immutable', () => {
    const c = cluster();
    const ds = clone(c.api.create(agent(), 'kubectl'));
    ds.spec.selector = { matchLabels: { app: 'agent', tier: 'x' } };
    ds.spec.template.metadata!.labels = { app: 'agent', tier: 'x' };
    expect(rejection(() => c.api.update(ds, 'kubectl'))).toContain('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"agent", "tier":"x"}');
  });
});
