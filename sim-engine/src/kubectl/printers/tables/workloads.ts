/** The apps/v1 tables: deployments, replicasets and daemonsets, as printDeployment, printReplicaSet and printDaemonSet fill them. */
import type { DaemonSet, Deployment, ReplicaSet } from '../../../api/apps.ts';
import type { Container } from '../../../api/pod.ts';
import { formatLabels, formatLabelSelector } from '../labels.ts';
import { age } from './pod.ts';
import type { TableDef } from './table.ts';

/** containerCells is layoutContainerCells: container names and images, each comma-joined. */
export function containerCells(containers: readonly Container[]): [string, string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')];
}

/** deploymentTable is `kubectl get deployments`. */
export const deploymentTable: TableDef<Deployment> = {
  columns: [
    { name: 'NAME' },
    { name: 'READY' },
    { name: 'UP-TO-DATE' },
    { name: 'AVAILABLE' },
    { name: 'AGE' },
    { name: 'CONTAINERS', wide: true },
    { name: 'IMAGES', wide: true },
    { name: 'SELECTOR', wide: true },
  ],
  row(d, now) {
    const s = d.status ?? {};
    // The wide SELECTOR is labels.Selector.String(): an empty selector prints as nothing.
    const selector = formatLabelSelector(d.spec.selector);
    return [
      d.metadata.name!,
      `${s.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
      String(s.updatedReplicas ?? 0),
      String(s.availableReplicas ?? 0),
      age(d.metadata.creationTimestamp, now),
      ...containerCells(d.spec.template?.spec?.containers ?? []),
      selector === '<error>' ? '<invalid>' : selector === '<none>' ? '' : selector,
    ];
  },
};

/** replicaSetTable is `kubectl get replicasets`. */
export const replicaSetTable: TableDef<ReplicaSet> = {
  columns: [
    { name: 'NAME' },
    { name: 'DESIRED' },
    { name: 'CURRENT' },
    { name: 'READY' },
    { name: 'AGE' },
    { name: 'CONTAINERS', wide: true },
    { name: 'IMAGES', wide: true },
    { name: 'SELECTOR', wide: true },
  ],
  row(rs, now) {
    const s = rs.status;
    return [
      rs.metadata.name!,
      String(rs.spec.replicas ?? 1),
      String(s?.replicas ?? 0),
      String(s?.readyReplicas ?? 0),
      age(rs.metadata.creationTimestamp, now),
      ...containerCells(rs.spec.template?.spec?.containers ?? []),
      formatLabelSelector(rs.spec.selector),
    ];
  },
};

/** daemonSetTable is `kubectl get daemonsets`. */
export const daemonSetTable: TableDef<DaemonSet> = {
  columns: [
    { name: 'NAME' },
    { name: 'DESIRED' },
    { name: 'CURRENT' },
    { name: 'READY' },
    { name: 'UP-TO-DATE' },
    { name: 'AVAILABLE' },
    { name: 'NODE SELECTOR' },
    { name: 'AGE' },
    { name: 'CONTAINERS', wide: true },
    { name: 'IMAGES', wide: true },
    { name: 'SELECTOR', wide: true },
  ],
  row(ds, now) {
    const s = ds.status;
    return [
      ds.metadata.name!,
      String(s?.desiredNumberScheduled ?? 0),
      String(s?.currentNumberScheduled ?? 0),
      String(s?.numberReady ?? 0),
      String(s?.updatedNumberScheduled ?? 0),
      String(s?.numberAvailable ?? 0),
      formatLabels(ds.spec.template?.spec?.nodeSelector),
      age(ds.metadata.creationTimestamp, now),
      ...containerCells(ds.spec.template?.spec?.containers ?? []),
      formatLabelSelector(ds.spec.selector),
    ];
  },
};
