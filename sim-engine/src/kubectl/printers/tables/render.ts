/**
 * renderTable lays objects out as `kubectl get` does: upper-cased headers, wide columns only
 * with `-o wide`, the NAMESPACE column for `-A`, `kind/` name prefixes when several types are
 * printed, `-L` label columns, `--show-labels` and `--output-watch-events`' EVENT column.
 */
import type { KubeObject } from '../../../api/meta.ts';
import { formatLabels } from '../labels.ts';
import type { TabWriter } from '../tabwriter.ts';
import { cellSafe, type TableDef } from './table.ts';

/** TableOptions are the `get` flags that shape a table. */
export interface TableOptions {
  wide?: boolean;
  noHeaders?: boolean;
  withNamespace?: boolean;
  /** Prefix for the NAME cell, e.g. `pod/` or `deployment.apps/`. */
  namePrefix?: string;
  labelColumns?: string[];
  showLabels?: boolean;
  /** With `--output-watch-events`: the watch event type, shown in a leading EVENT column. */
  eventType?: string;
}

/** renderTable writes the header (unless suppressed or there are no rows) and one row per object. */
export function renderTable(w: TabWriter, def: TableDef, objects: readonly KubeObject[], now: number, opts: TableOptions): void {
  const keep = def.columns.map((c) => opts.wide || !c.wide);
  const labelKeys = opts.labelColumns ?? [];
  if (!opts.noHeaders && objects.length > 0) {
    const headers = def.columns.filter((_, i) => keep[i]).map((c) => c.name.toUpperCase());
    if (opts.withNamespace) headers.unshift('NAMESPACE');
    for (const k of labelKeys) headers.push(k.slice(k.lastIndexOf('/') + 1).toUpperCase());
    if (opts.showLabels) headers.push('LABELS');
    if (opts.eventType) headers.unshift('EVENT');
    w.write(`${headers.join('\t')}\n`);
  }
  for (const obj of objects) {
    const cells = def.row(obj, now).filter((_, i) => keep[i]);
    if (opts.namePrefix) cells[0] = `${opts.namePrefix}${cells[0]}`;
    if (opts.withNamespace) cells.unshift(obj.metadata.namespace ?? '');
    for (const k of labelKeys) cells.push(obj.metadata.labels?.[k] ?? '');
    if (opts.showLabels) cells.push(formatLabels(obj.metadata.labels));
    if (opts.eventType) cells.unshift(opts.eventType);
    w.write(`${cells.map(cellSafe).join('\t')}\n`);
  }
}
