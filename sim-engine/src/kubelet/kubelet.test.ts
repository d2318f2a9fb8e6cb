import { describe, it, expect } from 'vitest';
import type { Event } from '../api/event.ts';
import type { Container, Pod, PodSpec } from '../api/pod.ts';
import { Cluster } from '../cluster.ts';
import { DEFAULT_NODES, defaultCluster } from '../scenario/default-cluster.ts';
import { makeNode } from '../scenario/nodes.ts';
import { podStatusReason } from '../kubectl/printers/tables/pod.ts';

const T0 = Date.UTC(2026, 0, 12, 9, 0, 0);

function createPod(cluster: Cluster, name: string, container: Partial<Container> = {}, spec: Partial<PodSpec> = {}): Pod {
  return cluster.api.create<Pod>(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { containers: [{ name: 'web', image: 'nginx', ...container }], ...spec },
    },
    'test',
  );
}

function pod(cluster: Cluster, name: string): Pod | undefined {
  return cluster.api.tryGet<Pod>('Pod', 'default', name);
}

function mustPod(cluster: Cluster, name: string): Pod {
  const p = pod(cluster, name);
  if (!p) throw new Error(`pod ${name} is gone`);
  return p;
}

/** status is kubectl's STATUS column (reference 2.2) for single-container pods without init containers. */
function status(p: Pod): string {
  let reason = p.status?.reason ?? p.status?.phase ?? '';
  for (const cs of [...(p.status?.containerStatuses ?? [])].reverse()) {
    if (cs.state.waiting?.reason) reason = cs.state.waiting.reason;
    else if (cs.state.terminated?.reason) reason = cs.state.terminated.reason;
    else if (cs.state.terminated) reason = cs.state.terminated.signal ? `Signal:${cs.state.terminated.signal}` : `ExitCode:${cs.state.terminated.exitCode}`;
  }
  if (p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') reason = 'Terminating';
  return reason;
}

/** track watches a pod's name and records every distinct STATUS (with the time) and each stored version. */
function track(cluster: Cluster, name: string) {
  const statuses: { at: number; status: string }[] = [];
  const versions: { at: number; type: string; pod: Pod }[] = [];
  cluster.store.watch('Pod', (e) => {
    const p = e.object as Pod;
    if (p.metadata.name !== name) return;
    versions.push({ at: cluster.now(), type: e.type, pod: p });
    if (e.type === 'DELETED') {
      statuses.push({ at: cluster.now(), status: '<deleted>' });
      return;
    }
    const s = status(p);
    if (statuses.at(-1)?.status !== s) statuses.push({ at: cluster.now(), status: s });
  });
  return { statuses, versions };
}

/** step advances in small increments so that intermediate states are observed at realistic times. */
function step(cluster: Cluster, ms: number, by = 100): void {
  for (let t = 0; t < ms; t += by) cluster.advance(Math.min(by, ms - t));
}

/**
 * reported records what the components report about a pod, before their event correlators
 * count, combine or ration it: the kubelet's own behaviour, which rationed Events would hide.
 */
function reported(cluster: Cluster, name: string): { at: number; reason: string; message: string }[] {
  const out: { at: number; reason: string; message: string }[] = [];
  const record = cluster.recorder.record.bind(cluster.recorder);
  cluster.recorder.record = (obj, type, reason, message, source, fieldPath) => {
    if (obj.metadata.name === name) out.push({ at: cluster.now(), reason, message });
    record(obj, type, reason, message, source, fieldPath);
  };
  return out;
}

function events(cluster: Cluster, name: string): Event[] {
  // Event names end in the hex of a nanosecond timestamp, so name order is creation order.
  return cluster.api.list<Event>('Event', 'default').filter((e) => e.involvedObject.name === name);
}

function eventLines(cluster: Cluster, name: string): string[] {
  return events(cluster, name).map((e) => `${e.type} ${e.reason} ${e.message}`);
}

const PULLED = (image: string, size: number) =>
  new RegExp(`^Normal Pulled Successfully pulled image "${image}" in (\\d+(?:\\.\\d+)?(?:ms|s)) \\(\\1 including waiting\\)\\. Image size: ${size} bytes\\.$`);

describe('kubelet: starting a pod', () => {
  it('goes Pending → ContainerCreating → Running within a few seconds with the events in order', () => {
    const cluster = defaultCluster({ seed: 7 });
    const { statuses } = track(cluster, 'web');
    createPod(cluster, 'web');
    step(cluster, 6000);
    const p = mustPod(cluster, 'web');
    expect(statuses.map((s) => s.status)).toEqual(['Pending', 'ContainerCreating', 'Running']);
    const running = statuses.find((s) => s.status === 'Running')!;
    expect(running.at - T0).toBeGreaterThan(1000);
    expect(running.at - T0).toBeLessThan(5000);

    const node = p.spec.nodeName!;
    const lines = eventLines(cluster, 'web');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`Normal Scheduled Successfully assigned default/web to ${node}`);
    expect(lines[1]).toBe('Normal Pulling Pulling image "nginx"');
    expect(lines[2]).toMatch(PULLED('nginx', 72955450));
    expect(lines[3]).toBe('Normal Created Created container: web');
    expect(lines[4]).toBe('Normal Started Started container web');
    for (const e of events(cluster, 'web').slice(1)) {
      expect(e.source).toEqual({ component: 'kubelet', host: node });
      expect(e.involvedObject.fieldPath).toBe('spec.containers{web}');
    }
  });

  it('reports a running pod as a 1.32 kubelet does', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'web', { image: 'nginx:1.25' });
    step(cluster, 6000);
    const p = mustPod(cluster, 'web');
    const s = p.status!;
    expect(s.phase).toBe('Running');
    expect(s.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    for (const c of s.conditions!) {
      expect(c.lastProbeTime).toBeNull();
      expect(c.reason).toBeUndefined();
    }
    const hostIP = { 'node-1': '172.18.0.3', 'node-2': '172.18.0.4', 'node-3': '172.18.0.5' }[p.spec.nodeName!];
    expect(s.hostIP).toBe(hostIP);
    expect(s.hostIPs).toEqual([{ ip: hostIP }]);
    expect(s.podIPs).toEqual([{ ip: s.podIP }]);
    expect(s.qosClass).toBe('BestEffort');
    expect(s.startTime).toBe('2026-01-12T09:00:00Z');
    const cs = s.containerStatuses![0]!;
    expect(cs).toMatchObject({
      image: 'docker.io/library/nginx:1.25',
      lastState: {},
      name: 'web',
      ready: true,
      restartCount: 0,
      started: true,
    });
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.state.running?.startedAt).toMatch(/^2026-01-12T09:00:0\dZ$/);
    expect(cs.volumeMounts).toEqual([
      { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: p.spec.volumes![0]!.name, readOnly: true, recursiveReadOnly: 'Disabled' },
    ]);
  });

  it('reports a container that is still being created', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'web', { image: 'nginx:1.25' });
    cluster.drain();
    const s = mustPod(cluster, 'web').status!;
    expect(s.phase).toBe('Pending');
    expect(s.podIP).toBeUndefined();
    expect(s.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
      'PodScheduled=True',
    ]);
    const ready = s.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready.reason).toBe('ContainersNotReady');
    expect(ready.message).toBe('containers with unready status: [web]');
    expect(s.containerStatuses).toEqual([
      expect.objectContaining({ image: 'nginx:1.25', imageID: '', ready: false, started: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }),
    ]);
    expect(s.containerStatuses![0]!.containerID).toBeUndefined();
  });

  it('does not pull an IfNotPresent image that is already on the node', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'first', { image: 'nginx:1.25' }, { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } });
    step(cluster, 5000);
    expect(cluster.kubeletFor('node-1')!.hasImage('docker.io/library/nginx:1.25')).toBe(true);
    createPod(cluster, 'second', { image: 'nginx:1.25' }, { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } });
    const { statuses } = track(cluster, 'second');
    step(cluster, 1000);
    expect(statuses.at(-1)?.status).toBe('Running');
    expect(eventLines(cluster, 'second')).toEqual([
      'Normal Scheduled Successfully assigned default/second to node-1',
      'Normal Pulled Container image "nginx:1.25" already present on machine',
      'Normal Created Created container: web',
      'Normal Started Started container web',
    ]);
  });

  it('pulls an Always image again even when it is cached, quickly', () => {
    const cluster = defaultCluster({ seed: 7 });
    cluster.kubeletFor('node-1')!.preloadImages(['nginx']);
    createPod(cluster, 'web', {}, { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } });
    step(cluster, 3000);
    const lines = eventLines(cluster, 'web');
    expect(lines[1]).toBe('Normal Pulling Pulling image "nginx"');
    expect(lines[2]).toMatch(PULLED('nginx', 72955450));
    expect(lines[2]).toMatch(/ in \d{3}ms /);
  });

  it('refuses a missing image with pull policy Never', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'never', { image: 'nginx:1.25', imagePullPolicy: 'Never' });
    step(cluster, 3000);
    const p = mustPod(cluster, 'never');
    expect(status(p)).toBe('ErrImageNeverPull');
    expect(p.status?.containerStatuses?.[0]?.state.waiting?.message).toBe('Container image "nginx:1.25" is not present with pull policy of Never');
    expect(eventLines(cluster, 'never').slice(1)).toEqual([
      'Warning ErrImageNeverPull Container image "nginx:1.25" is not present with pull policy of Never',
      'Warning Failed Error: ErrImageNeverPull',
    ]);
  });

  it('reports an unparseable image as InvalidImageName', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'bad', { image: 'Nginx' });
    step(cluster, 3000);
    expect(status(mustPod(cluster, 'bad'))).toBe('InvalidImageName');
    expect(eventLines(cluster, 'bad').slice(1)).toEqual([
      'Warning InspectFailed Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format',
      'Warning Failed Error: InvalidImageName',
    ]);
  });

  it('runs a hostNetwork pod on the node IP', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'host', { image: 'nginx:1.25' }, { hostNetwork: true, nodeSelector: { 'kubernetes.io/hostname': 'node-2' } });
    step(cluster, 5000);
    expect(mustPod(cluster, 'host').status?.podIP).toBe('172.18.0.4');
  });
});

describe('kubelet: image pull failures', () => {
  it('alternates ErrImagePull and ImagePullBackOff with the reference texts and a doubling back-off capped at 5 minutes', () => {
    const cluster = defaultCluster({ seed: 7 });
    const { statuses } = track(cluster, 'bad');
    const said = reported(cluster, 'bad');
    createPod(cluster, 'bad', { image: 'nginx:doesnotexist' });
    step(cluster, 25 * 60_000, 250);

    const p = mustPod(cluster, 'bad');
    expect(p.status?.phase).toBe('Pending');
    const seq = statuses.map((s) => s.status);
    expect(seq.slice(0, 6)).toEqual(['Pending', 'ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'ErrImagePull', 'ImagePullBackOff']);
    expect(new Set(seq.slice(2))).toEqual(new Set(['ErrImagePull', 'ImagePullBackOff']));

    // Each retry starts a back-off after entering ImagePullBackOff: 10s, 20s, 40s, ... capped at 300s.
    const pulls = said.filter((e) => e.reason === 'Pulling').map((e) => e.at);
    const backoffStarts = statuses.filter((s) => s.status === 'ImagePullBackOff').map((s) => s.at);
    const gaps = pulls.slice(1).map((t, i) => Math.round((t - backoffStarts[i]!) / 1000));
    expect(gaps.slice(0, 7)).toEqual([10, 20, 40, 80, 160, 300, 300]);

    const ref = 'docker.io/library/nginx:doesnotexist';
    const runtimeError = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
    const byReason = new Map(events(cluster, 'bad').map((e) => [`${e.type} ${e.reason} ${e.message}`, e.count]));
    expect([...byReason.keys()]).toEqual([
      `Normal Scheduled Successfully assigned default/bad to ${p.spec.nodeName}`,
      'Normal Pulling Pulling image "nginx:doesnotexist"',
      `Warning Failed Failed to pull image "nginx:doesnotexist": ${runtimeError}`,
      'Warning Failed Error: ErrImagePull',
      'Normal BackOff Back-off pulling image "nginx:doesnotexist"',
      'Warning Failed Error: ImagePullBackOff',
    ]);
    // Every 10 s re-sync inside a pull back-off repeats BackOff and Error: ImagePullBackOff.
    const backoffs = said.filter((e) => e.reason === 'BackOff').length;
    const resyncs = gaps.slice(0, pulls.length - 1).reduce((sum, g) => sum + g / 10, 0);
    expect(backoffs).toBeGreaterThanOrEqual(resyncs);
    expect(backoffs).toBeLessThanOrEqual(resyncs + 30);
    expect(said.filter((e) => e.message === 'Error: ImagePullBackOff').length).toBe(backoffs);
    // The Events count them, but the kubelet's correlator writes at most one every 5 minutes once
    // 25 have been written about the pod: the count shown lags the count reported.
    const backoff = events(cluster, 'bad').find((e) => e.reason === 'BackOff')!;
    expect(backoff.count).toBeLessThanOrEqual(backoffs);
    expect(backoff.count).toBeGreaterThan(backoffs / 2);

    const waiting = p.status!.containerStatuses![0]!.state.waiting!;
    if (waiting.reason === 'ImagePullBackOff') expect(waiting.message).toBe('Back-off pulling image "nginx:doesnotexist"');
    else expect(waiting).toEqual({ reason: 'ErrImagePull', message: runtimeError });
  });

  it('fails the same way for an image the registry does not have', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'typo', { image: 'ngnix' });
    step(cluster, 4000);
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(status(mustPod(cluster, 'typo')));
    expect(eventLines(cluster, 'typo')).toContain(
      'Warning Failed Failed to pull image "ngnix": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": docker.io/library/ngnix:latest: not found',
    );
  });
});

describe('kubelet: crash loops and completion', () => {
  it('crash-loops a failing command with a doubling back-off to 5 minutes', () => {
    const cluster = defaultCluster({ seed: 7 });
    const { statuses, versions } = track(cluster, 'crasher');
    const said = reported(cluster, 'crasher');
    const p0 = createPod(cluster, 'crasher', { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] });
    const uid = p0.metadata.uid!;
    step(cluster, 30 * 60_000, 250);

    const p = mustPod(cluster, 'crasher');
    expect(p.status?.phase).toBe('Running');
    const cs = p.status!.containerStatuses![0]!;
    expect(cs.restartCount).toBeGreaterThanOrEqual(8);
    expect(cs.ready).toBe(false);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cs.lastState.terminated!.containerID).toMatch(/^containerd:\/\//);

    // Restart counts only ever grow, one at a time.
    const counts = versions.filter((v) => v.type !== 'DELETED').map((v) => v.pod.status?.containerStatuses?.[0]?.restartCount ?? 0);
    for (let i = 1; i < counts.length; i++) expect(counts[i]! - counts[i - 1]!).toBeGreaterThanOrEqual(0);
    expect(new Set(counts).size).toBe(Math.max(...counts) + 1);

    // The back-off messages double from 10s and stop at 5m0s.
    const messages: string[] = [];
    versions.forEach((v, i) => {
      const waiting = (x: Pod | undefined) => x?.status?.containerStatuses?.[0]?.state.waiting;
      const m = waiting(v.pod);
      if (m?.reason === 'CrashLoopBackOff' && waiting(versions[i - 1]?.pod)?.reason !== 'CrashLoopBackOff') messages.push(m.message!);
    });
    const delays = messages.map((m) => /^back-off (\S+) restarting failed container=app pod=crasher_default\((.+)\)$/.exec(m));
    expect(delays.every((d) => d?.[2] === uid)).toBe(true);
    expect(delays.map((d) => d![1]).slice(0, 7)).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s']);

    // And the waits really are that long: time from entering CrashLoopBackOff to the next start.
    const starts = versions.filter((v, i) => i > 0 && v.pod.status?.containerStatuses?.[0]?.state.running && !versions[i - 1]!.pod.status?.containerStatuses?.[0]?.state.running).map((v) => v.at);
    const backoffs = statuses.filter((s) => s.status === 'CrashLoopBackOff').map((s) => s.at);
    const waits = backoffs.slice(0, 6).map((b) => Math.round((starts.find((s) => s > b)! - b) / 1000));
    expect(waits).toEqual([10, 20, 40, 80, 160, 300]);

    // The first crash is restarted promptly, without a back-off.
    const firstCrash = versions.find((v) => v.pod.status?.containerStatuses?.[0]?.state.terminated)!;
    const secondStart = starts.find((s) => s > firstCrash.at)!;
    expect(secondStart - firstCrash.at).toBeLessThanOrEqual(2000);
    // STATUS shows Error briefly after the first crash, then CrashLoopBackOff.
    const seq = statuses.map((s) => s.status);
    expect(seq.slice(0, 2)).toEqual(['Pending', 'ContainerCreating']);
    expect(seq.indexOf('Error')).toBeGreaterThan(1);
    expect(seq.indexOf('CrashLoopBackOff')).toBeGreaterThan(seq.indexOf('Error'));
    expect(new Set(seq)).toEqual(new Set(['Pending', 'ContainerCreating', 'Running', 'Error', 'CrashLoopBackOff']));

    const lines = eventLines(cluster, 'crasher');
    expect(lines).toContain('Normal Pulled Container image "busybox:1.36" already present on machine');
    expect(lines).toContain('Normal Created Created container: app');
    expect(lines).toContain('Normal Started Started container app');
    expect(lines).toContain(`Warning BackOff Back-off restarting failed container app in pod crasher_default(${uid})`);
    expect(said.filter((e) => e.reason === 'Started').length).toBe(cs.restartCount + 1);
    // One Event counts them all (as far as the correlator has let it be written).
    expect(events(cluster, 'crasher').filter((e) => e.reason === 'Started')).toHaveLength(1);
  });

  it('records the BackOff event again on every 10 s re-sync while backing off', () => {
    const cluster = defaultCluster({ seed: 7 });
    const { statuses, versions } = track(cluster, 'crasher');
    const said = reported(cluster, 'crasher');
    createPod(cluster, 'crasher', { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] });
    step(cluster, 15 * 60_000, 250);
    const backoffAt = said.filter((e) => e.reason === 'BackOff').map((e) => e.at);

    const starts = versions.filter((v, i) => i > 0 && v.pod.status?.containerStatuses?.[0]?.state.running && !versions[i - 1]!.pod.status?.containerStatuses?.[0]?.state.running).map((v) => v.at);
    const windows = statuses.filter((s) => s.status === 'CrashLoopBackOff').map((s) => [s.at, starts.find((t) => t > s.at)!] as const).slice(0, 6);
    // A back-off of d seconds is one event when it starts plus one per re-sync inside it: d / 10.
    expect(windows.map(([from, to]) => backoffAt.filter((t) => t >= from && t < to).length)).toEqual([1, 2, 4, 8, 16, 30]);
    // Aggregated into one Event, whose count the correlator writes at most every 5 minutes after the first 25 writes about the pod.
    const backoff = events(cluster, 'crasher').filter((e) => e.reason === 'BackOff');
    expect(backoff).toHaveLength(1);
    expect(backoff[0]!.count).toBeLessThanOrEqual(backoffAt.length);
    expect(backoff[0]!.count).toBeGreaterThanOrEqual(backoffAt.length - 30);
  });

  it('stops re-recording BackOff once the pod is deleted', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'crasher', { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }, { terminationGracePeriodSeconds: 0 });
    step(cluster, 3 * 60_000, 250);
    const before = events(cluster, 'crasher').find((e) => e.reason === 'BackOff')!.count;
    cluster.api.delete('Pod', 'default', 'crasher', 'test');
    step(cluster, 3 * 60_000, 250);
    expect(cluster.api.list<Event>('Event', 'default').find((e) => e.involvedObject.name === 'crasher' && e.reason === 'BackOff')!.count).toBe(before);
  });

  it('forgets the back-off once a container has run for 10 minutes', () => {
    const cluster = defaultCluster({ seed: 7 });
    const { versions } = track(cluster, 'slow');
    createPod(cluster, 'slow', { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 660; exit 1'] });
    step(cluster, 40 * 60_000, 1000);
    // Every crash came after 11 minutes of running, so every restart is immediate: no CrashLoopBackOff.
    const waiting = versions.map((v) => v.pod.status?.containerStatuses?.[0]?.state.waiting?.reason).filter(Boolean);
    expect(waiting).not.toContain('CrashLoopBackOff');
    expect(mustPod(cluster, 'slow').status!.containerStatuses![0]!.restartCount).toBe(3);
  });

  it('completes `sleep 5` with restartPolicy Never as Succeeded / Completed', () => {
    const cluster = defaultCluster({ seed: 7 });
    const { statuses } = track(cluster, 'sleeper');
    createPod(cluster, 'sleeper', { name: 'app', image: 'busybox:1.36', command: ['sleep', '5'] }, { restartPolicy: 'Never' });
    step(cluster, 15_000);
    const p = mustPod(cluster, 'sleeper');
    expect(statuses.map((s) => s.status)).toEqual(['Pending', 'ContainerCreating', 'Running', 'Completed']);
    const running = statuses.find((s) => s.status === 'Running')!;
    const completed = statuses.find((s) => s.status === 'Completed')!;
    expect(completed.at - running.at).toBe(5000);
    expect(p.status?.phase).toBe('Succeeded');
    const t = p.status!.containerStatuses![0]!.state.terminated!;
    expect(t).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(Date.parse(t.finishedAt!) - Date.parse(t.startedAt!)).toBe(5000);
    expect(p.status!.containerStatuses![0]!.restartCount).toBe(0);
    const ready = p.status!.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(p.status!.conditions!.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' });
    // The sandbox is torn down once the pod is terminal; the IP stays in the status.
    const sandbox = p.status!.conditions!.find((c) => c.type === 'PodReadyToStartContainers')!;
    expect(sandbox.status).toBe('False');
    expect(Date.parse(sandbox.lastTransitionTime!)).toBe(Math.floor(completed.at / 1000) * 1000);
    expect(p.status?.podIP).toBeDefined();
  });

  it('fails a command that exits non-zero with restartPolicy Never', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'fail', { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] }, { restartPolicy: 'Never' });
    step(cluster, 10_000);
    const p = mustPod(cluster, 'fail');
    expect(p.status?.phase).toBe('Failed');
    expect(status(p)).toBe('Error');
    expect(p.status!.containerStatuses![0]!.state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(p.status!.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
      'PodScheduled=True',
    ]);
  });

  it('restarts only failures with restartPolicy OnFailure', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'ok', { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 0'] }, { restartPolicy: 'OnFailure' });
    createPod(cluster, 'bad', { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }, { restartPolicy: 'OnFailure' });
    step(cluster, 20_000);
    expect(mustPod(cluster, 'ok').status?.phase).toBe('Succeeded');
    expect(mustPod(cluster, 'bad').status?.phase).toBe('Running');
    expect(mustPod(cluster, 'bad').status!.containerStatuses![0]!.restartCount).toBeGreaterThan(0);
  });

  it('keeps restarting a container that exits 0 under restartPolicy Always', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'done', { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo hi'] });
    step(cluster, 30_000);
    const cs = mustPod(cluster, 'done').status!.containerStatuses![0]!;
    expect(cs.restartCount).toBeGreaterThan(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});

describe('kubelet: deleting pods', () => {
  it('stops nginx promptly: Terminating, then gone within a second', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'web', { image: 'nginx:1.25' });
    step(cluster, 5000);
    const { statuses, versions } = track(cluster, 'web');
    cluster.api.delete('Pod', 'default', 'web', 'test');
    const deletedAt = cluster.now();
    expect(status(mustPod(cluster, 'web'))).toBe('Terminating');
    step(cluster, 1000);
    expect(pod(cluster, 'web')).toBeUndefined();
    const gone = statuses.find((s) => s.status === '<deleted>')!;
    expect(gone.at - deletedAt).toBeLessThan(1000);
    // The kubelet moves it to a terminal phase before it is removed (exit 0 on SIGTERM → Completed).
    const last = versions.filter((v) => v.type !== 'DELETED').at(-1)!.pod;
    expect(last.status?.phase).toBe('Succeeded');
    expect(last.status!.containerStatuses![0]!.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(eventLines(cluster, 'web')).toContain('Normal Killing Stopping container web');
  });

  it('waits out the 30 s grace period for a process that ignores SIGTERM, then SIGKILLs it (exit 137)', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'sleepy', { name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] });
    step(cluster, 5000);
    expect(mustPod(cluster, 'sleepy').status?.phase).toBe('Running');
    const { versions } = track(cluster, 'sleepy');
    cluster.api.delete('Pod', 'default', 'sleepy', 'test');
    const deletedAt = cluster.now();
    step(cluster, 29_500);
    expect(status(mustPod(cluster, 'sleepy'))).toBe('Terminating');
    expect(mustPod(cluster, 'sleepy').status?.phase).toBe('Running');
    step(cluster, 1000);
    expect(pod(cluster, 'sleepy')).toBeUndefined();
    const removed = versions.find((v) => v.type === 'DELETED')!;
    expect(removed.at - deletedAt).toBe(30_000);
    const last = versions.filter((v) => v.type !== 'DELETED').at(-1)!.pod;
    expect(last.status?.phase).toBe('Failed');
    expect(last.status!.containerStatuses![0]!.state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('honours a shorter grace period given by a second delete', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'sleepy', { name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] });
    step(cluster, 5000);
    cluster.api.delete('Pod', 'default', 'sleepy', 'test');
    step(cluster, 2000);
    cluster.api.delete('Pod', 'default', 'sleepy', 'test', { gracePeriodSeconds: 1 });
    step(cluster, 1500);
    expect(pod(cluster, 'sleepy')).toBeUndefined();
  });

  it('removes a pod at once with grace period 0 and forgets its containers', () => {
    const cluster = defaultCluster({ seed: 7 });
    const p = createPod(cluster, 'web', { image: 'nginx:1.25' });
    step(cluster, 5000);
    const node = mustPod(cluster, 'web').spec.nodeName!;
    cluster.api.delete('Pod', 'default', 'web', 'test', { gracePeriodSeconds: 0 });
    cluster.drain();
    expect(pod(cluster, 'web')).toBeUndefined();
    expect(cluster.kubeletFor(node)!.runtime(p.metadata.uid!)).toBeUndefined();
  });

  it('stops a pod that is still pulling its image at once', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'web', { image: 'nginx:1.25' });
    step(cluster, 800);
    expect(status(mustPod(cluster, 'web'))).toBe('ContainerCreating');
    cluster.api.delete('Pod', 'default', 'web', 'test');
    step(cluster, 200);
    expect(pod(cluster, 'web')).toBeUndefined();
  });

  it('deletes a finished pod at once', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'job', { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 0'] }, { restartPolicy: 'Never' });
    step(cluster, 5000);
    expect(mustPod(cluster, 'job').status?.phase).toBe('Succeeded');
    cluster.api.delete('Pod', 'default', 'job', 'test');
    expect(pod(cluster, 'job')).toBeUndefined();
  });
});

/** bareCluster is the default machines without any system pods, so a node's address space starts empty. */
function bareCluster(seed: number): Cluster {
  const cluster = new Cluster({ seed });
  cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, 'test');
  for (const n of DEFAULT_NODES) {
    cluster.api.create(makeNode(n, cluster.random, cluster.now(), cluster.now()), 'test');
    cluster.addKubelet({ node: n.name, hostIP: n.internalIP, podSubnet: n.podCIDR.split('.').slice(0, 3).join('.') });
  }
  cluster.drain();
  return cluster;
}

describe('kubelet: pod IPs', () => {
  const onNode1 = { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } };

  it("hands out addresses from the node's /24 in order, starting at .2", () => {
    const cluster = bareCluster(7);
    for (let i = 0; i < 3; i++) createPod(cluster, `p${i}`, { image: 'nginx:1.25' }, onNode1);
    createPod(cluster, 'elsewhere', { image: 'nginx:1.25' }, { nodeSelector: { 'kubernetes.io/hostname': 'node-3' } });
    step(cluster, 5000);
    const ips = [0, 1, 2].map((i) => mustPod(cluster, `p${i}`).status?.podIP).sort();
    expect(ips).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    expect(mustPod(cluster, 'elsewhere').status?.podIP).toBe('10.244.3.2');
  });

  it('reuses released addresses, never one still in use', () => {
    const cluster = bareCluster(7);
    createPod(cluster, 'keeper', { image: 'nginx:1.25' }, onNode1);
    step(cluster, 2000);
    expect(mustPod(cluster, 'keeper').status?.podIP).toBe('10.244.1.2');
    const seen = new Set<string>();
    // Churn through more pods than the /24 has addresses.
    for (let i = 0; i < 300; i++) {
      createPod(cluster, `churn${i}`, { image: 'nginx:1.25' }, onNode1);
      step(cluster, 1000, 1000);
      const ip = mustPod(cluster, `churn${i}`).status?.podIP;
      expect(ip).toMatch(/^10\.244\.1\.(\d+)$/);
      const host = Number(ip!.split('.')[3]);
      expect(host >= 3 && host <= 254, ip).toBe(true);
      seen.add(ip!);
      cluster.api.delete('Pod', 'default', `churn${i}`, 'test', { gracePeriodSeconds: 0 });
      cluster.drain();
    }
    // Every free address got used, and released ones came round again.
    expect(seen.size).toBe(252);
    expect(mustPod(cluster, 'keeper').status?.podIP).toBe('10.244.1.2');
  });
});

describe('kubelet: several containers and logs', () => {
  it('starts the containers of a pod in order and is Ready only when all run', () => {
    const cluster = defaultCluster({ seed: 7 });
    cluster.api.create<Pod>(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'duo' },
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.25' },
            { name: 'sidecar', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do sleep 5; done'] },
          ],
        },
      },
      'test',
    );
    step(cluster, 8000);
    const p = mustPod(cluster, 'duo');
    expect(p.status?.phase).toBe('Running');
    expect(p.status!.containerStatuses!.map((c) => [c.name, c.ready, !!c.state.running])).toEqual([
      ['web', true, true],
      ['sidecar', true, true],
    ]);
    const reasons = events(cluster, 'duo').map((e) => `${e.reason} ${e.involvedObject.fieldPath ?? ''}`);
    expect(reasons.indexOf('Started spec.containers{web}')).toBeLessThan(reasons.indexOf('Pulling spec.containers{sidecar}'));
    expect(p.status!.conditions!.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  it('names every unready container in the Ready condition', () => {
    const cluster = defaultCluster({ seed: 7 });
    cluster.api.create<Pod>(
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'duo' }, spec: { containers: [{ name: 'a', image: 'nginx:doesnotexist' }, { name: 'b', image: 'nginx:nope' }] } },
      'test',
    );
    step(cluster, 3000);
    const ready = mustPod(cluster, 'duo').status!.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [a b]' });
  });

  it('keeps the previous container’s logs after a restart', () => {
    const cluster = defaultCluster({ seed: 7 });
    const p0 = createPod(cluster, 'talker', { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo hello; echo bye; exit 1'] });
    step(cluster, 5000);
    const p = mustPod(cluster, 'talker');
    const kubelet = cluster.kubeletFor(p.spec.nodeName!)!;
    expect(p.status!.containerStatuses![0]!.restartCount).toBeGreaterThanOrEqual(1);
    expect(kubelet.logs(p0.metadata.uid!, 'app', true)).toEqual(['hello', 'bye']);
    expect(kubelet.logs(p0.metadata.uid!, 'nope')).toBeUndefined();
  });
});

describe('kubelet: init containers', () => {
  const init = (name: string, script: string): Container => ({ name, image: 'busybox:1.36', command: ['sh', '-c', script] });

  it('runs init containers one at a time, to completion, before the app containers', () => {
    const cluster = defaultCluster({ seed: 7 });
    const seen: string[] = [];
    cluster.store.watch('Pod', (e) => {
      const p = e.object as Pod;
      if (p.metadata.name !== 'web' || e.type === 'DELETED') return;
      const s = podStatusReason(p);
      if (seen.at(-1) !== s) seen.push(s);
    });
    createPod(cluster, 'web', { image: 'nginx:1.25' }, { initContainers: [init('fetch', 'sleep 3'), init('migrate', 'echo done; sleep 2')] });
    step(cluster, 15_000);
    expect(seen).toEqual(['Pending', 'Init:0/2', 'Init:1/2', 'PodInitializing', 'Running']);
    const p = mustPod(cluster, 'web');
    const [fetch, migrate] = p.status!.initContainerStatuses!;
    expect(fetch).toMatchObject({ name: 'fetch', ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(Date.parse(migrate!.state.terminated!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(fetch!.state.terminated!.finishedAt!));
    expect(Date.parse(p.status!.containerStatuses![0]!.state.running!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(migrate!.state.terminated!.finishedAt!));
    expect(p.status!.conditions!.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'True' });
    // Init containers' events point at spec.initContainers.
    expect(events(cluster, 'web').find((e) => e.message === 'Started container fetch')!.involvedObject.fieldPath).toBe('spec.initContainers{fetch}');
  });

  it('reports Initialized=False with the incomplete init containers while they run', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'web', { image: 'nginx:1.25' }, { initContainers: [init('wait', 'sleep 30')] });
    step(cluster, 5_000);
    const p = mustPod(cluster, 'web');
    expect(p.status?.phase).toBe('Pending');
    expect(p.status!.conditions!.find((c) => c.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [wait]',
    });
    expect(p.status!.initContainerStatuses![0]).toMatchObject({ ready: false, state: { running: {} } });
    expect(p.status!.containerStatuses![0]!.state).toEqual({ waiting: { reason: 'PodInitializing' } });
  });

  it('fails the pod when an init container fails and restartPolicy is Never', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'once', { image: 'nginx:1.25' }, { restartPolicy: 'Never', initContainers: [init('check', 'exit 1')] });
    step(cluster, 10_000);
    const p = mustPod(cluster, 'once');
    expect(p.status?.phase).toBe('Failed');
    expect(podStatusReason(p)).toBe('Init:Error');
    expect(p.status!.containerStatuses![0]!.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(p.status!.conditions!.map((c) => `${c.type}=${c.status}${c.reason ? `/${c.reason}` : ''}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=False/ContainersNotInitialized',
      'Ready=False/PodFailed',
      'ContainersReady=False/PodFailed',
      'PodScheduled=True',
    ]);
  });

  it('retries a failing init container with the crash back-off: Init:CrashLoopBackOff', () => {
    const cluster = defaultCluster({ seed: 7 });
    createPod(cluster, 'retry', { image: 'nginx:1.25' }, { initContainers: [init('check', 'exit 1')] });
    step(cluster, 40_000);
    const p = mustPod(cluster, 'retry');
    expect(p.status?.phase).toBe('Pending');
    expect(p.status!.initContainerStatuses![0]!.restartCount).toBeGreaterThanOrEqual(2);
    expect(['Init:CrashLoopBackOff', 'Init:Error']).toContain(podStatusReason(p));
    expect(p.status!.containerStatuses![0]!.containerID).toBeUndefined();
  });
});
