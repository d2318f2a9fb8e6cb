/** TableDef is a kind's `kubectl get` table: the server-side printer's columns and how to fill a row. */
import type { KubeObject } from '../../../api/meta.ts';

/** Column is one table column; wide columns only show with `-o wide`. */
export interface Column {
  name: string;
  wide?: boolean;
}

/** TableDef describes how objects of one kind print as rows. */
export interface TableDef<T extends KubeObject = KubeObject> {
  columns: readonly Column[];
  /** row returns one cell per column (wide ones included), for the object at virtual time `now`. */
  row(obj: T, now: number): string[];
}

/** cellSafe cuts a cell at its first line break and marks the cut, as kubectl's table printer does. */
export function cellSafe(s: string): string {
  const i = s.search(/[\n\r\f]/);
  return i < 0 ? s : `${s.slice(0, i)}...`;
}
