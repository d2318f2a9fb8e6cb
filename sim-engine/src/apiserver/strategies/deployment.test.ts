import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../api/apps.ts';
import { Cluster } from '../../cluster.ts';
import { clone } from '../../util/clone.ts';
import { StatusError } from '../errors.ts';

function cluster(): Cluster {
  const c = new Cluster({ seed: 1 });
  c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, 'test');
  return c;
}

/** minimal is what `kubectl create deployment web --image=nginx:1.25 --replicas=3` sends (reference 7.2). */
function minimal(): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      strategy: {},
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', resources: {} }] } },
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

describe('Deployment defaulting', () => {
  it('fills in the apps/v1 defaults of reference 7.3', () => {
    const c = cluster();
    const d = c.api.create(minimal(), 'kubectl');
    expect(d.metadata.generation).toBe(1);
    expect(d.spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 3,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [
            {
              image: 'nginx:1.25',
              imagePullPolicy: 'IfNotPresent',
              name: 'nginx',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
    expect(d.status).toEqual({});
  });

  it('defaults replicas to 1, keeps given fences and leaves Recreate without rollingUpdate', () => {
    const c = cluster();
    const a = minimal();
    delete a.spec.replicas;
    a.spec.strategy = { rollingUpdate: { maxSurge: 0 } };
    const d = c.api.create(a, 'kubectl');
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '25%' } });
    const b = minimal();
    b.metadata.name = 'rec';
    b.spec.strategy = { type: 'Recreate' };
    b.spec.minReadySeconds = 0;
    b.spec.paused = false;
    const r = c.api.create(b, 'kubectl');
    expect(r.spec.strategy).toEqual({ type: 'Recreate' });
    // Zero values Go omits are not stored either.
    expect('minReadySeconds' in r.spec || 'paused' in r.spec).toBe(false);
  });

  it('bumps the generation on spec changes only', () => {
    const c = cluster();
    const d = c.api.create(minimal(), 'kubectl');
    const relabelled = c.api.update({ ...d, metadata: { ...d.metadata, annotations: { note: 'x' } } }, 'kubectl');
    expect(relabelled.metadata.generation).toBe(1);
    const scaled = c.api.update({ ...relabelled, spec: { ...relabelled.spec, replicas: 5 } }, 'kubectl');
    expect(scaled.metadata.generation).toBe(2);
  });
});

describe('Deployment validation', () => {
  it('rejects a selector that does not match the template labels', () => {
    const c = cluster();
    const d = minimal();
    d.spec.template.metadata!.labels = { app: 'web2' };
    expect(rejection(() => c.api.create(d, 'kubectl'))).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web2"}: `selector` does not match template `labels`',
    );
  });

  it('requires a selector (and then the template cannot match it)', () => {
    const c = cluster();
    const d = minimal() as unknown as { spec: Record<string, unknown> };
    delete d.spec.selector;
    const err = (() => {
      try {
        c.api.create(d as unknown as Deployment, 'kubectl');
      } catch (e) {
        return e as StatusError;
      }
      return undefined;
    })();
    expect(err?.causes.map((x) => `${x.field}: ${x.detail}`)).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('rejects negative replicas and a non-Always restart policy', () => {
    const c = cluster();
    const d = minimal();
    d.spec.replicas = -1;
    expect(rejection(() => c.api.create(d, 'kubectl'))).toBe('Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    const e = minimal();
    e.spec.template.spec.restartPolicy = 'Never';
    expect(rejection(() => c.api.create(e, 'kubectl'))).toBe(
      'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    );
  });

  it('rejects maxSurge and maxUnavailable both 0, with the intstr rendering', () => {
    const c = cluster();
    const d = minimal();
    d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } };
    expect(rejection(() => c.api.create(d, 'kubectl'))).toBe(
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    );
    d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } };
    expect(rejection(() => c.api.create(d, 'kubectl'))).toContain('Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0');
    // Rounding may still give 0/0; that is allowed and resolved by the controller.
    d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '25%' } };
    expect(c.api.create(d, 'kubectl').spec.strategy?.rollingUpdate).toEqual({ maxSurge: 0, maxUnavailable: '25%' });
  });

  it('rejects rollingUpdate with Recreate, bad percentages and an unknown strategy', () => {
    const c = cluster();
    const d = minimal();
    d.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } };
    expect(rejection(() => c.api.create(d, 'kubectl'))).toBe(
      "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    );
    d.spec.strategy = { rollingUpdate: { maxSurge: '5', maxUnavailable: '120%' } };
    const msg = rejection(() => c.api.create(d, 'kubectl'));
    expect(msg).toContain('spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"5"}: a valid percent string must be');
    expect(msg).toContain('spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%');
    d.spec.strategy = { type: 'BlueGreen' as 'Recreate' };
    expect(rejection(() => c.api.create(d, 'kubectl'))).toContain('spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"');
  });

  it('validates containers through the pod rules', () => {
    const c = cluster();
    const d = minimal();
    d.spec.template.spec.containers = [{ name: 'Nginx' }];
    const msg = rejection(() => c.api.create(d, 'kubectl'));
    expect(msg).toContain('spec.template.spec.containers[0].name: Invalid value: "Nginx": a lowercase RFC 1123 label');
    expect(msg).toContain('spec.template.spec.containers[0].image: Required value');
    d.spec.template.spec.containers = [];
    expect(rejection(() => c.api.create(d, 'kubectl'))).toBe('Deployment.apps "web" is invalid: spec.template.spec.containers: Required value');
  });

  it('keeps the selector immutable', () => {
    const c = cluster();
    const d = c.api.create(minimal(), 'kubectl');
    const changed = clone(d);
    changed.spec.selector = { matchLabels: { app: 'x' } };
    changed.spec.template.metadata!.labels = { app: 'x' };
    expect(rejection(() => c.api.update(changed, 'kubectl'))).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('requires progressDeadlineSeconds above minReadySeconds', () => {
    const c = cluster();
    const d = minimal();
    d.spec.minReadySeconds = 600;
    expect(rejection(() => c.api.create(d, 'kubectl'))).toBe(
      'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
    );
  });
});
