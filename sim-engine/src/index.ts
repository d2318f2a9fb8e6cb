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
export { runTranscript, type TranscriptOptions, type TranscriptResult } from './transcript.ts';
export { parseScenario, startSession, type Scenario } from './scenario/scenario.ts';
