/** kubectl logs: a container's log from its kubelet, with --tail, --previous, --prefix, -l, -f and controller targets. */
import type { Pod } from '../../api/pod.ts';
import { badRequest } from '../../apiserver/errors.ts';
import { parseSelector } from '../../apiserver/selectors.ts';
import type { Cluster } from '../../cluster.ts';
import { waitUntil, type Command, type Invocation } from '../command.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { bool, has, str } from '../flags.ts';
import { durationFlag } from './durations.ts';
import { defaultContainer, resolvePod } from './pod-select.ts';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** LogStream is one container's log as the kubelet serves it: what is there now, and what follows while it runs. */
interface LogStream {
  pod: Pod;
  container: string;
  lines: string[];
  /** When each line was written (for --timestamps); `more` appends to it. */
  times: number[];
  /** more returns lines written since the last call, or undefined once the container has stopped. */
  more(): string[] | undefined;
}

/** containerID resolves which container instance's log the kubelet serves (its validateContainerLogStatus). */
function logContainerID(pod: Pod, container: string, previous: boolean): string {
  const name = pod.metadata.name;
  const cs = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((c) => c.name === container);
  if (!cs) throw badRequest(`container "${container}" in pod "${name}" is not available`);
  const last = cs.lastState.terminated;
  const { waiting, running, terminated } = cs.state;
  if (previous) {
    if (!last?.containerID) throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
    return last.containerID;
  }
  if (running) return cs.containerID ?? '';
  if (terminated) {
    if (terminated.containerID) return terminated.containerID;
    if (last?.containerID) return last.containerID;
    throw badRequest(`container "${container}" in pod "${name}" is terminated`);
  }
  if (last) {
    if (!last.containerID) throw badRequest(`container "${container}" in pod "${name}" is terminated`);
    return last.containerID;
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') throw badRequest(`container "${container}" in pod "${name}" is waiting to start: image can't be pulled`);
    if (waiting.reason === 'ImagePullBackOff') throw badRequest(`container "${container}" in pod "${name}" is waiting to start: trying and failing to pull image`);
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${waiting.reason}`);
  }
  throw badRequest(`container "${container}" in pod "${name}" is waiting to start - no logs yet`);
}

/** openLog is the pods/log request: the API server's checks, then the kubelet's. */
export function openLog(cluster: Cluster, pod: Pod, container: string, previous: boolean): LogStream {
  const known = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === container);
  if (!known) throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
  const empty: LogStream = { pod, container, lines: [], times: [], more: () => undefined };
  if (!pod.spec.nodeName) return empty;
  const id = logContainerID(pod, container, previous);
  const kubelet = cluster.kubeletFor(pod.spec.nodeName);
  const uid = pod.metadata.uid!;
  const source = (): string[] | undefined => {
    const rt = kubelet?.container(uid, container);
    if (!rt) return undefined;
    // The kubelet keeps the running (or last) instance's log and the one before it.
    return rt.containerID === id ? kubelet!.logs(uid, container, false) : kubelet!.logs(uid, container, true);
  };
  const timesOf = (): number[] => {
    const rt = kubelet?.container(uid, container);
    return (rt && kubelet!.logTimes(uid, container, rt.containerID !== id)) ?? [];
  };
  const lines = [...(source() ?? [])];
  const times = timesOf().slice(0, lines.length);
  let seen = lines.length;
  const more = () => {
    const rt = kubelet?.container(uid, container);
    const now = source();
    if (!rt || !now) return undefined;
    const fresh = now.slice(seen);
    times.push(...timesOf().slice(seen, now.length));
    seen = now.length;
    if (fresh.length === 0 && !(rt.containerID === id && rt.state === 'running')) return undefined;
    return fresh;
  };
  return { pod, container, lines, times, more };
}

/** logsCommand is `kubectl logs`. */
export const logsCommand: Command = {
  name: 'logs',
  summary: 'Print the logs for a container in a pod',
  help: {
    description: 'Print what a container in a pod wrote to its standard output and error. Name the pod, or a deployment to read one of its pods.',
    examples: [
      ['Print the logs of a pod', 'kubectl logs web'],
      ['Print the last 10 lines with their timestamps', 'kubectl logs web --tail=10 --timestamps'],
      ['Print the logs of one container of the pod', 'kubectl logs web -c web'],
      ['Print the logs of a pod of a deployment', 'kubectl logs deployment/web'],
    ],
    usage: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  },
  flags: [
    { name: 'all-containers', type: 'bool', default: 'false', help: 'Get all containers\' logs in the pod(s).' },
    { name: 'all-pods', type: 'bool', default: 'false', help: 'Get logs from all pod(s).' },
    { name: 'container', short: 'c', type: 'string', default: "''", help: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', default: 'false', help: 'Specify if the logs should be streamed.' },
    { name: 'ignore-errors', type: 'bool', default: 'false', help: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool', default: 'false', help: 'Skip verifying the identity of the kubelet that logs are requested from.' },
    { name: 'limit-bytes', type: 'int', default: '0', help: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'max-log-requests', type: 'int', default: '5', help: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
    { name: 'pod-running-timeout', type: 'string', default: '20s', help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'prefix', type: 'bool', default: 'false', help: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'previous', short: 'p', type: 'bool', default: 'false', help: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: 'Selector (label query) to filter on.' },
    { name: 'since', type: 'string', default: '0s', help: 'Only return logs newer than a relative duration like 5s, 2m, or 3h.' },
    { name: 'since-time', type: 'string', default: "''", help: 'Only return logs after a specific date (RFC3339).' },
    { name: 'tail', type: 'int', default: '-1', help: 'Lines of recent log file to display.' },
    { name: 'timestamps', type: 'bool', default: 'false', help: 'Include timestamps on each line in the log output' },
  ],
  async run(inv) {
    const args = inv.flags.args;
    const selector = str(inv.flags, 'selector');
    if (args.length === 0 && !selector) throw new UsageError(USAGE);
    if (args.length === 1 && selector) throw new UsageError('only a selector (-l) or a POD name is allowed');
    if (args.length > 2) throw new UsageError(USAGE);
    const podTimeout = durationFlag(str(inv.flags, 'pod-running-timeout', '20s'), 'pod-running-timeout', 'logs');
    const since = durationFlag(str(inv.flags, 'since', '0s'), 'since', 'logs');
    let container = str(inv.flags, 'container');
    if (args.length === 2) {
      if (has(inv.flags, 'container')) throw new KubectlError('only one of -c or an inline [CONTAINER] arg is allowed');
      container = args[1]!;
    }
    if (str(inv.flags, 'since-time') && since !== 0) throw new KubectlError('at most one of `sinceTime` or `sinceSeconds` may be specified');
    const allContainers = bool(inv.flags, 'all-containers');
    if (allContainers && container) throw new KubectlError(`--all-containers=true should not be specified with container name ${container}`);
    const limit = Number(str(inv.flags, 'limit-bytes', '0'));
    if (limit < 0) throw new KubectlError('--limit-bytes must be greater than 0');
    if (since < 0) throw new KubectlError('--since must be greater than 0');
    let tail = Number(str(inv.flags, 'tail', '-1'));
    if (tail < -1) throw new KubectlError('--tail must be greater than or equal to -1');
    if (since > 0 || str(inv.flags, 'since-time')) throw new KubectlError('--since and --since-time are not supported in this sandbox yet: its logs carry no timestamps');
    let pods: Pod[];
    if (selector) {
      if (!has(inv.flags, 'tail')) tail = 10;
      pods = inv.cluster.api.list<Pod>('Pod', inv.namespace, { labelSelector: parseSelector(selector) });
      if (pods.length === 0) inv.ctx.stderr(`No resources found in ${inv.namespace} namespace.\n`);
    } else {
      pods = [await resolvePod(inv, args[0]!, podTimeout, 'logs')];
    }
    const requests: { pod: Pod; container: string }[] = [];
    for (const pod of pods) {
      const names = allContainers ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name) : [container || defaultContainer(inv, pod)];
      for (const name of names) requests.push({ pod, container: name });
    }
    const follow = bool(inv.flags, 'follow');
    const max = Number(str(inv.flags, 'max-log-requests', '5'));
    if (follow && requests.length > 1 && requests.length > max) {
      throw new KubectlError(`you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
    }
    const streams = requests.map((r) => openLog(inv.cluster, r.pod, r.container, bool(inv.flags, 'previous')));
    const out = printer(inv, limit);
    for (const s of streams) out(s, tail >= 0 ? Math.max(0, s.lines.length - tail) : 0, s.lines.length);
    if (follow) {
      const live = new Set(streams);
      await waitUntil(inv, () => {
        for (const s of live) {
          const from = s.lines.length;
          const fresh = s.more();
          if (fresh === undefined) live.delete(s);
          else {
            s.lines.push(...fresh);
            out(s, from, s.lines.length);
          }
        }
        return live.size === 0;
      });
    }
    return 0;
  },
};

/** printer writes log lines with --prefix and --timestamps, stopping at --limit-bytes. */
function printer(inv: Invocation, limit: number): (s: LogStream, from: number, to: number) => void {
  let written = 0;
  const prefix = bool(inv.flags, 'prefix');
  const timestamps = bool(inv.flags, 'timestamps');
  return (s, from, to) => {
    for (let i = from; i < to; i++) {
      let text = `${s.lines[i]}\n`;
      // The runtime stamps each line with its nanosecond write time; the sandbox keeps milliseconds.
      if (timestamps) text = `${new Date(s.times[i] ?? inv.ctx.now()).toISOString().replace('Z', '000000Z')} ${text}`;
      if (prefix) text = `[pod/${s.pod.metadata.name}/${s.container}] ${text}`;
      if (limit > 0) {
        if (written >= limit) return;
        text = text.slice(0, limit - written);
      }
      written += text.length;
      inv.ctx.stdout(text);
    }
  };
}
