/** The namespace table. */
import type { Namespace } from '../../../api/namespace.ts';
import { age } from './pod.ts';
import type { TableDef } from './table.ts';

/** namespaceTable is `kubectl get namespaces`. */
export const namespaceTable: TableDef<Namespace> = {
  columns: [{ name: 'NAME' }, { name: 'STATUS' }, { name: 'AGE' }],
  row(ns, now) {
    return [ns.metadata.name!, ns.status?.phase ?? '', age(ns.metadata.creationTimestamp, now)];
  },
};
