import { describe, it, expect } from 'vitest';
import type { Namespace } from '../api/namespace.ts';
import type { Pod } from '../api/pod.ts';
import type { KubeObject } from '../api/meta.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';
import { StatusError } from './errors.ts';
import { defaultImagePullPolicy } from './defaults/pod.ts';

function minimalPod(name: string, image = 'nginx:1.25', extra: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'web', image }], ...extra },
  };
}

/** caught runs `fn` and returns the StatusError it throws. */
function caught(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('pod defaults (reference 7.1, 7.5)', () => {
  it('fills in a minimal pod exactly as a 1.32 API server does', () => {
    const cluster = defaultCluster({ seed: 1 });
    const pod = cluster.api.create(minimalPod('web'), 'test');
    const volume = pod.spec.volumes![0]!.name;
    expect(volume).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(JSON.parse(JSON.stringify(pod.spec))).toEqual({
      containers: [
        {
          image: 'nginx:1.25',
          imagePullPolicy: 'IfNotPresent',
          name: 'web',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volume, readOnly: true }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: volume,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
            ],
          },
        },
      ],
    });
  });

  it('stamps server-populated metadata and a Pending status', () => {
    const cluster = defaultCluster({ seed: 1 });
    const before = Number(cluster.api.list('Namespace').map((n) => n.metadata.resourceVersion).sort().pop());
    const pod = cluster.api.create(minimalPod('web'), 'test');
    expect(pod.metadata.namespace).toBe('default');
    expect(pod.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number(pod.metadata.resourceVersion)).toBeGreaterThan(before);
    expect(pod.metadata.creationTimestamp).toBe('2026-01-12T09:00:00Z');
    // Pods have no generation in 1.32.
    expect(pod.metadata.generation).toBeUndefined();
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('defaults imagePullPolicy to Always only for untagged and :latest images', () => {
    const cases: [string, string][] = [
      ['nginx', 'Always'],
      ['nginx:latest', 'Always'],
      ['docker.io/library/nginx', 'Always'],
      ['localhost:5000/app', 'Always'],
      ['localhost:5000/app:latest', 'Always'],
      ['nginx:1.25', 'IfNotPresent'],
      ['nginx:doesnotexist', 'IfNotPresent'],
      ['localhost:5000/app:v2', 'IfNotPresent'],
      ['nginx@sha256:a484819eb60211f5299034ac80f6a681b06f89e65866ce91f356ed7c72af059c', 'IfNotPresent'],
    ];
    const cluster = defaultCluster({ seed: 1 });
    cases.forEach(([image, policy], i) => {
      expect(defaultImagePullPolicy(image), image).toBe(policy);
      const pod = cluster.api.create(minimalPod(`p${i}`, image), 'test');
      expect(pod.spec.containers[0]!.imagePullPolicy, image).toBe(policy);
    });
  });

  it('keeps what the user set', () => {
    const cluster = defaultCluster({ seed: 1 });
    const pod = cluster.api.create<Pod>(
      {
        ...minimalPod('web', 'nginx'),
        spec: {
          containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'Never', ports: [{ containerPort: 80 }] }],
          restartPolicy: 'Never',
          terminationGracePeriodSeconds: 5,
          serviceAccountName: 'robot',
          tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }],
        },
      },
      'test',
    );
    expect(pod.spec.containers[0]!.imagePullPolicy).toBe('Never');
    expect(pod.spec.containers[0]!.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.terminationGracePeriodSeconds).toBe(5);
    expect(pod.spec.serviceAccount).toBe('robot');
    expect(pod.spec.serviceAccountName).toBe('robot');
    // An existing not-ready toleration is not duplicated; unreachable is still added.
    expect(pod.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
  });

  it('derives the QoS class from requests and limits', () => {
    const cluster = defaultCluster({ seed: 1 });
    const withResources = (name: string, resources: object) =>
      cluster.api.create({ ...minimalPod(name), spec: { containers: [{ name: 'web', image: 'nginx', resources }] } }, 'test').status?.qosClass;
    expect(withResources('a', {})).toBe('BestEffort');
    expect(withResources('b', { requests: { cpu: '100m' } })).toBe('Burstable');
    expect(withResources('c', { limits: { cpu: '100m', memory: '64Mi' } })).toBe('Guaranteed');
    expect(withResources('d', { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '64Mi' } })).toBe('Burstable');
  });

  it('generates names from generateName with the API server alphabet', () => {
    const cluster = defaultCluster({ seed: 1 });
    const pod = cluster.api.create<Pod>({ ...minimalPod(''), metadata: { generateName: 'web-7c5ddbdf54-' } }, 'test');
    expect(pod.metadata.name).toMatch(/^web-7c5ddbdf54-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('draws a generated name again when the first one is taken (RetryGenerateName)', () => {
    const cluster = defaultCluster({ seed: 1 });
    const generate = () => cluster.api.create<Pod>({ ...minimalPod(''), metadata: { generateName: 'web-' } }, 'test');
    const before = cluster.random.snapshot();
    const first = generate();
    // The same draws again: the first name comes up once more, is found taken, and is replaced.
    cluster.random.restore(before);
    const second = generate();
    expect(second.metadata.name).not.toBe(first.metadata.name);
    expect(second.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('gives up with AlreadyExists after eight draws that are all taken', () => {
    const cluster = defaultCluster({ seed: 1 });
    const before = cluster.random.snapshot();
    // Take every name the next eight draws would give.
    const taken = Array.from({ length: 8 }, () => `web-${cluster.random.string(5)}`);
    for (const name of taken) cluster.api.create(minimalPod(name), 'test');
    cluster.random.restore(before);
    const err = caught(() => cluster.api.create<Pod>({ ...minimalPod(''), metadata: { generateName: 'web-' } }, 'test'));
    expect(err.reason).toBe('AlreadyExists');
    expect(err.message).toBe(`pods "${taken[7]}" already exists`);
  });

  it('never retries a name the client chose', () => {
    const cluster = defaultCluster({ seed: 1 });
    cluster.api.create(minimalPod('web'), 'test');
    expect(caught(() => cluster.api.create(minimalPod('web'), 'test')).message).toBe('pods "web" already exists');
  });
});

describe('create errors', () => {
  it('rejects a bad pod name with the exact message', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() => cluster.api.create(minimalPod('Web'), 'test'));
    expect(err.reason).toBe('Invalid');
    expect(err.code).toBe(422);
    expect(err.message).toBe(`Pod "Web" is invalid: metadata.name: Invalid value: "Web": ${SUBDOMAIN}`);
    expect(err.causes).toEqual([{ field: 'metadata.name', detail: `Invalid value: "Web": ${SUBDOMAIN}` }]);
  });

  it('lists several causes in brackets', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() => cluster.api.create({ ...minimalPod('Web'), spec: { containers: [{ name: 'Web', image: 'nginx' }] } }, 'test'));
    expect(err.message).toBe(
      `Pod "Web" is invalid: [metadata.name: Invalid value: "Web": ${SUBDOMAIN}, spec.containers[0].name: Invalid value: "Web": ${LABEL}]`,
    );
    expect(err.causes.map((c) => c.field)).toEqual(['metadata.name', 'spec.containers[0].name']);
  });

  it('requires a name', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() => cluster.api.create({ ...minimalPod(''), metadata: {} }, 'test'));
    expect(err.message).toBe('Pod "" is invalid: metadata.name: Required value: name or generateName is required');
  });

  it('rejects over-long names', () => {
    const cluster = defaultCluster({ seed: 1 });
    const long = 'a'.repeat(254);
    const err = caught(() => cluster.api.create(minimalPod(long), 'test'));
    expect(err.message).toBe(`Pod "${long}" is invalid: metadata.name: Invalid value: "${long}": must be no more than 253 characters`);
  });

  it('requires an image', () => {
    const cluster = defaultCluster({ seed: 1 });
    const noImage: Pod = { ...minimalPod('web'), spec: { containers: [{ name: 'web' }] } };
    expect(caught(() => cluster.api.create(noImage, 'test')).message).toBe('Pod "web" is invalid: spec.containers[0].image: Required value');
    expect(caught(() => cluster.api.create(minimalPod('web', ''), 'test')).message).toBe('Pod "web" is invalid: spec.containers[0].image: Required value');
  });

  it('requires containers', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() => cluster.api.create({ ...minimalPod('web'), spec: { containers: [] } }, 'test'));
    expect(err.message).toBe('Pod "web" is invalid: spec.containers: Required value');
  });

  it('requires a container name', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() => cluster.api.create({ ...minimalPod('web'), spec: { containers: [{ name: '', image: 'nginx' }] } }, 'test'));
    expect(err.message).toBe('Pod "web" is invalid: spec.containers[0].name: Required value');
  });

  it('rejects duplicate container names', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() =>
      cluster.api.create(
        {
          ...minimalPod('web'),
          spec: { containers: [{ name: 'web', image: 'nginx' }, { name: 'web', image: 'busybox' }] },
        },
        'test',
      ),
    );
    expect(err.message).toBe('Pod "web" is invalid: spec.containers[1].name: Duplicate value: "web"');
  });

  it('rejects a bad restart policy and a negative grace period', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() =>
      cluster.api.create({ ...minimalPod('web'), spec: { containers: [{ name: 'web', image: 'nginx' }], restartPolicy: 'Sometimes' as 'Never' } }, 'test'),
    );
    expect(err.message).toBe('Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"');
    const err2 = caught(() => cluster.api.create(minimalPod('web', 'nginx', { terminationGracePeriodSeconds: -1 }), 'test'));
    expect(err2.message).toBe('Pod "web" is invalid: spec.terminationGracePeriodSeconds: Invalid value: -1: must be greater than or equal to 0');
  });

  it('rejects a container port out of range', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() => cluster.api.create({ ...minimalPod('web'), spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 70000 }] }] } }, 'test'));
    expect(err.message).toBe('Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive');
  });

  it('rejects bad label keys and values', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() => cluster.api.create({ ...minimalPod('web'), metadata: { name: 'web', labels: { app: 'web!' } } }, 'test'));
    expect(err.message).toBe(
      `Pod "web" is invalid: metadata.labels: Invalid value: "web!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  });

  it('refuses a namespace that does not exist', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() => cluster.api.create({ ...minimalPod('web'), metadata: { name: 'web', namespace: 'x' } }, 'test'));
    expect(err.reason).toBe('NotFound');
    expect(err.code).toBe(404);
    expect(err.message).toBe('namespaces "x" not found');
    expect(cluster.api.list('Pod', 'x')).toEqual([]);
  });

  it('checks the namespace (admission) before validating the object', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() => cluster.api.create({ ...minimalPod('Web'), metadata: { name: 'Web', namespace: 'x' } }, 'test'));
    expect(err.reason).toBe('NotFound');
    expect(err.message).toBe('namespaces "x" not found');
  });

  it('validates before reporting that a name is taken', () => {
    const cluster = defaultCluster({ seed: 1 });
    cluster.api.create(minimalPod('web'), 'test');
    const err = caught(() => cluster.api.create({ ...minimalPod('web'), spec: { containers: [] } }, 'test'));
    expect(err.reason).toBe('Invalid');
  });

  it('refuses a name that is taken, but not the same name in another namespace', () => {
    const cluster = defaultCluster({ seed: 1 });
    cluster.api.create(minimalPod('web'), 'test');
    const err = caught(() => cluster.api.create(minimalPod('web'), 'test'));
    expect(err.reason).toBe('AlreadyExists');
    expect(err.code).toBe(409);
    expect(err.message).toBe('pods "web" already exists');
    expect(() => cluster.api.create({ ...minimalPod('web'), metadata: { name: 'web', namespace: 'kube-public' } }, 'test')).not.toThrow();
  });

  it('stores nothing on a dry run', () => {
    const cluster = defaultCluster({ seed: 1 });
    const out = cluster.api.create(minimalPod('web'), 'test', { dryRun: true });
    expect(out.metadata.name).toBe('web');
    expect(out.metadata.resourceVersion).toBeUndefined();
    expect(cluster.api.tryGet('Pod', 'default', 'web')).toBeUndefined();
  });

  it('returns NotFound for get of a missing object', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() => cluster.api.get('Pod', 'default', 'foo'));
    expect(err.message).toBe('pods "foo" not found');
    expect(caught(() => cluster.api.get('Node', '', 'node-9')).message).toBe('nodes "node-9" not found');
  });
});

describe('update', () => {
  it('rejects a stale resourceVersion with a Conflict', () => {
    const cluster = defaultCluster({ seed: 1 });
    const node = cluster.api.get<KubeObject>('Node', '', 'node-1');
    cluster.api.update({ ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, disk: 'ssd' } } }, 'test');
    const err = caught(() => cluster.api.update({ ...node, metadata: { ...node.metadata, labels: { a: 'b' } } }, 'test'));
    expect(err.reason).toBe('Conflict');
    expect(err.message).toBe('Operation cannot be fulfilled on nodes "node-1": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('keeps uid, creationTimestamp and status, and bumps the resourceVersion', () => {
    const cluster = defaultCluster({ seed: 1 });
    const node = cluster.api.get<KubeObject & { status: unknown }>('Node', '', 'node-1');
    const updated = cluster.api.update({ ...node, metadata: { ...node.metadata, uid: 'forged' }, status: { forged: true } }, 'test');
    expect(updated.metadata.uid).toBe(node.metadata.uid);
    expect(updated.metadata.creationTimestamp).toBe(node.metadata.creationTimestamp);
    expect(updated.status).toEqual(node.status);
  });

  it('forbids changing a pod spec beyond the image', () => {
    const cluster = defaultCluster({ seed: 1 });
    const pod = cluster.api.create(minimalPod('web'), 'test');
    const err = caught(() => cluster.api.update({ ...pod, spec: { ...pod.spec, restartPolicy: 'Never' } }, 'test'));
    expect(err.message).toBe(
      'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    const changed = cluster.api.update({ ...pod, spec: { ...pod.spec, containers: [{ ...pod.spec.containers[0]!, image: 'nginx:1.26' }] } }, 'test');
    expect(changed.spec.containers[0]!.image).toBe('nginx:1.26');
  });
});

describe('delete', () => {
  it('removes an unscheduled pod at once', () => {
    const cluster = defaultCluster({ seed: 1 });
    cluster.api.create(minimalPod('web', 'nginx', { nodeSelector: { disk: 'ssd' } }), 'test');
    cluster.drain();
    expect(cluster.api.get<Pod>('Pod', 'default', 'web').spec.nodeName).toBeUndefined();
    cluster.api.delete('Pod', 'default', 'web', 'test');
    expect(cluster.api.tryGet('Pod', 'default', 'web')).toBeUndefined();
  });

  it('marks a running pod with deletionTimestamp and a 30 s grace period', () => {
    const cluster = defaultCluster({ seed: 1 });
    cluster.api.create(minimalPod('web'), 'test');
    cluster.advance(5000);
    const running = cluster.api.get<Pod>('Pod', 'default', 'web');
    expect(running.status?.phase).toBe('Running');
    const at = cluster.now();
    const marked = cluster.api.delete<Pod>('Pod', 'default', 'web', 'test');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(marked.metadata.deletionTimestamp).toBe(new Date(Math.floor((at + 30_000) / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
    expect(Number(marked.metadata.resourceVersion)).toBeGreaterThan(Number(running.metadata.resourceVersion));
  });

  it('uses the pod terminationGracePeriodSeconds and an explicit grace period', () => {
    const cluster = defaultCluster({ seed: 1 });
    cluster.api.create(minimalPod('a', 'nginx:1.25', { terminationGracePeriodSeconds: 10 }), 'test');
    cluster.api.create(minimalPod('b'), 'test');
    cluster.advance(5000);
    expect(cluster.api.delete('Pod', 'default', 'a', 'test').metadata.deletionGracePeriodSeconds).toBe(10);
    expect(cluster.api.delete('Pod', 'default', 'b', 'test', { gracePeriodSeconds: 5 }).metadata.deletionGracePeriodSeconds).toBe(5);
  });

  it('lets a second delete shorten the grace period but never lengthen it', () => {
    const cluster = defaultCluster({ seed: 1 });
    cluster.api.create(minimalPod('web'), 'test');
    cluster.advance(5000);
    const first = cluster.api.delete('Pod', 'default', 'web', 'test');
    const again = cluster.api.delete('Pod', 'default', 'web', 'test', { gracePeriodSeconds: 60 });
    expect(again.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(again.metadata.deletionTimestamp).toBe(first.metadata.deletionTimestamp);
    const shorter = cluster.api.delete('Pod', 'default', 'web', 'test', { gracePeriodSeconds: 2 });
    expect(shorter.metadata.deletionGracePeriodSeconds).toBe(2);
  });

  it('removes a running pod at once with grace period 0 (force)', () => {
    const cluster = defaultCluster({ seed: 1 });
    cluster.api.create(minimalPod('web'), 'test');
    cluster.advance(5000);
    cluster.api.delete('Pod', 'default', 'web', 'test', { gracePeriodSeconds: 0 });
    expect(cluster.api.tryGet('Pod', 'default', 'web')).toBeUndefined();
  });

  it('deletes non-pod objects at once, and returns NotFound for missing ones', () => {
    const cluster = defaultCluster({ seed: 1 });
    cluster.api.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'manual' } }, 'test');
    cluster.api.delete('Endpoints', 'default', 'manual', 'test');
    expect(cluster.api.tryGet('Endpoints', 'default', 'manual')).toBeUndefined();
    expect(caught(() => cluster.api.delete('Pod', 'default', 'nope', 'test')).message).toBe('pods "nope" not found');
  });

  it('records every write in the audit log with increasing resourceVersions', () => {
    const cluster = defaultCluster({ seed: 1 });
    cluster.api.create(minimalPod('web'), 'learner');
    cluster.advance(5000);
    cluster.api.delete('Pod', 'default', 'web', 'learner', { gracePeriodSeconds: 0 });
    const rvs = cluster.api.audit.map((a) => Number(a.resourceVersion));
    for (let i = 1; i < rvs.length; i++) expect(rvs[i]).toBeGreaterThan(rvs[i - 1]!);
    const last = cluster.api.audit.at(-1)!;
    expect(last).toMatchObject({ actor: 'learner', verb: 'delete', kind: 'Pod', namespace: 'default', name: 'web' });
    expect(cluster.api.audit.find((a) => a.actor === 'default-scheduler')).toBeDefined();
  });
});

describe('namespaces', () => {
  it('labels a new namespace with its name and makes it Active', () => {
    const cluster = defaultCluster({ seed: 1 });
    const ns = cluster.api.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev', labels: { team: 'a' } } }, 'test');
    expect(ns.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'dev' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(ns.metadata.namespace).toBeUndefined();
  });

  it('has the four kubeadm namespaces, all labelled and Active', () => {
    const cluster = defaultCluster({ seed: 1 });
    const all = cluster.api.list<Namespace>('Namespace');
    expect(all.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    for (const n of all) {
      expect(n.metadata.labels?.['kubernetes.io/metadata.name']).toBe(n.metadata.name);
      expect(n.status?.phase).toBe('Active');
    }
  });

  it('validates namespace names as RFC 1123 labels', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() => cluster.api.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Dev' } }, 'test'));
    expect(err.message).toBe(`Namespace "Dev" is invalid: metadata.name: Invalid value: "Dev": ${LABEL}`);
    expect(caught(() => cluster.api.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, 'test')).message).toBe(
      'namespaces "default" already exists',
    );
  });

  it('forbids creating in a terminating namespace', () => {
    const cluster = defaultCluster({ seed: 1 });
    const ns = cluster.api.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }, 'test');
    cluster.api.updateStatus<Namespace>({ ...ns, status: { phase: 'Terminating' } }, 'test');
    const err = caught(() => cluster.api.create({ ...minimalPod('web'), metadata: { name: 'web', namespace: 'dev' } }, 'test'));
    expect(err.reason).toBe('Forbidden');
    expect(err.message).toBe('pods "web" is forbidden: unable to create new content in namespace dev because it is being terminated');
  });
});

describe('DNS-1035 names', () => {
  it('are required for services', () => {
    const cluster = defaultCluster({ seed: 1 });
    const err = caught(() =>
      cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } } as KubeObject, 'test'),
    );
    expect(err.message).toBe(`Service "1web" is invalid: metadata.name: Invalid value: "1web": ${DNS1035}`);
  });
});
