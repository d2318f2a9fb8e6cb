/** The apps/v1 tables: deployments and replicasets, as printDeployment and printReplicaSet fill them. */
import type { Deployment, ReplicaSet } from '../../../api/apps.ts';
import type { Container } from '../../../api/pod.ts';
import { formatLabelSelector } from '../labels.ts';
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
