/**
 * @wheelhouse/sim-engine: a Kubernetes cluster in miniature. This file is the engine's public
 * API for running it, and what the browser loads when a sandbox appears: it brings in no schema
 * or YAML library, and kubectl's verbs load on first use (kubectl/verbs.ts). Checking what
 * authors write (scenario files, exercise checks) is a second entry,
 * `@wheelhouse/sim-engine/validate` (validate.ts), the editor's manifest checks a third,
 * `@wheelhouse/sim-engine/manifests` (manifests.ts), and exercise grading a fourth,
 * `@wheelhouse/sim-engine/grading` (grading.ts). Nothing outside the engine imports deeper.
 */
export { Cluster, DEFAULT_START, SNAPSHOT_VERSION, type ClusterOptions, type ClusterSnapshot } from './cluster.ts';
export { Session, SESSION_SNAPSHOT_VERSION, type Output, type SessionOptions, type SessionSnapshot } from './session.ts';
export { defaultCluster, createCluster, DEFAULT_NODES } from './scenario/default-cluster.ts';
export type { KubeObject, ObjectMeta, LabelSelector } from './api/meta.ts';
export type { Pod, PodSpec, PodStatus, Container } from './api/pod.ts';
export type { Node } from './api/node.ts';
export type { Service } from './api/service.ts';
export type { Event } from './api/event.ts';
export type { WatchEvent } from './store/store.ts';
export type { AuditEntry } from './apiserver/apiserver.ts';
export type { Interrupt, Program, ProgramContext } from './shell/types.ts';
export type { Editor } from './kubectl/command.ts';
export type { RunOptions } from './shell/shell.ts';
export type { Completer, Completion } from './shell/complete.ts';
export { kubectlCompleter, type CompletionHost } from './kubectl/completion.ts';
// kubectl's verbs load on first use; a host may start loading them sooner (the browser: on the first keystroke).
export { loadCommands as loadKubectl } from './kubectl/verbs.ts';
// The shell's text tools (awk, sed, grep, …) load on first use too; the browser starts them with kubectl's verbs.
export { loadTextTools } from './shell/tools/lazy-tools.ts';
export { RESOURCES, type ResourceInfo } from './api/resources.ts';
export { runTranscript, type TranscriptOptions, type TranscriptResult } from './transcript.ts';
export { buildSession, scenarioStartTime, type BuildOptions } from './scenario/build.ts';
export type { Scenario } from './scenario/scenario.ts';
// For the sandbox panels (cluster map, editor): the pod table's STATUS and READY logic, API types.
// The editor's manifest checks are the `./manifests` entry (manifests.ts).
export { podStatusReason, podReady } from './kubectl/printers/tables/pod.ts';
export { HOME } from './shell/paths.ts';
export type { OwnerReference } from './api/meta.ts';
export type { Deployment, ReplicaSet } from './api/apps.ts';
export type { Endpoints } from './api/endpoints.ts';
// The error a bad scenario throws. Reading and checking scenario files is validate.ts; grading
// exercises is grading.ts, which loads when a learner starts one.
export type { ScenarioInput } from './scenario/schema/scenario.ts';
export { ContentError } from './scenario/schema/issues.ts';
export { splitCommands } from './transcript.ts';
