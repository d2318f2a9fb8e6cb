import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../api/apps.ts';
import { Cluster } from '../../cluster.ts';
import { StatusError } from '../errors.ts';

function cluster(): Cluster {
  const c = new Cluster({ seed: 1 });
  c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, 'test');
  return c;
}

function rs(): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'frontend', labels: { tier: 'frontend' } },
    spec: {
      selector: { matchLabels: { tier: 'frontend' } },
      template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'php', image: 'php:8' }] } },
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

describe('ReplicaSet strategy', () => {
  it('defaults replicas and the template, without Deployment-only fields, and starts with replicas: 0', () => {
    const c = cluster();
    const stored = c.api.create(rs(), 'kubectl');
    expect(stored.spec.replicas).toBe(1);
    expect(stored.spec.template.metadata).toEqual({ creationTimestamp: null, labels: { tier: 'frontend' } });
    expect(stored.spec.template.spec.restartPolicy).toBe('Always');
    expect(stored.spec.template.spec.containers[0]!.imagePullPolicy).toBe('IfNotPresent');
    expect(Object.keys(stored.spec).sort()).toEqual(['replicas', 'selector', 'template']);
    expect(stored.status).toEqual({ replicas: 0 });
    expect(stored.metadata.generation).toBe(1);
  });

  it('matches selectors with expressions', () => {
    const c = cluster();
    const r = rs();
    r.spec.selector = { matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'web'] }] };
    expect(c.api.create(r, 'kubectl').metadata.name).toBe('frontend');
    const bad = rs();
    bad.metadata.name = 'bad';
    bad.spec.selector = { matchExpressions: [{ key: 'tier', operator: 'In' }] };
    expect(rejection(() => c.api.create(bad, 'kubectl'))).toContain("spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'");
  });

  it('rejects an empty selector with the upstream (Deployment) wording', () => {
    const c = cluster();
    const r = rs();
    r.spec.selector = {};
    expect(rejection(() => c.api.create(r, 'kubectl'))).toBe(
      'ReplicaSet.apps "frontend" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    );
  });

  it('rejects mismatched labels, negative counts, OnFailure and selector changes', () => {
    const c = cluster();
    const r = rs();
    r.spec.template.metadata = {};
    expect(rejection(() => c.api.create(r, 'kubectl'))).toBe(
      'ReplicaSet.apps "frontend" is invalid: spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
    );
    const n = rs();
    n.spec.replicas = -2;
    n.spec.minReadySeconds = -1;
    n.spec.template.spec.restartPolicy = 'OnFailure';
    const msg = rejection(() => c.api.create(n, 'kubectl'));
    expect(msg).toContain('spec.replicas: Invalid value: -2: must be greater than or equal to 0');
    expect(msg).toContain('spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0');
    expect(msg).toContain('spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"');
    const stored = c.api.create(rs(), 'kubectl');
    const moved = { ...stored, spec: { ...stored.spec, selector: { matchLabels: { tier: 'frontend', x: 'y' } } } };
    expect(rejection(() => c.api.update(moved, 'kubectl'))).toContain('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"tier":"frontend", "x":"y"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable');
  });

  it('checks template label syntax at spec.template.labels', () => {
    const c = cluster();
    const r = rs();
    r.spec.selector = { matchLabels: { tier: 'front end' } };
    r.spec.template.metadata = { labels: { tier: 'front end' } };
    expect(rejection(() => c.api.create(r, 'kubectl'))).toContain('spec.template.labels: Invalid value: "front end": a valid label must be an empty string');
  });
});
