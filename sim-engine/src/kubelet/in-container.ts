/**
 * InContainer is what the kubelet needs from the rest of the cluster to look inside its
 * containers: run a command there (exec probes, container scripts) through the same tool model
 * `kubectl exec` uses, and reach a container over the pod network (HTTP and TCP probes). The
 * cluster supplies it, so the kubelet depends on no other layer.
 */
import type { Pod } from '../api/pod.ts';
import type { ExecOutcome } from './script/run.ts';

/** ProbeConnection is what dialling a container gave: a connection, or why there was none. */
export type ProbeConnection = { ok: true } | { ok: false; error: 'refused' | 'timeout' | 'other' };

/** ProbeResponse is an HTTP probe's answer, or why there was none (raw: what a non-HTTP server sent). */
export type ProbeResponse = { ok: true; status: number } | { ok: false; error: 'refused' | 'timeout' | 'reset' | 'other'; raw?: string };

/** InContainer runs commands in containers and connects to them, at once (the kubelet keeps the time). */
export interface InContainer {
  /** exec runs argv in a container; waits it would take (a network timeout) come back as waitedMs. */
  exec(pod: Pod, container: string, argv: string[], write: (fd: 1 | 2, text: string) => void): ExecOutcome;
  /** env is the container's environment as its processes see it. */
  env(pod: Pod, container: string): Record<string, string>;
  /** debian tells whether the image's sh is dash (Debian-based images) rather than BusyBox's. */
  debian(pod: Pod, container: string): boolean;
  /** httpGet is the kubelet's GET from its node to a URL (User-Agent kube-probe/1.32). */
  httpGet(node: string, url: string): ProbeResponse;
  /** tcp opens a TCP connection from the node. */
  tcp(node: string, ip: string, port: number): ProbeConnection;
}
