/**
 * @wheelhouse/sim-engine: a Kubernetes cluster in miniature. This file is the engine's public
 * API; nothing outside the engine imports deeper than this.
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
export type { Completer, Completion } from './shell/complete.ts';
export { kubectlCompleter, type CompletionHost } from './kubectl/completion.ts';
export { RESOURCES, type ResourceInfo } from './api/resources.ts';
export { runTranscript, type TranscriptOptions, type TranscriptResult } from './transcript.ts';
export { parseScenario, parseYaml, startSession, validateScenario, scenarioStartTime, type Scenario } from './scenario/scenario.ts';
// For the sandbox panels (cluster map, editor): the pod table's STATUS and READY logic, manifest checks, API types.
export { podStatusReason, podReady } from './kubectl/printers/tables/pod.ts';
export { validateManifest, type ManifestDiagnostic, type ValidateOptions } from './kubectl/validate-manifest.ts';
export { HOME } from './shell/paths.ts';
export type { OwnerReference } from './api/meta.ts';
export type { Deployment, ReplicaSet } from './api/apps.ts';
export type { Endpoints } from './api/endpoints.ts';
// Exercises: the scenario schema, grading checks and their history recorder, and how content errors read.
export { scenarioSchema, type ScenarioInput } from './scenario/schema/scenario.ts';
export { ContentError, formatIssues, formatPath } from './scenario/schema/issues.ts';
export { strictObject } from './scenario/schema/strict.ts';
export * from './checks/index.ts';
export { splitCommands } from './transcript.ts';
