/**
 * check runs one probe once, as the kubelet's prober does (pkg/kubelet/prober and pkg/probe):
 * an HTTP GET from the node to the pod IP (200–399 succeeds), a TCP connect, or a command run
 * in the container (exit 0 succeeds). It returns the result and the text the kubelet puts in
 * its `Unhealthy` event. An `error` (a named port the container does not declare, an exec that
 * cannot start) is thrown away by the prober's worker: it counts neither way.
 */
import type { Container, Pod, Probe } from '../../api/pod.ts';
import type { InContainer } from '../in-container.ts';
import { newScriptState, runScript, type ScriptHost } from '../script/run.ts';

/** ProbeOutcome is one probe's result and what the kubelet reports about it. */
export interface ProbeOutcome {
  result: 'success' | 'failure' | 'error';
  output: string;
}

/** ProbeTarget is where a probe runs: the pod, its container's spec, the pod IP and the node. */
export interface ProbeTarget {
  pod: Pod;
  container: Container;
  podIP: string;
  node: string;
}

/** checkProbe runs `probe` against `target` once. */
export function checkProbe(probe: Probe, target: ProbeTarget, hooks: InContainer): ProbeOutcome {
  const timeoutMs = (probe.timeoutSeconds || 1) * 1000;
  if (probe.exec) return checkExec(probe.exec.command ?? [], timeoutMs, target, hooks);
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port, target.container);
    if (typeof port === 'string') return { result: 'error', output: port };
    const host = probe.httpGet.host || target.podIP;
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path || '/';
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    const r = hooks.httpGet(target.node, url);
    if (r.ok) return r.status >= 200 && r.status < 400 ? { result: 'success', output: '' } : { result: 'failure', output: `HTTP probe failed with statuscode: ${r.status}` };
    const why = {
      refused: `dial tcp ${host}:${port}: connect: connection refused`,
      timeout: `context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
      reset: r.raw ? `net/http: HTTP/1.x transport connection broken: malformed HTTP response ${JSON.stringify(r.raw.split('\r\n')[0])}` : 'EOF',
      other: `dial tcp ${host}:${port}: connect: no route to host`,
    }[r.error];
    return { result: 'failure', output: `Get "${url}": ${why}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, target.container);
    if (typeof port === 'string') return { result: 'error', output: port };
    const host = probe.tcpSocket.host || target.podIP;
    const r = hooks.tcp(target.node, host, port);
    if (r.ok) return { result: 'success', output: '' };
    return { result: 'failure', output: r.error === 'refused' ? `dial tcp ${host}:${port}: connect: connection refused` : `dial tcp ${host}:${port}: i/o timeout` };
  }
  if (probe.grpc) return { result: 'error', output: 'gRPC probes are not supported in this sandbox' };
  return { result: 'error', output: 'missing probe handler' };
}

/** resolvePort is ResolveContainerPort: a number as is, a name looked up in the container's ports. */
function resolvePort(port: number | string, c: Container): number | string {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  const found = c.ports?.find((p) => p.name === port);
  return found ? found.containerPort : `port ${port} not found`;
}

/** checkExec runs the command in the container; a shell (`sh -c`) runs through the container-script interpreter. */
function checkExec(argv: string[], timeoutMs: number, target: ProbeTarget, hooks: InContainer): ProbeOutcome {
  let output = '';
  const write = (_fd: 1 | 2, text: string) => {
    output += text;
  };
  const name = argv[0]?.slice(argv[0].lastIndexOf('/') + 1) ?? '';
  const shell = (name === 'sh' || name === 'bash') && argv[1] === '-c';
  let status: number;
  let waited = 0;
  if (shell) {
    const host: ScriptHost = {
      debian: hooks.debian(target.pod, target.container.name),
      log: (line) => write(1, `${line}\n`),
      exec: (a, w) => hooks.exec(target.pod, target.container.name, a, w),
    };
    const state = newScriptState(hooks.env(target.pod, target.container.name));
    status = -1;
    for (let round = 0; round < 100 && status < 0; round++) {
      const r = runScript(argv[2] ?? '', state, host);
      if (r.kind === 'exit') status = r.code;
      else if (r.kind === 'sleep') waited += r.ms;
      else waited += 1000;
      if (waited >= timeoutMs) break;
    }
  } else {
    const r = hooks.exec(target.pod, target.container.name, argv, write);
    if (r.notFound) {
      const why = argv[0]?.includes('/') ? `stat ${argv[0]}: no such file or directory` : 'executable file not found in $PATH';
      return { result: 'error', output: `rpc error: code = Unknown desc = failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": ${why}: unknown` };
    }
    status = r.status;
    waited = r.waitedMs;
  }
  // The kubelet's ExecSync gives up at timeoutSeconds, whatever the command would have done next.
  if (waited >= timeoutMs || status < 0) return { result: 'failure', output: `command ${JSON.stringify(argv.join(' '))} timed out` };
  return { result: status === 0 ? 'success' : 'failure', output: output.replace(/\n$/, '') };
}
