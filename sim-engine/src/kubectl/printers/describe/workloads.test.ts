import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../../api/apps.ts';
import type { Event } from '../../../api/event.ts';
import type { Pod } from '../../../api/pod.ts';
import { Cluster } from '../../../cluster.ts';
import { rfc3339 } from '../../../util/time.ts';
import { rawPodTemplate } from './pod-template.ts';
import { describeDeployment, describeReplicaSet } from './workloads.ts';

// The objects of the reference's describe examples (sections 3.3 and 3.4), created without
// letting any controller run, so the output can be compared line for line.
const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);
const at = (s: number) => rfc3339(T0 + s * 1000);

function cluster(): Cluster {
  const c = new Cluster({ startTime: T0 });
  c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, 'test');
  return c;
}

function event(name: string, obj: { kind: string; metadata: { name?: string; uid?: string } }, reason: string, message: string, component: string, first: number, last = first, count = 1): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${String(first).padStart(16, '0')}`, namespace: 'default' },
    involvedObject: { kind: obj.kind, name: obj.metadata.name!, namespace: 'default', uid: obj.metadata.uid },
    reason,
    message,
    type: 'Normal',
    source: { component },
    firstTimestamp: at(first),
    lastTimestamp: at(last),
    count,
    reportingComponent: component,
    reportingInstance: '',
    eventTime: null,
  };
}

const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'nginx', image }] },
});

function replicaSet(c: Cluster, d: Deployment, hash: string, image: string, replicas: number, revision: number, createdAt: number): ReplicaSet {
  c.clock.setNow(T0 + createdAt * 1000);
  const rs = c.api.create<ReplicaSet>(
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `web-${hash}`,
        namespace: 'default',
        labels: { app: 'web', 'pod-template-hash': hash },
        annotations: { 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': String(revision) },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: template(image, hash) },
    },
    'test',
  );
  return c.api.updateStatus<ReplicaSet>({ ...rs, status: { replicas } }, 'test');
}

describe('describe deployment', () => {
  it('matches the reference layout, conditions and replica sets included', () => {
    const c = cluster();
    const d = c.api.create<Deployment>(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '2' } },
        spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template('nginx:1.26'), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } },
      },
      'test',
    );
    replicaSet(c, d, '7c5ddbdf54', 'nginx:1.25', 0, 1, 0);
    replicaSet(c, d, '6d4cf56db6', 'nginx:1.26', 3, 2, 260);
    const status = { replicas: 3, updatedReplicas: 3, availableReplicas: 3, readyReplicas: 3, conditions: [
      { type: 'Available' as const, status: 'True' as const, reason: 'MinimumReplicasAvailable', message: '', lastUpdateTime: at(4), lastTransitionTime: at(4) },
      { type: 'Progressing' as const, status: 'True' as const, reason: 'NewReplicaSetAvailable', message: '', lastUpdateTime: at(4), lastTransitionTime: at(0) },
    ] };
    const events = [
      event('web', d, 'ScalingReplicaSet', 'Scaled up replica set web-7c5ddbdf54 from 0 to 3', 'deployment-controller', 0),
      event('web', d, 'ScalingReplicaSet', 'Scaled up replica set web-6d4cf56db6 from 0 to 1', 'deployment-controller', 260),
      event('web', d, 'ScalingReplicaSet', 'Scaled down replica set web-7c5ddbdf54 from 3 to 2', 'deployment-controller', 262),
      event('web', d, 'ScalingReplicaSet', 'Scaled up replica set web-6d4cf56db6 from 1 to 2', 'deployment-controller', 262),
      event('web', d, 'ScalingReplicaSet', 'Scaled down replica set web-7c5ddbdf54 from 2 to 1', 'deployment-controller', 264),
      event('web', d, 'ScalingReplicaSet', 'Scaled up replica set web-6d4cf56db6 from 2 to 3', 'deployment-controller', 264),
      event('web', d, 'ScalingReplicaSet', 'Scaled down replica set web-7c5ddbdf54 from 1 to 0', 'deployment-controller', 266),
    ];
    c.clock.setNow(T0 + 300_000);
    expect(describeDeployment({ ...d, status }, c, events)).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Mon, 06 Jan 2025 10:00:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 2
Selector:               app=web
Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx:1.26
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  web-7c5ddbdf54 (0/0 replicas created)
NewReplicaSet:   web-6d4cf56db6 (3/3 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  5m    deployment-controller  Scaled up replica set web-7c5ddbdf54 from 0 to 3
  Normal  ScalingReplicaSet  40s   deployment-controller  Scaled up replica set web-6d4cf56db6 from 0 to 1
  Normal  ScalingReplicaSet  38s   deployment-controller  Scaled down replica set web-7c5ddbdf54 from 3 to 2
  Normal  ScalingReplicaSet  38s   deployment-controller  Scaled up replica set web-6d4cf56db6 from 1 to 2
  Normal  ScalingReplicaSet  36s   deployment-controller  Scaled down replica set web-7c5ddbdf54 from 2 to 1
  Normal  ScalingReplicaSet  36s   deployment-controller  Scaled up replica set web-6d4cf56db6 from 2 to 3
  Normal  ScalingReplicaSet  34s   deployment-controller  Scaled down replica set web-7c5ddbdf54 from 1 to 0
`);
  });

  it('leaves out the replica set lines when there are none, and the events without --show-events', () => {
    const c = cluster();
    const d = c.api.create<Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template('nginx') } }, 'test');
    const out = describeDeployment(d, c, undefined);
    expect(out).not.toContain('ReplicaSet');
    expect(out).not.toContain('Events');
    expect(out).toMatch(/\nReplicas: +1 desired \| 0 updated \| 0 total \| 0 available \| 0 unavailable\n/);
  });
});

describe('describe replicaset', () => {
  it('matches the reference layout, with pod counts by phase and the controller', () => {
    const c = cluster();
    const d = c.api.create<Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template('nginx:1.25') } }, 'test');
    const rs = replicaSet(c, d, '7c5ddbdf54', 'nginx:1.25', 3, 1, 0);
    const events: Event[] = [];
    for (const [i, name] of ['4lq7m', 'h8zrw', 'x2k9p'].entries()) {
      const pod = c.api.create<Pod>(
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `web-7c5ddbdf54-${name}`, namespace: 'default', labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid!, controller: true }] },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
        },
        'test',
      );
      c.api.updateStatus<Pod>({ ...pod, status: { phase: 'Running' } }, 'test');
      events.push(event(rs.metadata.name!, rs, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, 'replicaset-controller', i / 10));
    }
    c.clock.setNow(T0 + 300_000);
    expect(describeReplicaSet(rs, c, events)).toBe(`Name:           web-7c5ddbdf54
Namespace:      default
Selector:       app=web,pod-template-hash=7c5ddbdf54
Labels:         app=web
                pod-template-hash=7c5ddbdf54
Annotations:    deployment.kubernetes.io/desired-replicas: 3
                deployment.kubernetes.io/max-replicas: 4
                deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web
Replicas:       3 current / 3 desired
Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=7c5ddbdf54
  Containers:
   nginx:
    Image:         nginx:1.25
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From                   Message
  ----    ------            ----  ----                   -------
  Normal  SuccessfulCreate  5m    replicaset-controller  Created pod: web-7c5ddbdf54-4lq7m
  Normal  SuccessfulCreate  5m    replicaset-controller  Created pod: web-7c5ddbdf54-h8zrw
  Normal  SuccessfulCreate  5m    replicaset-controller  Created pod: web-7c5ddbdf54-x2k9p
`);
  });
});

describe('raw pod template', () => {
  it('keeps the tabs, as rollout history --revision prints it', () => {
    expect(rawPodTemplate({ metadata: { labels: { app: 'web', 'pod-template-hash': '6d4cf56db6' }, annotations: { 'kubernetes.io/change-cause': 'kubectl set image deployment/web nginx=nginx:1.26 --record=true' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } })).toBe(
      'Pod Template:\n  Labels:\tapp=web\n\tpod-template-hash=6d4cf56db6\n  Annotations:\tkubernetes.io/change-cause: kubectl set image deployment/web nginx=nginx:1.26 --record=true\n  Containers:\n   nginx:\n    Image:\tnginx:1.26\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n',
    );
  });
});
